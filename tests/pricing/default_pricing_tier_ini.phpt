--TEST--
Pricing: spectra.default_pricing_tier from php.ini prices requests that have no other tier; a response service_tier (including "default" = standard) still wins over it
--INI--
spectra.default_pricing_tier=batch
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

function o3(?string $service_tier): array
{
    $body = ['object' => 'chat.completion', 'model' => 'o3-2025-04-16',
        'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
        'usage' => ['prompt_tokens' => 1000, 'completion_tokens' => 100, 'prompt_tokens_details' => ['cached_tokens' => 400]]];
    if ($service_tier !== null) {
        $body['service_tier'] = $service_tier;
    }
    return $body;
}

echo ini_get('spectra.default_pricing_tier'), "\n";
// o3 batch (100 / cached empty = 100 / 400): (600 x 100 + 400 x 100) / 1e6 + 100 x 400 / 1e6 = 0.1 + 0.04 = 0.14
check('no tier', tracked('openai', 'o3', o3(null)), ['pricing_tier' => 'batch', 'prompt_cost' => 0.1, 'completion_cost' => 0.04, 'total_cost_in_cents' => 0.14]);
// response "default" = standard (200 / 50 / 800): (600 x 200 + 400 x 50) / 1e6 + 100 x 800 / 1e6 = 0.14 + 0.08 = 0.22
check('response default', tracked('openai', 'o3', o3('default')), ['pricing_tier' => 'standard', 'total_cost_in_cents' => 0.22]);
// response flex (100 / 25 / 400): 0.07 + 0.04 = 0.11
check('response flex', tracked('openai', 'o3', o3('flex')), ['pricing_tier' => 'flex', 'total_cost_in_cents' => 0.11]);
// Gemini has no response tier: gemini-2.5-flash batch (15 / 125): 1000 x 15 / 1e6 + 100 x 125 / 1e6 = 0.015 + 0.0125 = 0.0275
$gemini = ['candidates' => [['content' => ['parts' => [['text' => 'ok']]], 'finishReason' => 'STOP']],
    'usageMetadata' => ['promptTokenCount' => 1000, 'candidatesTokenCount' => 100]];
check('gemini', tracked('google', 'gemini-2.5-flash', $gemini), ['pricing_tier' => 'batch', 'total_cost_in_cents' => 0.0275]);
// A model without a batch row is unknown in that tier (no silent standard price): gpt-5.2-codex has standard and priority only.
check('no batch row', tracked('openai', 'gpt-5.2-codex', o3(null)), ['pricing_tier' => 'batch', 'total_cost_in_cents' => 0.0, 'cost_known' => false]);

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
batch
no tier: ok
response default: ok
response flex: ok
gemini: ok
no batch row: ok
