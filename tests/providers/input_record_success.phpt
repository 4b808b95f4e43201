--TEST--
Input form: Spectra::startRequest() + Spectra::recordSuccess() extracts the same record from a response (array or JSON string) and returns it; listeners get the same record
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$context = Spectra::startRequest('openai', 'o4-mini');
$record = Spectra::recordSuccess($context, fixture('openai/chat_completion_reasoning'));
check('recordSuccess array', $record, [
    'id' => $context->id,
    'model' => 'o4-mini',
    'snapshot' => 'o4-mini-2025-04-16',
    'prompt_tokens' => 2350,
    'cached_tokens' => 1920,
    'completion_tokens' => 1210,
    'reasoning_tokens' => 1024,
    'is_reasoning' => true,
]);
echo 'listener got the same record: ', var_export($records[0]['id'] === $record['id'] && $records[0]['prompt_tokens'] === 2350, true), "\n";

$context = Spectra::startRequest('google', 'gemini-2.5-pro');
$record = Spectra::recordSuccess($context, file_get_contents(__DIR__ . '/../fixtures/gemini/generate_content_function_call.json'));
check('recordSuccess json', $record, [
    'response_id' => 'Tq1xaJ3uD8e_1MkPzK2s8QE',
    'prompt_tokens' => 118,
    'completion_tokens' => 125,
    'tool_call_counts' => ['function_call' => 2],
]);

// Explicit usage (GenAI semantics) given to recordSuccess replaces what the body says.
$context = Spectra::startRequest('anthropic', 'claude-sonnet-4-5-20250929');
$record = Spectra::recordSuccess($context, fixture('anthropic/message_cache'), ['prompt_tokens' => 6000, 'cached_tokens' => 0]);
check('explicit usage', $record, [
    'prompt_tokens' => 6000,
    'cached_tokens' => 0,
    // not given: kept from the body
    'cache_write_tokens' => 1536,
    'completion_tokens' => 512,
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
recordSuccess array: ok
listener got the same record: true
recordSuccess json: ok
explicit usage: ok
