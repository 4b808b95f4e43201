--TEST--
OpenAI chat completion from a reasoning model: completion_tokens_details.reasoning_tokens is a subset of completion_tokens and sets is_reasoning
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('openai', 'o4-mini', fixture('openai/chat_completion_reasoning'));
check('reasoning', $record, [
    'model' => 'o4-mini',
    'snapshot' => 'o4-mini-2025-04-16',
    'response_id' => 'chatcmpl-BqU1aZ6rPq8NwE3tGh5jKc0vYlM7o',
    'operation' => 'chat',
    'prompt_tokens' => 2350,
    'cached_tokens' => 1920,
    // 1210 output tokens include the 1024 reasoning tokens
    'completion_tokens' => 1210,
    'reasoning_tokens' => 1024,
    'total_tokens' => 3560,
    'is_reasoning' => true,
    'finish_reason' => 'stop',
    'has_tool_calls' => false,
]);

// No reasoning tokens reported: not a reasoning request.
$body = fixture('openai/chat_completion_reasoning');
$body['usage']['completion_tokens_details']['reasoning_tokens'] = 0;
check('zero reasoning tokens', tracked('openai', 'o4-mini', $body), ['reasoning_tokens' => 0, 'is_reasoning' => false]);

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
reasoning: ok
zero reasoning tokens: ok
