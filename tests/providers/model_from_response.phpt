--TEST--
Model/snapshot rule: an empty or "unknown" requested model takes the answering model (model or modelVersion); a different answer becomes the snapshot; an identical one leaves it null
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

check('empty model', tracked('openai', '', fixture('openai/chat_completion')), [
    'model' => 'gpt-4o-mini-2024-07-18',
    'snapshot' => null,
]);
check('unknown model', tracked('openai', 'unknown', fixture('openai/responses')), [
    'model' => 'o4-mini-2025-04-16',
    'snapshot' => null,
]);
check('gemini modelVersion', tracked('google', 'unknown', fixture('gemini/generate_content_thinking')), [
    'model' => 'gemini-2.5-flash',
    'snapshot' => null,
]);
check('exact answer', tracked('openai', 'gpt-4o-mini-2024-07-18', fixture('openai/chat_completion')), [
    'model' => 'gpt-4o-mini-2024-07-18',
    'snapshot' => null,
]);
check('different answer', tracked('anthropic', 'claude-sonnet-4-5', fixture('anthropic/message')), [
    'model' => 'claude-sonnet-4-5',
    'snapshot' => 'claude-sonnet-4-5-20250929',
]);
// An empty model in the body changes nothing.
$body = fixture('openai/chat_completion');
$body['model'] = '';
check('empty answer', tracked('openai', 'gpt-4o-mini', $body), ['model' => 'gpt-4o-mini', 'snapshot' => null]);
// No body: the requested model stays, even "unknown".
check('no body', tracked('openai', 'unknown', null), ['model' => 'unknown', 'snapshot' => null]);

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
empty model: ok
unknown model: ok
gemini modelVersion: ok
exact answer: ok
different answer: ok
empty answer: ok
no body: ok
