--TEST--
OpenAI embeddings list: operation embeddings, model_type embedding, usage.prompt_tokens read, no completion tokens and no finish reason
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('openai', 'text-embedding-3-small', fixture('openai/embeddings'));
check('embeddings', $record, [
    'provider' => 'openai',
    'model' => 'text-embedding-3-small',
    // the answering model is the requested one: no snapshot
    'snapshot' => null,
    'response_id' => null,
    'operation' => 'embeddings',
    'model_type' => 'embedding',
    'prompt_tokens' => 17,
    'completion_tokens' => 0,
    'cached_tokens' => 0,
    'reasoning_tokens' => 0,
    'total_tokens' => 17,
    'finish_reason' => null,
    'finish_reasons' => [],
    'has_tool_calls' => false,
    'is_reasoning' => false,
]);

// The list is recognised by its items even when they lack "object": "embedding".
$body = fixture('openai/embeddings');
unset($body['data'][0]['object'], $body['object']);
check('items without object', tracked('openai', 'text-embedding-3-small', $body), [
    'operation' => 'embeddings',
    'prompt_tokens' => 17,
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
embeddings: ok
items without object: ok
