--TEST--
Pricing: spectra.pricing_file adds custom models (fine-tunes, provider aliases, custom tiers, dated ids), overrides one built-in row while the model's other tiers keep their built-in prices, and costs stay rounded to 1e-10 cents
--INI--
spectra.pricing_file={PWD}/../fixtures/pricing/custom.json
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

function chat(int $prompt, int $cached, int $completion): array
{
    return ['object' => 'chat.completion', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
        'usage' => ['prompt_tokens' => $prompt, 'completion_tokens' => $completion, 'prompt_tokens_details' => ['cached_tokens' => $cached]]];
}

// Custom fine-tune from the file: input 30, cached 15, output 120.
check('fine-tune', tracked('openai', 'ft:gpt-4o-mini-2024-07-18:acme:support-bot:B7xQ2mLp', chat(1000, 400, 100)), [
    // (600 x 30 + 400 x 15) / 1e6 = (18000 + 6000) / 1e6 = 0.024
    'prompt_cost' => 0.024,
    // 100 x 120 / 1e6 = 0.012
    'completion_cost' => 0.012,
    // 0.024 + 0.012 = 0.036
    'total_cost_in_cents' => 0.036,
    'cost_known' => true,
]);

// Override of the built-in gpt-4o-mini standard row: input 20, output 80, cached not given = input.
check('override', tracked('openai', 'gpt-4o-mini', chat(100, 0, 50)), [
    // 100 x 20 / 1e6 = 0.002
    'prompt_cost' => 0.002,
    // 50 x 80 / 1e6 = 0.004
    'completion_cost' => 0.004,
    // 0.002 + 0.004 = 0.006 (the built-in price would give 0.0045)
    'total_cost_in_cents' => 0.006,
]);
// cached tokens at the input price 20: (40 x 20 + 60 x 20) / 1e6 = 0.002
check('override cached', tracked('openai', 'gpt-4o-mini', chat(100, 60, 0)), ['prompt_cost' => 0.002, 'total_cost_in_cents' => 0.002]);
// dated id finds the override: 100 x 20 / 1e6 + 50 x 80 / 1e6 = 0.006
check('override dated', tracked('openai', 'gpt-4o-mini-2024-07-18', chat(100, 0, 50)), ['total_cost_in_cents' => 0.006]);
// the batch tier keeps the built-in price (7.5 / 30): 100 x 7.5 / 1e6 + 50 x 30 / 1e6 = 0.00075 + 0.0015 = 0.00225
check('built-in batch', tracked('openai', 'gpt-4o-mini', chat(100, 0, 50), ['pricing_tier' => 'batch']), ['total_cost_in_cents' => 0.00225]);

// Written with provider "gemini": normalised to the google catalog. input 12, output 36.
$gemini = ['candidates' => [['content' => ['parts' => [['text' => 'ok']]], 'finishReason' => 'STOP']],
    'usageMetadata' => ['promptTokenCount' => 1000, 'candidatesTokenCount' => 100]];
// 1000 x 12 / 1e6 + 100 x 36 / 1e6 = 0.012 + 0.0036 = 0.0156
check('provider alias', tracked('google', 'acme-gemma-3-27b-tuned', $gemini), ['total_cost_in_cents' => 0.0156, 'cost_known' => true]);

// Override of claude-sonnet-4-5-20250929 batch only: input 140, output 700, cached 14, cache write 175.
$message = fixture('anthropic/message_cache');
$message['usage']['service_tier'] = 'batch';
check('anthropic batch override', tracked('anthropic', 'claude-sonnet-4-5-20250929', $message), [
    // (8 x 140 + 4096 x 14 + 1536 x 175) / 1e6 = (1120 + 57344 + 268800) / 1e6 = 0.327264
    'prompt_cost' => 0.327264,
    // 512 x 700 / 1e6 = 0.3584
    'completion_cost' => 0.3584,
    // 0.327264 + 0.3584 = 0.685664
    'total_cost_in_cents' => 0.685664,
]);
// its standard tier stays built-in (300 / 1500 / 30 / 375): 0.70128 + 0.768 = 1.46928
check('anthropic standard built-in', tracked('anthropic', 'claude-sonnet-4-5-20250929', fixture('anthropic/message_cache')), ['total_cost_in_cents' => 1.46928]);

// A tier that exists only in the file is a known tier: accepted by withPricingTier. input 90, output 360.
Spectra::withPricingTier('enterprise');
// 1000 x 90 / 1e6 + 100 x 360 / 1e6 = 0.09 + 0.036 = 0.126
check('custom tier', tracked('openai', 'acme-router', chat(1000, 0, 100)), ['pricing_tier' => 'enterprise', 'total_cost_in_cents' => 0.126, 'cost_known' => true]);
// with a -YYYY-MM-DD suffix: 0.126
check('custom tier dated', tracked('openai', 'acme-router-2026-01-15', chat(1000, 0, 100)), ['total_cost_in_cents' => 0.126]);
// acme-router has no standard row
Spectra::clearGlobals();
check('custom model, standard', tracked('openai', 'acme-router', chat(1000, 0, 100)), ['pricing_tier' => 'standard', 'total_cost_in_cents' => 0.0, 'cost_known' => false]);

// Rounding: input 0.00123456789 cents per 1M; 1 token costs 1.23456789e-9 cents, stored rounded to 1e-10: 1.2e-9.
$record = tracked('openai', 'acme-micro', chat(1, 0, 0));
echo 'rounded: ', var_export(abs($record['total_cost_in_cents'] - 1.2e-9) < 1e-20, true), ', ', var_export(abs($record['prompt_cost'] - 1.2e-9) < 1e-20, true), "\n";

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
fine-tune: ok
override: ok
override cached: ok
override dated: ok
built-in batch: ok
provider alias: ok
anthropic batch override: ok
anthropic standard built-in: ok
custom tier: ok
custom tier dated: ok
custom model, standard: ok
rounded: true, true
