--TEST--
Pricing: batch, flex and priority tiers use their own catalog rows (from the pricing_tier option or the response's service_tier); an empty cached price in a tier falls back to that tier's input price
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

/** An o3 chat completion: prompt 1000 of which 400 cached, completion 100. */
function o3(?string $service_tier = null): array
{
    $body = ['id' => 'chatcmpl-BqZ0o3TierExample0000000000001', 'object' => 'chat.completion', 'model' => 'o3-2025-04-16',
        'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
        'usage' => ['prompt_tokens' => 1000, 'completion_tokens' => 100, 'total_tokens' => 1100,
            'prompt_tokens_details' => ['cached_tokens' => 400], 'completion_tokens_details' => ['reasoning_tokens' => 64]]];
    if ($service_tier !== null) {
        $body['service_tier'] = $service_tier;
    }
    return $body;
}

// o3 standard: input 200, cached 50, output 800.
check('standard', tracked('openai', 'o3', o3()), [
    'pricing_tier' => 'standard',
    // (600 x 200 + 400 x 50) / 1e6 = 0.14
    'prompt_cost' => 0.14,
    // 100 x 800 / 1e6 = 0.08
    'completion_cost' => 0.08,
    // 0.14 + 0.08 = 0.22
    'total_cost_in_cents' => 0.22,
]);

// o3 batch: input 100, cached empty (= input 100), output 400.
check('batch', tracked('openai', 'o3', o3(), ['pricing_tier' => 'batch']), [
    'pricing_tier' => 'batch',
    // (600 x 100 + 400 x 100) / 1e6 = 0.1
    'prompt_cost' => 0.1,
    // 100 x 400 / 1e6 = 0.04
    'completion_cost' => 0.04,
    // 0.1 + 0.04 = 0.14
    'total_cost_in_cents' => 0.14,
]);

// o3 flex: input 100, cached 25, output 400.
check('flex', tracked('openai', 'o3', o3(), ['pricing_tier' => 'flex']), [
    'pricing_tier' => 'flex',
    // (600 x 100 + 400 x 25) / 1e6 = 0.07
    'prompt_cost' => 0.07,
    // 100 x 400 / 1e6 = 0.04
    'completion_cost' => 0.04,
    // 0.07 + 0.04 = 0.11
    'total_cost_in_cents' => 0.11,
]);

// o3 priority: input 350, cached 87.5, output 1400.
check('priority', tracked('openai', 'o3', o3(), ['pricing_tier' => 'priority']), [
    'pricing_tier' => 'priority',
    // (600 x 350 + 400 x 87.5) / 1e6 = (210000 + 35000) / 1e6 = 0.245
    'prompt_cost' => 0.245,
    // 100 x 1400 / 1e6 = 0.14
    'completion_cost' => 0.14,
    // 0.245 + 0.14 = 0.385
    'total_cost_in_cents' => 0.385,
]);

// The same tiers reported by the response.
// flex: 0.07 + 0.04 = 0.11
check('response flex', tracked('openai', 'o3', o3('flex')), ['pricing_tier' => 'flex', 'total_cost_in_cents' => 0.11]);
// priority: 0.245 + 0.14 = 0.385
check('response priority', tracked('openai', 'o3', o3('priority')), ['pricing_tier' => 'priority', 'total_cost_in_cents' => 0.385]);
// "default" is the standard tier: 0.14 + 0.08 = 0.22
check('response default', tracked('openai', 'o3', o3('default')), ['pricing_tier' => 'standard', 'total_cost_in_cents' => 0.22]);

// Gemini tiers (option only; generateContent does not report one). gemini-3.5-flash, prompt 1000, candidates 100.
$gemini = ['candidates' => [['content' => ['parts' => [['text' => 'ok']], 'role' => 'model'], 'finishReason' => 'STOP']],
    'usageMetadata' => ['promptTokenCount' => 1000, 'candidatesTokenCount' => 100, 'totalTokenCount' => 1100],
    'modelVersion' => 'gemini-3.5-flash', 'responseId' => 'Zx8yaGeminiTierExample01'];
// standard 150 / 900: 1000 x 150 / 1e6 + 100 x 900 / 1e6 = 0.15 + 0.09 = 0.24
check('gemini standard', tracked('google', 'gemini-3.5-flash', $gemini), ['total_cost_in_cents' => 0.24]);
// flex 75 / 450: 0.075 + 0.045 = 0.12
check('gemini flex', tracked('google', 'gemini-3.5-flash', $gemini, ['pricing_tier' => 'flex']), [
    'prompt_cost' => 0.075, 'completion_cost' => 0.045, 'total_cost_in_cents' => 0.12]);
// priority 270 / 1620: 0.27 + 0.162 = 0.432
check('gemini priority', tracked('google', 'gemini-3.5-flash', $gemini, ['pricing_tier' => 'priority']), [
    'prompt_cost' => 0.27, 'completion_cost' => 0.162, 'total_cost_in_cents' => 0.432]);

// Anthropic batch from usage.service_tier. claude-sonnet-4-5-20250929 batch: input 150, output 750.
$message = fixture('anthropic/message');
$message['usage']['service_tier'] = 'batch';
check('anthropic batch', tracked('anthropic', 'claude-sonnet-4-5-20250929', $message), [
    'pricing_tier' => 'batch',
    // 21 x 150 / 1e6 = 0.00315
    'prompt_cost' => 0.00315,
    // 305 x 750 / 1e6 = 0.22875
    'completion_cost' => 0.22875,
    // 0.00315 + 0.22875 = 0.2319
    'total_cost_in_cents' => 0.2319,
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
standard: ok
batch: ok
flex: ok
priority: ok
response flex: ok
response priority: ok
response default: ok
gemini standard: ok
gemini flex: ok
gemini priority: ok
anthropic batch: ok
