--TEST--
Pricing: with an unknown model or an unknown tier all costs are 0 and cost_known is false, tool-call surcharges included
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$unknown = ['prompt_cost' => 0.0, 'completion_cost' => 0.0, 'total_cost_in_cents' => 0.0, 'cost_known' => false];

// 2 web searches, 1 file search, 1 code interpreter run on a model the catalog does not know.
check('unknown model', tracked('openai', 'acme-llm-9000', fixture('openai/responses_tools')), $unknown);

// The same on a known model in a tier without a price ("scale").
$body = fixture('openai/responses_tools');
$body['service_tier'] = 'scale';
check('unknown tier', tracked('openai', 'gpt-4.1', $body), $unknown + ['pricing_tier' => 'scale']);

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
unknown model: ok
unknown tier: ok
