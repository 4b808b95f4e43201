--TEST--
OpenAI Responses API object: input/output token details, reasoning output item sets is_reasoning, status is the finish reason, reasoning.effort read
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('openai', 'o4-mini', fixture('openai/responses'));
check('responses', $record, [
    'provider' => 'openai',
    'model' => 'o4-mini',
    'snapshot' => 'o4-mini-2025-04-16',
    'response_id' => 'resp_6870a3f1c2d48193a7e5b1f04c9d2e7a0b6f8c3d1e2a4b57',
    'operation' => 'chat',
    'model_type' => 'text',
    'pricing_tier' => 'standard',
    // input_tokens includes the cached ones, output_tokens the reasoning ones
    'prompt_tokens' => 1280,
    'cached_tokens' => 1024,
    'completion_tokens' => 962,
    'reasoning_tokens' => 704,
    'cache_write_tokens' => 0,
    'total_tokens' => 2242,
    'finish_reason' => 'completed',
    'finish_reasons' => ['completed'],
    'is_reasoning' => true,
    'reasoning_effort' => 'medium',
    // reasoning and message items are not tool calls
    'has_tool_calls' => false,
    'tool_call_counts' => null,
]);

// A reasoning item alone marks the request as reasoning even when no reasoning tokens are reported.
$body = fixture('openai/responses');
$body['usage']['output_tokens_details']['reasoning_tokens'] = 0;
check('reasoning item only', tracked('openai', 'o4-mini', $body), ['reasoning_tokens' => 0, 'is_reasoning' => true]);

// An explicit reasoning_effort option is not replaced by the response's.
check('effort option', tracked('openai', 'o4-mini', fixture('openai/responses'), ['reasoning_effort' => 'low']), ['reasoning_effort' => 'low']);

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
responses: ok
reasoning item only: ok
effort option: ok
