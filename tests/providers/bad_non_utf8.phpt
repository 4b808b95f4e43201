--TEST--
Bad input: invalid UTF-8 bytes in id, model, finish_reason and tool types do not stop extraction: tokens, reasons and tool counts are recorded, prices still follow the requested model
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$body = fixture('openai/chat_completion_tool_calls');
$body['id'] = "chatcmpl-\xff\xfe\x80";
$body['model'] = "gpt-4o-2024-08-06\xc3\x28";
$body['choices'][0]['finish_reason'] = "tool\xe2\x82calls";
$body['choices'][0]['message']['tool_calls'][0]['type'] = "fun\xc0\xafction";
$record = tracked('openai', 'gpt-4o', $body);

check('invalid utf-8', $record, [
    'prompt_tokens' => 182,
    'completion_tokens' => 57,
    'model' => 'gpt-4o',
    'has_tool_calls' => true,
    // gpt-4o: 182 x 250 / 1e6 + 57 x 1000 / 1e6 = 0.0455 + 0.057
    'total_cost_in_cents' => 0.1025,
    'cost_known' => true,
]);
echo 'response_id: ', str_starts_with($record['response_id'], 'chatcmpl-') ? 'kept' : 'lost', "\n";
echo 'snapshot: ', str_starts_with((string) $record['snapshot'], 'gpt-4o-2024-08-06') ? 'kept' : 'lost', "\n";
echo 'finish reasons: ', count($record['finish_reasons']), "\n";
echo 'tool call kinds: ', count($record['tool_call_counts']), ', calls: ', array_sum($record['tool_call_counts']), "\n";

// The same bytes inside a JSON string are rejected by the JSON decoder: nothing is read, nothing breaks.
$record = tracked('openai', 'gpt-4o', '{"id":"chatcmpl-' . "\xff" . '","object":"chat.completion","usage":{"prompt_tokens":5}}');
check('invalid utf-8 json', $record, ['prompt_tokens' => 0, 'response_id' => null]);

// Anthropic and Gemini shapes with invalid bytes in their ids and reasons.
$body = fixture('anthropic/message_tool_use');
$body['id'] = "msg_\x80\x81";
$body['stop_reason'] = "\xfftool_use";
$body['content'][2]['type'] = "tool_use\xff";
check('anthropic', tracked('anthropic', 'claude-sonnet-4-5', $body), [
    'prompt_tokens' => 512,
    'completion_tokens' => 301,
    'is_reasoning' => true,
    'has_tool_calls' => true,
]);
$body = fixture('gemini/generate_content_thinking');
$body['responseId'] = "\xed\xa0\x80";
$body['modelVersion'] = "gemini-2.5-flash\xff";
$body['candidates'][0]['finishReason'] = "STOP\xfe";
check('gemini', tracked('google', 'gemini-2.5-flash', $body), [
    'model' => 'gemini-2.5-flash',
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
invalid utf-8: ok
response_id: kept
snapshot: kept
finish reasons: 1
tool call kinds: 2, calls: 2
invalid utf-8 json: ok
anthropic: ok
gemini: ok
