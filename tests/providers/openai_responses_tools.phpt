--TEST--
OpenAI Responses API output items web_search_call x2, file_search_call, code_interpreter_call, function_call: counted per item type; message items are not tool calls
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('openai', 'gpt-4.1', fixture('openai/responses_tools'));
check('responses tools', $record, [
    'model' => 'gpt-4.1',
    'snapshot' => 'gpt-4.1-2025-04-14',
    'response_id' => 'resp_6870b12e9f0c8190a4b3c2d1e0f9a8b70c5d4e3f2a1b0c9d',
    'operation' => 'chat',
    'prompt_tokens' => 3120,
    'completion_tokens' => 418,
    'cached_tokens' => 0,
    'reasoning_tokens' => 0,
    'total_tokens' => 3538,
    'finish_reason' => 'completed',
    'has_tool_calls' => true,
    'tool_call_counts' => [
        'web_search_call' => 2,
        'file_search_call' => 1,
        'code_interpreter_call' => 1,
        'function_call' => 1,
    ],
    'is_reasoning' => false,
    // "reasoning": {"effort": null} is not an effort
    'reasoning_effort' => null,
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
responses tools: ok
