--TEST--
Bad input: negative, non-numeric, boolean, array and out-of-range float token counts are ignored (0); numeric strings and finite floats are read as whole counts
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

function chat(array $usage): array
{
    return ['object' => 'chat.completion', 'choices' => [['message' => [], 'finish_reason' => 'stop']], 'usage' => $usage];
}

check('negative', tracked('openai', 'gpt-4o-mini', chat([
    'prompt_tokens' => -5,
    'completion_tokens' => -1,
    'prompt_tokens_details' => ['cached_tokens' => -100],
    'completion_tokens_details' => ['reasoning_tokens' => -3],
])), ['prompt_tokens' => 0, 'completion_tokens' => 0, 'cached_tokens' => 0, 'reasoning_tokens' => 0, 'total_tokens' => 0, 'is_reasoning' => false]);

check('strings', tracked('openai', 'gpt-4o-mini', chat([
    'prompt_tokens' => '120',
    'completion_tokens' => 'twelve',
    'prompt_tokens_details' => ['cached_tokens' => ''],
    'completion_tokens_details' => ['reasoning_tokens' => '-4'],
])), ['prompt_tokens' => 120, 'completion_tokens' => 0, 'cached_tokens' => 0, 'reasoning_tokens' => 0]);

check('floats', tracked('openai', 'gpt-4o-mini', chat([
    'prompt_tokens' => 100.0,
    'completion_tokens' => 12.7,
    'prompt_tokens_details' => ['cached_tokens' => 1e30],
    'completion_tokens_details' => ['reasoning_tokens' => NAN],
])), ['prompt_tokens' => 100, 'completion_tokens' => 12, 'cached_tokens' => 0, 'reasoning_tokens' => 0]);

check('infinite', tracked('openai', 'gpt-4o-mini', chat([
    'prompt_tokens' => INF,
    'completion_tokens' => -INF,
])), ['prompt_tokens' => 0, 'completion_tokens' => 0]);

check('other types', tracked('openai', 'gpt-4o-mini', chat([
    'prompt_tokens' => true,
    'completion_tokens' => [50],
    'prompt_tokens_details' => ['cached_tokens' => null],
    'completion_tokens_details' => ['reasoning_tokens' => (object) ['n' => 1]],
])), ['prompt_tokens' => 0, 'completion_tokens' => 0, 'cached_tokens' => 0, 'reasoning_tokens' => 0]);

// The same through JSON text: exponent notation beyond 9e15 is not a count.
check('json text', tracked('openai', 'gpt-4o-mini',
    '{"object":"chat.completion","usage":{"prompt_tokens":1e300,"completion_tokens":"7","prompt_tokens_details":{"cached_tokens":-2}}}'),
    ['prompt_tokens' => 0, 'completion_tokens' => 7, 'cached_tokens' => 0]);

// Anthropic: a bad count of one part does not drop the others.
check('anthropic', tracked('anthropic', 'claude-sonnet-4-5-20250929', [
    'type' => 'message',
    'usage' => ['input_tokens' => 10, 'cache_read_input_tokens' => 'many', 'cache_creation_input_tokens' => -7, 'output_tokens' => 3],
]), ['prompt_tokens' => 10, 'cached_tokens' => 0, 'cache_write_tokens' => 0, 'completion_tokens' => 3]);

// Gemini: negative thoughts are ignored, candidates kept.
check('gemini', tracked('google', 'gemini-2.5-flash', [
    'usageMetadata' => ['promptTokenCount' => '9', 'candidatesTokenCount' => 4, 'thoughtsTokenCount' => -50, 'cachedContentTokenCount' => false],
]), ['prompt_tokens' => 9, 'completion_tokens' => 4, 'reasoning_tokens' => 0, 'cached_tokens' => 0, 'is_reasoning' => false]);

// Counts that fit are kept exactly, up to the largest integer.
check('large', tracked('openai', 'gpt-4o-mini', chat(['prompt_tokens' => 2000000000000, 'completion_tokens' => 1])),
    ['prompt_tokens' => 2000000000000, 'completion_tokens' => 1, 'total_tokens' => 2000000000001]);

/** Prints "label: ok", or one line per record key that differs from the expected value. */
function check(string $label, array $record, array $expected): void
{
    $problems = [];
    foreach ($expected as $key => $want) {
        if (!array_key_exists($key, $record)) {
            $problems[] = "$key is missing";
            continue;
        }
        $got = $record[$key];
        $same = is_float($want) ? is_float($got) && abs($got - $want) < 1e-9 : $got === $want;
        if (!$same) {
            $problems[] = "$key: expected " . var_export($want, true) . ', got ' . var_export($got, true);
        }
    }
    echo $label, ': ', $problems ? "\n  " . implode("\n  ", $problems) : 'ok', "\n";
}

function fixture(string $name): array
{
    return json_decode(file_get_contents(__DIR__ . "/../fixtures/$name.json"), true, 512, JSON_THROW_ON_ERROR);
}

/** Spectra::track() with a callback that returns $response; returns the one record published. */
function tracked(string $provider, string $model, mixed $response, array $options = []): array
{
    $before = count($GLOBALS['records']);
    $returned = \Spectra\Spectra::track($provider, $model, fn () => $response, $options);
    if ($returned !== $response) {
        echo "track() changed the callback's return value\n";
    }
    if (count($GLOBALS['records']) !== $before + 1) {
        echo 'expected one record, got ', count($GLOBALS['records']) - $before, "\n";
        return [];
    }
    return $GLOBALS['records'][$before];
}
?>
--EXPECT--
negative: ok
strings: ok
floats: ok
infinite: ok
other types: ok
json text: ok
anthropic: ok
gemini: ok
large: ok
