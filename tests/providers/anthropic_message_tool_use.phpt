--TEST--
Anthropic message with a thinking block and two tool_use blocks: is_reasoning, tool_call_counts tool_use 2, stop_reason tool_use; an alias model id keeps the dated answer as snapshot
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('anthropic', 'claude-sonnet-4-5', fixture('anthropic/message_tool_use'));
check('tool use', $record, [
    'model' => 'claude-sonnet-4-5',
    'snapshot' => 'claude-sonnet-4-5-20250929',
    'response_id' => 'msg_01Sd5GhJ3kLq8WeR1tYu7iOp',
    'operation' => 'chat',
    'prompt_tokens' => 512,
    'completion_tokens' => 301,
    // Anthropic does not report thinking tokens apart from output_tokens
    'reasoning_tokens' => 0,
    'is_reasoning' => true,
    'finish_reason' => 'tool_use',
    'finish_reasons' => ['tool_use'],
    'has_tool_calls' => true,
    'tool_call_counts' => ['tool_use' => 2],
]);

// A redacted_thinking block also marks reasoning.
$body = fixture('anthropic/message_tool_use');
$body['content'][0] = ['type' => 'redacted_thinking', 'data' => 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP'];
check('redacted thinking', tracked('anthropic', 'claude-sonnet-4-5', $body), ['is_reasoning' => true]);

// Without thinking or tool_use blocks: neither flag.
$body = fixture('anthropic/message_tool_use');
$body['content'] = [$body['content'][1]];
$body['stop_reason'] = 'end_turn';
check('text only', tracked('anthropic', 'claude-sonnet-4-5', $body), [
    'is_reasoning' => false,
    'has_tool_calls' => false,
    'tool_call_counts' => null,
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
tool use: ok
redacted thinking: ok
text only: ok
