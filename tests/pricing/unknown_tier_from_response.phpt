--TEST--
Pricing: a tier from the response's service_tier that the model has no price for (OpenAI "scale", a tier missing for that model, Anthropic "priority") gives cost 0 and cost_known false, never a silent standard price
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

function chat(string $tier): array
{
    return ['id' => 'chatcmpl-BqZ7ScaleTierExample00000000001', 'object' => 'chat.completion', 'model' => 'gpt-4o-mini-2024-07-18',
        'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
        'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50], 'service_tier' => $tier];
}
$unknown = ['prompt_cost' => 0.0, 'completion_cost' => 0.0, 'total_cost_in_cents' => 0.0, 'cost_known' => false];

// "scale" (Scale Tier contracts) has no catalog price.
check('scale', tracked('openai', 'gpt-4o-mini', chat('scale')), $unknown + ['pricing_tier' => 'scale', 'prompt_tokens' => 100]);
// gpt-4o-mini has no flex row: no fallback to its standard price.
check('flex missing for model', tracked('openai', 'gpt-4o-mini', chat('flex')), $unknown + ['pricing_tier' => 'flex']);
// Anthropic reports priority; claude-sonnet-4-5-20250929 has only standard and batch rows.
$message = fixture('anthropic/message');
$message['usage']['service_tier'] = 'priority';
check('anthropic priority', tracked('anthropic', 'claude-sonnet-4-5-20250929', $message), $unknown + ['pricing_tier' => 'priority', 'completion_tokens' => 305]);

// Control: "default" is standard. 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0045
check('default', tracked('openai', 'gpt-4o-mini', chat('default')), ['pricing_tier' => 'standard', 'total_cost_in_cents' => 0.0045, 'cost_known' => true]);

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
scale: ok
flex missing for model: ok
anthropic priority: ok
default: ok
