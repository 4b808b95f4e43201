--TEST--
Pricing: Gemini thoughtsTokenCount is billed as output (added to candidatesTokenCount); cachedContentTokenCount at the cached rate
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

// gemini-2.5-flash standard: input 30, output 250, cached 3 cents per 1M.
$body = ['candidates' => [['content' => ['parts' => [['text' => 'ok']], 'role' => 'model'], 'finishReason' => 'STOP', 'index' => 0]],
    'usageMetadata' => ['promptTokenCount' => 100, 'candidatesTokenCount' => 50, 'thoughtsTokenCount' => 200, 'totalTokenCount' => 350],
    'modelVersion' => 'gemini-2.5-flash', 'responseId' => 'a1b2c3d4e5f6g7h8i9j0kLm'];
check('thoughts', tracked('google', 'gemini-2.5-flash', $body), [
    'completion_tokens' => 250,
    // 100 x 30 / 1e6 = 0.003
    'prompt_cost' => 0.003,
    // (50 + 200) x 250 / 1e6 = 0.0625 (candidates alone would be 0.0125)
    'completion_cost' => 0.0625,
    // 0.003 + 0.0625 = 0.0655
    'total_cost_in_cents' => 0.0655,
    'cost_known' => true,
]);

// Fixture: prompt 2154 of which 2048 cached, candidates 187 + thoughts 1023.
check('thinking fixture', tracked('google', 'gemini-2.5-flash', fixture('gemini/generate_content_thinking')), [
    // (106 x 30 + 2048 x 3) / 1e6 = (3180 + 6144) / 1e6 = 0.009324
    'prompt_cost' => 0.009324,
    // 1210 x 250 / 1e6 = 0.3025
    'completion_cost' => 0.3025,
    // 0.009324 + 0.3025 = 0.311824
    'total_cost_in_cents' => 0.311824,
]);

// gemini-2.5-pro standard: input 125, output 1000. prompt 118, candidates 36 + thoughts 89.
// "gemini" is an alias of the google catalog.
check('pro via alias', tracked('gemini', 'gemini-2.5-pro', fixture('gemini/generate_content_function_call')), [
    // 118 x 125 / 1e6 = 0.01475
    'prompt_cost' => 0.01475,
    // 125 x 1000 / 1e6 = 0.125
    'completion_cost' => 0.125,
    // 0.01475 + 0.125 = 0.13975
    'total_cost_in_cents' => 0.13975,
    'cost_known' => true,
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
thoughts: ok
thinking fixture: ok
pro via alias: ok
