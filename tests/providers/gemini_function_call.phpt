--TEST--
Gemini generateContent with two functionCall parts: has_tool_calls and tool_call_counts function_call 2 although finishReason is STOP
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('google', 'gemini-2.5-pro', fixture('gemini/generate_content_function_call'));
check('function call', $record, [
    'model' => 'gemini-2.5-pro',
    'response_id' => 'Tq1xaJ3uD8e_1MkPzK2s8QE',
    'operation' => 'generate_content',
    'prompt_tokens' => 118,
    // 36 candidates + 89 thoughts
    'completion_tokens' => 125,
    'reasoning_tokens' => 89,
    'total_tokens' => 243,
    'is_reasoning' => true,
    'finish_reason' => 'STOP',
    'has_tool_calls' => true,
    'tool_call_counts' => ['function_call' => 2],
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
function call: ok
