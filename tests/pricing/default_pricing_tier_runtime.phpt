--TEST--
Pricing: spectra.default_pricing_tier can be changed at runtime with ini_set(); an unknown tier is refused with a warning and the previous value stays
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$chat = ['object' => 'chat.completion', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50]];

// gpt-4o-mini standard (15 / 60): 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0045
check('standard', tracked('openai', 'gpt-4o-mini', $chat), ['pricing_tier' => 'standard', 'total_cost_in_cents' => 0.0045]);

var_dump(ini_set('spectra.default_pricing_tier', 'priority'));
// gpt-4o-mini priority (25 / 100): 100 x 25 / 1e6 + 50 x 100 / 1e6 = 0.0025 + 0.005 = 0.0075
check('priority', tracked('openai', 'gpt-4o-mini', $chat), ['pricing_tier' => 'priority', 'total_cost_in_cents' => 0.0075]);

var_dump(ini_set('spectra.default_pricing_tier', 'platinum'));
var_dump(ini_get('spectra.default_pricing_tier'));
// still priority: 0.0075
check('after refused value', tracked('openai', 'gpt-4o-mini', $chat), ['pricing_tier' => 'priority', 'total_cost_in_cents' => 0.0075]);

ini_restore('spectra.default_pricing_tier');
// back to standard: 0.0045
check('restored', tracked('openai', 'gpt-4o-mini', $chat), ['pricing_tier' => 'standard', 'total_cost_in_cents' => 0.0045]);

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
--EXPECTF--
standard: ok
string(8) "standard"
priority: ok

Warning: ini_set(): Spectra: spectra.default_pricing_tier "platinum" is not a known pricing tier in %s on line %d
bool(false)
string(8) "priority"
after refused value: ok
restored: ok
