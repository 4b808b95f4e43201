--TEST--
Gemini generateContent with thinking: thoughtsTokenCount is not in candidatesTokenCount, so it is added to completion_tokens and kept as reasoning_tokens; cachedContentTokenCount is a cached subset
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$record = tracked('google', 'gemini-2.5-flash', fixture('gemini/generate_content_thinking'));
check('thinking', $record, [
    'model' => 'gemini-2.5-flash',
    'snapshot' => null,
    'response_id' => 'Kp9xaNWbGfG_1MkP0tSq6Ao',
    'operation' => 'generate_content',
    'prompt_tokens' => 2154,
    'cached_tokens' => 2048,
    // 187 candidates + 1023 thoughts
    'completion_tokens' => 1210,
    'reasoning_tokens' => 1023,
    // equals usageMetadata.totalTokenCount
    'total_tokens' => 3364,
    'is_reasoning' => true,
    'finish_reason' => 'STOP',
    'has_tool_calls' => false,
]);

// A part with "thought": true marks reasoning even without a thoughts count.
$body = fixture('gemini/generate_content_thinking');
unset($body['usageMetadata']['thoughtsTokenCount']);
check('thought part only', tracked('google', 'gemini-2.5-flash', $body), [
    'completion_tokens' => 187,
    'reasoning_tokens' => 0,
    'is_reasoning' => true,
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
thinking: ok
thought part only: ok
