--TEST--
Pricing: OpenAI gpt-4o-mini 100 prompt + 50 completion tokens costs 0.0045 cents (standard tier), rounded to 1e-10 cents so no float noise remains; embeddings bill input only
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$chat = ['object' => 'chat.completion', 'model' => 'gpt-4o-mini-2024-07-18',
    'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50, 'total_tokens' => 150]];

$record = tracked('openai', 'gpt-4o-mini', $chat);
check('gpt-4o-mini', $record, [
    'pricing_tier' => 'standard',
    // gpt-4o-mini standard: input 15, output 60 cents per 1M
    // prompt: 100 x 15 / 1e6 = 0.0015
    'prompt_cost' => 0.0015,
    // completion: 50 x 60 / 1e6 = 0.003
    'completion_cost' => 0.003,
    // total: 0.0015 + 0.003 = 0.0045
    'total_cost_in_cents' => 0.0045,
    'currency' => 'USD',
    'cost_known' => true,
]);
// 0.0015 + 0.003 is 0.0045000000000000005 in binary floating point; the rounding removes it
var_dump($record['total_cost_in_cents'] === 0.0045);

// The same usage given explicitly, without a body.
$context = Spectra::startRequest('openai', 'gpt-4o-mini');
$record = Spectra::recordSuccess($context, null, ['prompt_tokens' => 100, 'completion_tokens' => 50]);
// 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0045
check('explicit usage', $record, ['total_cost_in_cents' => 0.0045, 'cost_known' => true]);

// The provider name is matched ignoring case.
// 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0045
check('OpenAI', tracked('OpenAI', 'gpt-4o-mini', $chat), ['total_cost_in_cents' => 0.0045, 'cost_known' => true]);

// Embeddings: text-embedding-3-small input 2 cents per 1M, output 0.
$record = tracked('openai', 'text-embedding-3-small', fixture('openai/embeddings'));
check('embeddings', $record, [
    // 17 x 2 / 1e6 = 0.000034
    'prompt_cost' => 0.000034,
    'completion_cost' => 0.0,
    'total_cost_in_cents' => 0.000034,
    'model_type' => 'embedding',
    'cost_known' => true,
]);

// A known model with no usage costs 0, and the cost is unknown (never a silent 0), with the reason.
check('no usage', tracked('openai', 'gpt-4o-mini', null), ['total_cost_in_cents' => 0.0, 'cost_known' => false,
    'cost_reason' => 'no usage reported for gpt-4o-mini']);

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
gpt-4o-mini: ok
bool(true)
explicit usage: ok
OpenAI: ok
embeddings: ok
no usage: ok
