--TEST--
Pricing: provider names as users and OpenTelemetry write them (claude, gemini, gcp.gemini, grok, x_ai, mistral_ai, any case) find their catalog prices
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$chat = ['object' => 'chat.completion', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50]];
$anthropic = ['type' => 'message', 'role' => 'assistant', 'content' => [], 'stop_reason' => 'end_turn',
    'usage' => ['input_tokens' => 100, 'output_tokens' => 50]];
$gemini = ['candidates' => [['content' => ['parts' => [['text' => 'ok']]], 'finishReason' => 'STOP']],
    'usageMetadata' => ['promptTokenCount' => 100, 'candidatesTokenCount' => 50]];

// claude-sonnet-4-5-20250929 (300 / 1500): 100 x 300 / 1e6 + 50 x 1500 / 1e6 = 0.03 + 0.075 = 0.105
check('claude', tracked('claude', 'claude-sonnet-4-5-20250929', $anthropic), ['total_cost_in_cents' => 0.105, 'cost_known' => true]);
check('Anthropic', tracked('Anthropic', 'claude-sonnet-4-5-20250929', $anthropic), ['total_cost_in_cents' => 0.105, 'cost_known' => true]);
// gemini-2.5-flash (30 / 250): 100 x 30 / 1e6 + 50 x 250 / 1e6 = 0.003 + 0.0125 = 0.0155
check('gemini', tracked('gemini', 'gemini-2.5-flash', $gemini), ['total_cost_in_cents' => 0.0155, 'cost_known' => true]);
check('gcp.gemini', tracked('gcp.gemini', 'gemini-2.5-flash', $gemini), ['total_cost_in_cents' => 0.0155, 'cost_known' => true]);
// grok-4-0709 (300 / 1500): 0.03 + 0.075 = 0.105
check('grok', tracked('grok', 'grok-4-0709', $chat), ['total_cost_in_cents' => 0.105, 'cost_known' => true]);
check('x_ai', tracked('x_ai', 'grok-4-0709', $chat), ['total_cost_in_cents' => 0.105, 'cost_known' => true]);
// mistral-small-latest (15 / 60): 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0045
// mistral-small-latest (genai-prices: 0.1 / 0.3 $ per 1M = 10 / 30 cents): 0.001 + 0.0015 = 0.0025
check('mistral_ai', tracked('mistral_ai', 'mistral-small-latest', $chat), ['total_cost_in_cents' => 0.0025, 'cost_known' => true]);
// llama-3.3-70b-versatile on groq (59 / 79): 100 x 59 / 1e6 + 50 x 79 / 1e6 = 0.0059 + 0.00395 = 0.00985
check('GROQ', tracked('GROQ', 'llama-3.3-70b-versatile', $chat), ['total_cost_in_cents' => 0.00985, 'cost_known' => true]);

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
claude: ok
Anthropic: ok
gemini: ok
gcp.gemini: ok
grok: ok
x_ai: ok
mistral_ai: ok
GROQ: ok
