--TEST--
Pricing: a pricing file with invalid JSON gives one startup warning naming the file and the line, loads none of its rows, and the built-in prices still work
--INI--
spectra.pricing_file={PWD}/../fixtures/pricing/broken.json
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$chat = ['object' => 'chat.completion', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50]];

// built-in gpt-4o-mini (15 / 60), not the file's 1 / 2: 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0045
check('built-in', tracked('openai', 'gpt-4o-mini', $chat), ['total_cost_in_cents' => 0.0045, 'cost_known' => true]);
// the valid entry before the error (line 3) is not loaded either
check('valid entry of a broken file', tracked('openai', 'acme-broken', $chat), ['total_cost_in_cents' => 0.0, 'cost_known' => false]);
// built-in Anthropic with caching: (8 x 300 + 4096 x 30 + 1536 x 375) / 1e6 + 512 x 1500 / 1e6 = 0.70128 + 0.768 = 1.46928
check('built-in anthropic', tracked('anthropic', 'claude-sonnet-4-5-20250929', fixture('anthropic/message_cache')), ['total_cost_in_cents' => 1.46928]);

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
Warning: PHP Startup: Spectra: spectra.pricing_file not loaded: %sfixtures/pricing/broken.json:4: invalid JSON: %s in Unknown on line 0
built-in: ok
valid entry of a broken file: ok
built-in anthropic: ok
