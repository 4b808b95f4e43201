--TEST--
Pricing: Anthropic cache reads at the cached-input rate and cache writes at the 5-minute cache-write rate, uncached input (usage.input_tokens) at the input rate
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

// claude-sonnet-4-5-20250929 standard: input 300, output 1500, cached 30, cache write 5m 375 cents per 1M.

// No caching: 21 in, 305 out.
check('message', tracked('anthropic', 'claude-sonnet-4-5-20250929', fixture('anthropic/message')), [
    // 21 x 300 / 1e6 = 0.0063
    'prompt_cost' => 0.0063,
    // 305 x 1500 / 1e6 = 0.4575
    'completion_cost' => 0.4575,
    // 0.0063 + 0.4575 = 0.4638
    'total_cost_in_cents' => 0.4638,
    'cost_known' => true,
]);

// 8 uncached + 4096 cache reads + 1536 cache writes, 512 out.
check('cache read + write', tracked('anthropic', 'claude-sonnet-4-5-20250929', fixture('anthropic/message_cache')), [
    'prompt_tokens' => 5640,
    // (8 x 300 + 4096 x 30 + 1536 x 375) / 1e6 = (2400 + 122880 + 576000) / 1e6 = 0.70128
    'prompt_cost' => 0.70128,
    // 512 x 1500 / 1e6 = 0.768
    'completion_cost' => 0.768,
    // 0.70128 + 0.768 = 1.46928
    'total_cost_in_cents' => 1.46928,
]);

// claude-sonnet-4-6 standard (same rates): only a cache write of 1000 plus 1000 uncached.
$write_only = ['type' => 'message', 'model' => 'claude-sonnet-4-6', 'stop_reason' => 'end_turn', 'content' => [],
    'usage' => ['input_tokens' => 1000, 'cache_creation_input_tokens' => 1000, 'cache_read_input_tokens' => 0, 'output_tokens' => 0]];
check('cache write only', tracked('anthropic', 'claude-sonnet-4-6', $write_only), [
    'prompt_tokens' => 2000,
    // (1000 x 300 + 1000 x 375) / 1e6 = 675000 / 1e6 = 0.675
    'prompt_cost' => 0.675,
    'completion_cost' => 0.0,
    'total_cost_in_cents' => 0.675,
]);

// claude-haiku-4-5-20251001 batch (from usage.service_tier): input 50, output 250, cached 5, cache write 5m 62.5.
$batch = ['id' => 'msg_01BatchResultExample00000', 'type' => 'message', 'role' => 'assistant',
    'model' => 'claude-haiku-4-5-20251001', 'content' => [['type' => 'text', 'text' => 'ok']],
    'stop_reason' => 'end_turn', 'stop_sequence' => null,
    'usage' => ['input_tokens' => 100, 'cache_read_input_tokens' => 1000, 'cache_creation_input_tokens' => 2000,
        'output_tokens' => 50, 'service_tier' => 'batch']];
check('haiku batch', tracked('anthropic', 'claude-haiku-4-5-20251001', $batch), [
    'pricing_tier' => 'batch',
    'prompt_tokens' => 3100,
    // (100 x 50 + 1000 x 5 + 2000 x 62.5) / 1e6 = (5000 + 5000 + 125000) / 1e6 = 0.135
    'prompt_cost' => 0.135,
    // 50 x 250 / 1e6 = 0.0125
    'completion_cost' => 0.0125,
    // 0.135 + 0.0125 = 0.1475
    'total_cost_in_cents' => 0.1475,
]);

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
message: ok
cache read + write: ok
cache write only: ok
haiku batch: ok
