--TEST--
OpenAI chat completion: prompt_tokens_details.cached_tokens is a subset of prompt_tokens, the dated model becomes the snapshot, service_tier "default" reads as standard
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('openai', 'gpt-4o-mini', fixture('openai/chat_completion'));
check('chat completion', $record, [
    'provider' => 'openai',
    'model' => 'gpt-4o-mini',
    'snapshot' => 'gpt-4o-mini-2024-07-18',
    'response_id' => 'chatcmpl-BqT4vLr8ZkHn2WcQe7sYdJfA1mXpG',
    'operation' => 'chat',
    'model_type' => 'text',
    'pricing_tier' => 'standard',
    // prompt_tokens already includes the 1024 cached tokens: not added again
    'prompt_tokens' => 1117,
    'completion_tokens' => 46,
    'cached_tokens' => 1024,
    'cache_write_tokens' => 0,
    'reasoning_tokens' => 0,
    'total_tokens' => 1163,
    'finish_reason' => 'stop',
    'finish_reasons' => ['stop'],
    'has_tool_calls' => false,
    'tool_call_counts' => null,
    'is_reasoning' => false,
    'status_code' => 200,
    'is_failed' => false,
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
chat completion: ok
