--TEST--
Pricing: tier precedence - pricing_tier option and RequestContext::withPricingTier() over Spectra::withPricingTier() over the response's service_tier over the spectra.default_pricing_tier INI
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

/** o3 chat completion: prompt 1000 of which 400 cached, completion 100. */
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

// o3 totals per tier (cents per 1M: input / cached / output):
//   standard 200 / 50 / 800:    (600 x 200 + 400 x 50) / 1e6 + 100 x 800 / 1e6   = 0.14 + 0.08   = 0.22
//   batch    100 / (100) / 400: (600 x 100 + 400 x 100) / 1e6 + 100 x 400 / 1e6 = 0.1 + 0.04    = 0.14
//   flex     100 / 25 / 400:    (600 x 100 + 400 x 25) / 1e6 + 100 x 400 / 1e6  = 0.07 + 0.04   = 0.11
//   priority 350 / 87.5 / 1400: (600 x 350 + 400 x 87.5) / 1e6 + 100 x 1400 / 1e6 = 0.245 + 0.14 = 0.385

echo 'INI default: ', ini_get('spectra.default_pricing_tier'), "\n";
// nothing set: INI default standard -> 0.22
check('INI default', tracked('openai', 'o3', o3(null)), ['pricing_tier' => 'standard', 'total_cost_in_cents' => 0.22]);
// response over INI -> priority 0.385
check('response', tracked('openai', 'o3', o3('priority')), ['pricing_tier' => 'priority', 'total_cost_in_cents' => 0.385]);

Spectra::withPricingTier('batch');
// Spectra::withPricingTier over the response -> batch 0.14
check('global over response', tracked('openai', 'o3', o3('priority')), ['pricing_tier' => 'batch', 'total_cost_in_cents' => 0.14]);
// option over Spectra::withPricingTier -> flex 0.11
check('option over global', tracked('openai', 'o3', o3('priority'), ['pricing_tier' => 'flex']), ['pricing_tier' => 'flex', 'total_cost_in_cents' => 0.11]);
// RequestContext::withPricingTier over Spectra::withPricingTier -> priority 0.385
Spectra::track('openai', 'o3', function ($context) {
    $context->withPricingTier('priority');
    return o3('flex');
});
check('context over global', end($records), ['pricing_tier' => 'priority', 'total_cost_in_cents' => 0.385]);
// the same with startRequest / recordSuccess -> priority 0.385
$context = Spectra::startRequest('openai', 'o3');
$context->withPricingTier('priority');
check('context over global (manual)', Spectra::recordSuccess($context, o3('default')), ['pricing_tier' => 'priority', 'total_cost_in_cents' => 0.385]);

Spectra::clearGlobals();
// after clearGlobals() the response decides again -> flex 0.11
check('after clearGlobals', tracked('openai', 'o3', o3('flex')), ['pricing_tier' => 'flex', 'total_cost_in_cents' => 0.11]);
// option over the response -> batch 0.14
check('option over response', tracked('openai', 'o3', o3('priority'), ['pricing_tier' => 'batch']), ['pricing_tier' => 'batch', 'total_cost_in_cents' => 0.14]);
// Anthropic usage.service_tier is a response tier too: option over it. claude-sonnet-4-5-20250929 standard:
// 21 x 300 / 1e6 + 305 x 1500 / 1e6 = 0.0063 + 0.4575 = 0.4638
$message = fixture('anthropic/message');
$message['usage']['service_tier'] = 'batch';
check('anthropic option over response', tracked('anthropic', 'claude-sonnet-4-5-20250929', $message, ['pricing_tier' => 'standard']), [
    'pricing_tier' => 'standard', 'total_cost_in_cents' => 0.4638]);

// An unknown tier is refused where it is set explicitly.
foreach ([
    'Spectra::withPricingTier' => fn () => Spectra::withPricingTier('scale'),
    'option' => fn () => Spectra::track('openai', 'o3', fn () => null, ['pricing_tier' => 'scale']),
    'RequestContext::withPricingTier' => fn () => Spectra::startRequest('openai', 'o3')->withPricingTier('gold'),
] as $where => $call) {
    try {
        $call();
        echo "$where: accepted\n";
    } catch (ValueError $e) {
        echo "$where: ValueError\n";
    }
}

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
INI default: standard
INI default: ok
response: ok
global over response: ok
option over global: ok
context over global: ok
context over global (manual): ok
after clearGlobals: ok
option over response: ok
anthropic option over response: ok
Spectra::withPricingTier: ValueError
option: ValueError
RequestContext::withPricingTier: ValueError
