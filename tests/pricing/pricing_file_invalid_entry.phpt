--TEST--
Pricing: a pricing file that is valid JSON but has an invalid entry (a negative price) gives one startup warning with the file, the line and the key; built-in prices stay in force
--INI--
spectra.pricing_file={PWD}/../fixtures/pricing/invalid_entry.json
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$chat = ['object' => 'chat.completion', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50]];

// built-in gpt-4o-mini: 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0045
check('built-in', tracked('openai', 'gpt-4o-mini', $chat), ['total_cost_in_cents' => 0.0045, 'cost_known' => true]);
check('valid entry of a rejected file', tracked('openai', 'acme-ok', $chat), ['cost_known' => false]);

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
Warning: PHP Startup: Spectra: spectra.pricing_file not loaded: %sfixtures/pricing/invalid_entry.json:5: "output" must not be negative in Unknown on line 0
built-in: ok
valid entry of a rejected file: ok
