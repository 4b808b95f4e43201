--TEST--
Pricing: tier precedence - RequestContext::withPricingTier(), called later on the request, wins over the pricing_tier option it started with
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

function o3(): array
{
    return ['object' => 'chat.completion', 'model' => 'o3-2025-04-16',
        'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
        'usage' => ['prompt_tokens' => 1000, 'completion_tokens' => 100, 'prompt_tokens_details' => ['cached_tokens' => 400]]];
}

// o3 flex (100 / 25 / 400): (600 x 100 + 400 x 25) / 1e6 + 100 x 400 / 1e6 = 0.07 + 0.04 = 0.11
// (priority, the option, would be 0.385: the explicit later call on the context wins)
Spectra::track('openai', 'o3', function ($context) {
    $context->withPricingTier('flex');
    return o3();
}, ['pricing_tier' => 'priority']);
check('track', end($records), ['pricing_tier' => 'flex', 'total_cost_in_cents' => 0.11]);

$context = Spectra::startRequest('openai', 'o3', ['pricing_tier' => 'priority']);
$context->withPricingTier('flex');
check('startRequest', Spectra::recordSuccess($context, o3()), ['pricing_tier' => 'flex', 'total_cost_in_cents' => 0.11]);

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
track: ok
startRequest: ok
