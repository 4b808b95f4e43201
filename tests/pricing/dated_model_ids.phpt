--TEST--
Pricing: a requested model id with a trailing -YYYYMMDD or -YYYY-MM-DD is priced as the undated catalog id; other suffixes are not stripped; pricing follows the requested id, not the answering snapshot
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$openai = ['object' => 'chat.completion', 'choices' => [['message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50]];
$anthropic = ['type' => 'message', 'role' => 'assistant', 'content' => [], 'stop_reason' => 'end_turn',
    'usage' => ['input_tokens' => 100, 'output_tokens' => 50]];
$gemini = ['candidates' => [['content' => ['parts' => [['text' => 'ok']]], 'finishReason' => 'STOP']],
    'usageMetadata' => ['promptTokenCount' => 100, 'candidatesTokenCount' => 50]];

// -YYYY-MM-DD: gpt-4o-mini (15 / 60): 100 x 15 / 1e6 + 50 x 60 / 1e6 = 0.0015 + 0.003 = 0.0045
check('gpt-4o-mini-2024-07-18', tracked('openai', 'gpt-4o-mini-2024-07-18', $openai), ['total_cost_in_cents' => 0.0045, 'cost_known' => true]);
// -YYYY-MM-DD: gpt-4o (250 / 1000): 0.025 + 0.05 = 0.075
check('gpt-4o-2024-08-06', tracked('openai', 'gpt-4o-2024-08-06', $openai), ['total_cost_in_cents' => 0.075, 'cost_known' => true]);
// -YYYYMMDD: claude-sonnet-4-6 (300 / 1500): 100 x 300 / 1e6 + 50 x 1500 / 1e6 = 0.03 + 0.075 = 0.105
check('claude-sonnet-4-6-20260115', tracked('anthropic', 'claude-sonnet-4-6-20260115', $anthropic), ['total_cost_in_cents' => 0.105, 'cost_known' => true]);
// -YYYY-MM-DD on an Anthropic id: claude-opus-4-6 (500 / 2500): 0.05 + 0.125 = 0.175
check('claude-opus-4-6-2026-01-15', tracked('anthropic', 'claude-opus-4-6-2026-01-15', $anthropic), ['total_cost_in_cents' => 0.175, 'cost_known' => true]);
// An exact dated catalog id: claude-sonnet-4-5-20250929 (300 / 1500): 0.03 + 0.075 = 0.105
check('claude-sonnet-4-5-20250929', tracked('anthropic', 'claude-sonnet-4-5-20250929', $anthropic), ['total_cost_in_cents' => 0.105, 'cost_known' => true]);
// Two dates: one is stripped (gpt-4o-mini-20240718), then genai-prices reads -20240718 as -2024-07-18, an id of gpt-4o-mini
check('gpt-4o-mini-20240718-20240719', tracked('openai', 'gpt-4o-mini-20240718-20240719', $openai), ['total_cost_in_cents' => 0.0045, 'cost_known' => true]);
// The alias itself: genai-prices matches it (starts_with claude-sonnet-4-5), same price
check('claude-sonnet-4-5', tracked('anthropic', 'claude-sonnet-4-5', $anthropic), ['total_cost_in_cents' => 0.105, 'cost_known' => true]);
// -YYYY-MM-DD: gemini-2.5-flash (30 / 250): 0.003 + 0.0125 = 0.0155
check('gemini-2.5-flash-2025-06-17', tracked('google', 'gemini-2.5-flash-2025-06-17', $gemini), ['total_cost_in_cents' => 0.0155, 'cost_known' => true]);

// Not a date suffix of either form: unknown, cost 0.
$not_dates = [
    'gpt-4o-mini-2024-07',
    'gpt-4o-mini-240718',
    'gpt-4o-mini-2024071',
    'gpt-4o-mini_20240718',
    'gpt-4o-mini20240718',
    'gpt-4o-mini-2024-7-18',
    'gpt-4o-mini-2024/07/18',
    'gpt-4o-mini-2024-07-18x',
    'gpt-4o-mini-202407180',
];
foreach ($not_dates as $model) {
    $provider = str_starts_with($model, 'claude') ? 'anthropic' : 'openai';
    $body = $provider === 'anthropic' ? $anthropic : $openai;
    check($model, tracked($provider, $model, $body), ['total_cost_in_cents' => 0.0, 'cost_known' => false]);
}

// The requested id is priced, not the model that answered: gpt-4o (250 / 1000) = 0.075, not gpt-4o-mini's 0.0045.
$answered = $openai + ['model' => 'gpt-4o-mini-2024-07-18'];
check('requested id', tracked('openai', 'gpt-4o', $answered), [
    'snapshot' => 'gpt-4o-mini-2024-07-18',
    'total_cost_in_cents' => 0.075,
]);
// With no requested model, the answering dated id is the model and is priced undated: 0.0045.
check('answered id', tracked('openai', '', $answered), ['model' => 'gpt-4o-mini-2024-07-18', 'total_cost_in_cents' => 0.0045, 'cost_known' => true]);

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
gpt-4o-mini-2024-07-18: ok
gpt-4o-2024-08-06: ok
claude-sonnet-4-6-20260115: ok
claude-opus-4-6-2026-01-15: ok
claude-sonnet-4-5-20250929: ok
gpt-4o-mini-20240718-20240719: ok
claude-sonnet-4-5: ok
gemini-2.5-flash-2025-06-17: ok
gpt-4o-mini-2024-07: ok
gpt-4o-mini-240718: ok
gpt-4o-mini-2024071: ok
gpt-4o-mini_20240718: ok
gpt-4o-mini20240718: ok
gpt-4o-mini-2024-7-18: ok
gpt-4o-mini-2024/07/18: ok
gpt-4o-mini-2024-07-18x: ok
gpt-4o-mini-202407180: ok
requested id: ok
answered id: ok
