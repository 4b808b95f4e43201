--TEST--
Input form: a JSON string body (raw HTTP body text) is decoded and extracted like the array; the string is returned unchanged
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$dir = __DIR__ . '/../fixtures';

$record = tracked('anthropic', 'claude-sonnet-4-5-20250929', file_get_contents("$dir/anthropic/message_cache.json"));
check('anthropic json', $record, [
    'response_id' => 'msg_01Lx2PcV9sDk6TnR4wJa8yHf',
    'operation' => 'chat',
    'prompt_tokens' => 5640,
    'cached_tokens' => 4096,
    'cache_write_tokens' => 1536,
    'completion_tokens' => 512,
    'finish_reason' => 'end_turn',
]);

$record = tracked('openai', 'gpt-4.1', file_get_contents("$dir/openai/responses_tools.json"));
check('responses json', $record, [
    'snapshot' => 'gpt-4.1-2025-04-14',
    'prompt_tokens' => 3120,
    'completion_tokens' => 418,
    'tool_call_counts' => ['web_search_call' => 2, 'file_search_call' => 1, 'code_interpreter_call' => 1, 'function_call' => 1],
]);

// Leading whitespace and a compact (one-line) encoding.
$compact = "\r\n\t  " . json_encode(json_decode(file_get_contents("$dir/gemini/generate_content_thinking.json")));
$record = tracked('google', 'gemini-2.5-flash', $compact);
check('compact json', $record, [
    'response_id' => 'Kp9xaNWbGfG_1MkP0tSq6Ao',
    'prompt_tokens' => 2154,
    'completion_tokens' => 1210,
    'reasoning_tokens' => 1023,
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
anthropic json: ok
responses json: ok
compact json: ok
