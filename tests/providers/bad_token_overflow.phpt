--TEST--
Bad input: huge integer token counts never produce negative token counts in the record (no signed overflow when parts are added up)
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

function no_negative(string $label, array $record): void
{
    $bad = [];
    foreach (['prompt_tokens', 'completion_tokens', 'cached_tokens', 'cache_write_tokens', 'reasoning_tokens', 'total_tokens'] as $key) {
        if (!is_int($record[$key]) || $record[$key] < 0) {
            $bad[] = "$key=" . var_export($record[$key], true);
        }
    }
    if ($record['total_tokens'] < $record['prompt_tokens'] || $record['total_tokens'] < $record['completion_tokens']) {
        $bad[] = 'total_tokens below a part';
    }
    if (!is_float($record['total_cost_in_cents']) || $record['total_cost_in_cents'] < 0 || !is_finite($record['total_cost_in_cents'])) {
        $bad[] = 'total_cost_in_cents=' . var_export($record['total_cost_in_cents'], true);
    }
    echo $label, ': ', $bad ? implode(', ', $bad) : 'ok', "\n";
}

no_negative('openai', tracked('openai', 'gpt-4o-mini', [
    'object' => 'chat.completion',
    'usage' => ['prompt_tokens' => PHP_INT_MAX, 'completion_tokens' => PHP_INT_MAX],
]));
no_negative('anthropic', tracked('anthropic', 'claude-sonnet-4-5-20250929', [
    'type' => 'message',
    'usage' => ['input_tokens' => PHP_INT_MAX, 'cache_read_input_tokens' => PHP_INT_MAX, 'output_tokens' => 1],
]));
no_negative('gemini', tracked('google', 'gemini-2.5-flash', [
    'usageMetadata' => [
        'promptTokenCount' => PHP_INT_MAX,
        'toolUsePromptTokenCount' => 10,
        'candidatesTokenCount' => PHP_INT_MAX,
        'thoughtsTokenCount' => 5,
    ],
]));

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
openai: ok
anthropic: ok
gemini: ok
