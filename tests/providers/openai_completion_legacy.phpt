--TEST--
OpenAI legacy completions (object text_completion): operation text_completion, usage and finish_reason read, model id with a ":" suffix kept as the snapshot
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('openai', 'gpt-3.5-turbo-instruct', fixture('openai/completion'));
check('text completion', $record, [
    'provider' => 'openai',
    'model' => 'gpt-3.5-turbo-instruct',
    'snapshot' => 'gpt-3.5-turbo-instruct:20230824-v2',
    'response_id' => 'cmpl-BqUE2vKx7sNd0RpYh4cWm9aTz5Lf1',
    'operation' => 'text_completion',
    'model_type' => 'text',
    'prompt_tokens' => 12,
    'completion_tokens' => 32,
    'cached_tokens' => 0,
    'reasoning_tokens' => 0,
    'total_tokens' => 44,
    'finish_reason' => 'length',
    'finish_reasons' => ['length'],
    'has_tool_calls' => false,
    'is_reasoning' => false,
]);

// Recognised by the shape of its choices even without the "object" field.
$body = fixture('openai/completion');
unset($body['object']);
check('without object', tracked('openai', 'gpt-3.5-turbo-instruct', $body), [
    'operation' => 'text_completion',
    'prompt_tokens' => 12,
    'completion_tokens' => 32,
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
text completion: ok
without object: ok
