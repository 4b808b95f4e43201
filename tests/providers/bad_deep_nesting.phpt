--TEST--
Bad input: deeply nested junk beside a valid usage (arrays 100000 levels deep, JSON nested beyond the decoder depth, self-referencing objects) is recorded with what can be read and does not crash
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

function nested(int $depth): array
{
    $root = [];
    $cursor = &$root;
    for ($i = 0; $i < $depth; $i++) {
        $cursor['choices'] = [];
        $cursor = &$cursor['choices'];
    }
    return $root;
}

// An array: the valid top-level usage is read, the junk branch is never walked.
$body = fixture('openai/chat_completion');
$body['junk'] = nested(100000);
check('deep array', tracked('openai', 'gpt-4o-mini', $body), [
    'prompt_tokens' => 1117,
    'completion_tokens' => 46,
    'cached_tokens' => 1024,
    'finish_reason' => 'stop',
]);

// Deep nesting inside the fields the extractors do walk.
$body = fixture('anthropic/message_tool_use');
$body['content'][] = nested(50000);
$body['usage']['cache_creation'] = nested(50000);
check('deep in content', tracked('anthropic', 'claude-sonnet-4-5', $body), [
    'prompt_tokens' => 512,
    'completion_tokens' => 301,
    'tool_call_counts' => ['tool_use' => 2],
]);

// JSON text nested deeper than the decoder allows: not decodable, so nothing is read.
$json = '{"object":"chat.completion","usage":{"prompt_tokens":10,"completion_tokens":5},"junk":'
    . str_repeat('[', 100000) . str_repeat(']', 100000) . '}';
check('deep json', tracked('openai', 'gpt-4o-mini', $json), ['prompt_tokens' => 0, 'completion_tokens' => 0]);

// JSON text nested within the limit: read.
$json = '{"object":"chat.completion","usage":{"prompt_tokens":10,"completion_tokens":5},"junk":'
    . str_repeat('[', 400) . str_repeat(']', 400) . '}';
check('nested json', tracked('openai', 'gpt-4o-mini', $json), ['prompt_tokens' => 10, 'completion_tokens' => 5]);

// A stdClass that references itself: the readable part is kept.
$object = json_decode(file_get_contents(__DIR__ . '/../fixtures/gemini/generate_content.json'));
$object->self = $object;
check('self reference', tracked('google', 'gemini-2.0-flash', $object), [
    'prompt_tokens' => 9,
    'completion_tokens' => 24,
    'response_id' => 'mY1xaO2hKbqZ1MkPp4vN8Qc',
]);
unset($object->self);

// An array that contains itself by reference.
$body = fixture('openai/embeddings');
$body['loop'] = &$body;
check('self reference array', tracked('openai', 'text-embedding-3-small', $body), ['prompt_tokens' => 17]);
unset($body['loop']);

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
deep array: ok
deep in content: ok
deep json: ok
nested json: ok
self reference: ok
self reference array: ok
