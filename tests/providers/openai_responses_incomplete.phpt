--TEST--
OpenAI Responses API object with status incomplete: incomplete_details.reason is the finish reason; service_tier "flex" becomes the pricing tier
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('openai', 'gpt-5-mini', fixture('openai/responses_incomplete'));
check('incomplete', $record, [
    'model' => 'gpt-5-mini',
    'snapshot' => 'gpt-5-mini-2025-08-07',
    'response_id' => 'resp_6870c4d75e6f8196b7c8d9e0f1a2b3c40d9e8f7a6b5c4d3e',
    'pricing_tier' => 'flex',
    'prompt_tokens' => 4400,
    'cached_tokens' => 4096,
    'completion_tokens' => 256,
    'reasoning_tokens' => 256,
    'finish_reason' => 'max_output_tokens',
    'finish_reasons' => ['max_output_tokens'],
    'is_reasoning' => true,
    'reasoning_effort' => 'high',
    'has_tool_calls' => false,
]);

// Without "object", a body with output + usage.input_tokens/output_tokens is still a Responses body.
$body = fixture('openai/responses_incomplete');
unset($body['object']);
check('without object', tracked('openai', 'gpt-5-mini', $body), [
    'operation' => 'chat',
    'prompt_tokens' => 4400,
    'cached_tokens' => 4096,
    'reasoning_tokens' => 256,
    'finish_reason' => 'max_output_tokens',
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
incomplete: ok
without object: ok
