--TEST--
Pricing: a model (or provider) missing from the catalog costs 0 with cost_known false, while its tokens are still recorded
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$chat = ['object' => 'chat.completion', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50]];
$unknown = ['prompt_cost' => 0.0, 'completion_cost' => 0.0, 'total_cost_in_cents' => 0.0, 'cost_known' => false];

check('unknown model', tracked('openai', 'acme-llm-9000', $chat), $unknown + [
    'prompt_tokens' => 100,
    'completion_tokens' => 50,
    'total_tokens' => 150,
    'pricing_tier' => 'standard',
    'currency' => 'USD',
]);
check('unknown provider', tracked('acme', 'gpt-4o-mini', $chat), $unknown + ['prompt_tokens' => 100]);
check('model of another provider', tracked('anthropic', 'gpt-4o-mini', $chat), $unknown);
check('ollama', tracked('ollama', 'llama3.2', $chat), $unknown + ['completion_tokens' => 50]);
check('empty model, no body', tracked('openai', '', null), $unknown + ['model' => '']);
// Ids are matched as genai-prices matches them, ignoring case: GPT-4o-mini is gpt-4o-mini (15 / 60): 0.0045
check('case differs', tracked('openai', 'GPT-4o-mini', $chat), ['total_cost_in_cents' => 0.0045, 'cost_known' => true, 'cost_reason' => null]);

// Control: the same usage on a catalog model is known. 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0045
check('known model', tracked('openai', 'gpt-4o-mini', $chat), ['total_cost_in_cents' => 0.0045, 'cost_known' => true]);

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
unknown provider: ok
model of another provider: ok
ollama: ok
empty model, no body: ok
case differs: ok
known model: ok
