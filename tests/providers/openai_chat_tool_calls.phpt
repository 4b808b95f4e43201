--TEST--
OpenAI chat completion with two function tool_calls: finish_reason tool_calls, has_tool_calls, tool_call_counts by tool type
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('openai', 'gpt-4o', fixture('openai/chat_completion_tool_calls'));
check('tool calls', $record, [
    'model' => 'gpt-4o',
    'snapshot' => 'gpt-4o-2024-08-06',
    'response_id' => 'chatcmpl-BqT7Hn3cVw0yKpR5uE9tZaLmQ2sDx',
    'operation' => 'chat',
    'prompt_tokens' => 182,
    'completion_tokens' => 57,
    'cached_tokens' => 0,
    'reasoning_tokens' => 0,
    'total_tokens' => 239,
    'finish_reason' => 'tool_calls',
    'finish_reasons' => ['tool_calls'],
    'has_tool_calls' => true,
    'tool_call_counts' => ['function' => 2],
    'is_reasoning' => false,
]);

// A tool call without a "type" still counts, as a function call.
$body = fixture('openai/chat_completion_tool_calls');
unset($body['choices'][0]['message']['tool_calls'][1]['type']);
$record = tracked('openai', 'gpt-4o', $body);
check('untyped tool call', $record, ['has_tool_calls' => true, 'tool_call_counts' => ['function' => 2]]);

// finish_reason "tool_calls" alone marks the request as having tool calls.
$body = fixture('openai/chat_completion_tool_calls');
unset($body['choices'][0]['message']['tool_calls']);
$record = tracked('openai', 'gpt-4o', $body);
check('finish reason only', $record, ['has_tool_calls' => true, 'tool_call_counts' => null, 'finish_reasons' => ['tool_calls']]);

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
tool calls: ok
untyped tool call: ok
finish reason only: ok
