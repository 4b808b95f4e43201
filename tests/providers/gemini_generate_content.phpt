--TEST--
Gemini generateContent: usageMetadata read, finishReason kept as sent, responseId is the response id, modelVersion equal to the request gives no snapshot
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('google', 'gemini-2.0-flash', fixture('gemini/generate_content'));
check('generate content', $record, [
    'provider' => 'google',
    'model' => 'gemini-2.0-flash',
    'snapshot' => null,
    'response_id' => 'mY1xaO2hKbqZ1MkPp4vN8Qc',
    'operation' => 'generate_content',
    'model_type' => 'text',
    'prompt_tokens' => 9,
    'completion_tokens' => 24,
    'cached_tokens' => 0,
    'cache_write_tokens' => 0,
    'reasoning_tokens' => 0,
    'total_tokens' => 33,
    'finish_reason' => 'STOP',
    'finish_reasons' => ['STOP'],
    'has_tool_calls' => false,
    'tool_call_counts' => null,
    'is_reasoning' => false,
]);

// A different modelVersion (an alias was requested) becomes the snapshot.
check('alias request', tracked('gemini', 'gemini-flash-latest', fixture('gemini/generate_content')), [
    'model' => 'gemini-flash-latest',
    'snapshot' => 'gemini-2.0-flash',
]);

// toolUsePromptTokenCount is input the model read: it joins prompt_tokens.
$body = fixture('gemini/generate_content');
$body['usageMetadata']['toolUsePromptTokenCount'] = 40;
check('tool use prompt', tracked('google', 'gemini-2.0-flash', $body), ['prompt_tokens' => 49, 'completion_tokens' => 24]);

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
generate content: ok
alias request: ok
tool use prompt: ok
