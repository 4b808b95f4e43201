--TEST--
Anthropic message: usage read with Anthropic semantics, stop_reason is the finish reason, usage.service_tier is the pricing tier, same model answered gives no snapshot
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('anthropic', 'claude-sonnet-4-5-20250929', fixture('anthropic/message'));
check('message', $record, [
    'provider' => 'anthropic',
    'model' => 'claude-sonnet-4-5-20250929',
    'snapshot' => null,
    'response_id' => 'msg_01Hq7ZrT4kYvW3nB8cXe5mPd',
    'operation' => 'chat',
    'model_type' => 'text',
    'pricing_tier' => 'standard',
    'prompt_tokens' => 21,
    'completion_tokens' => 305,
    'cached_tokens' => 0,
    'cache_write_tokens' => 0,
    'reasoning_tokens' => 0,
    'total_tokens' => 326,
    'finish_reason' => 'end_turn',
    'finish_reasons' => ['end_turn'],
    'has_tool_calls' => false,
    'tool_call_counts' => null,
    'is_reasoning' => false,
]);

// "claude" is an alias of the provider; the body shape decides the extractor.
check('claude alias', tracked('claude', 'claude-sonnet-4-5-20250929', fixture('anthropic/message')), [
    'provider' => 'claude',
    'prompt_tokens' => 21,
    'completion_tokens' => 305,
    'finish_reason' => 'end_turn',
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
claude alias: ok
