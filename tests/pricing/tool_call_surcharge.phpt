--TEST--
Pricing: OpenAI Responses tool-call surcharges (web_search_call 1, file_search_call 0.25, code_interpreter_call 3 cents per call) are added to the total only; function calls and other providers' tool use cost nothing extra
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

// gpt-4.1 standard: input 200, output 800. 3120 in, 418 out;
// 2 web_search_call, 1 file_search_call, 1 code_interpreter_call, 1 function_call.
check('responses tools', tracked('openai', 'gpt-4.1', fixture('openai/responses_tools')), [
    // 3120 x 200 / 1e6 = 0.624
    'prompt_cost' => 0.624,
    // 418 x 800 / 1e6 = 0.3344
    'completion_cost' => 0.3344,
    // 0.624 + 0.3344 + 2 x 1 + 1 x 0.25 + 1 x 3 = 0.9584 + 5.25 = 6.2084
    'total_cost_in_cents' => 6.2084,
    'cost_known' => true,
]);

function responses(array $types, int $in, int $out): array
{
    $output = [];
    foreach ($types as $i => $type) {
        $output[] = ['id' => sprintf('item_%02d', $i), 'type' => $type, 'status' => 'completed'];
    }
    return ['id' => 'resp_6871aa00surchargeexample', 'object' => 'response', 'status' => 'completed', 'model' => 'gpt-4o-mini-2024-07-18',
        'output' => $output, 'usage' => ['input_tokens' => $in, 'output_tokens' => $out, 'total_tokens' => $in + $out]];
}

// gpt-4o-mini (15 / 60): 3 web searches + 1 code interpreter run, 1000 in, 200 out.
check('searches', tracked('openai', 'gpt-4o-mini', responses(['web_search_call', 'web_search_call', 'web_search_call', 'code_interpreter_call', 'message'], 1000, 200)), [
    // 1000 x 15 / 1e6 = 0.015
    'prompt_cost' => 0.015,
    // 200 x 60 / 1e6 = 0.012
    'completion_cost' => 0.012,
    // 0.015 + 0.012 + 3 x 1 + 1 x 3 = 6.027
    'total_cost_in_cents' => 6.027,
]);

// Only file searches and no tokens: 4 x 0.25 = 1.0
check('file searches', tracked('openai', 'gpt-4o-mini', responses(array_fill(0, 4, 'file_search_call'), 0, 0)), [
    'prompt_cost' => 0.0,
    'completion_cost' => 0.0,
    'total_cost_in_cents' => 1.0,
]);

// A function call has no surcharge: 1000 x 15 / 1e6 + 200 x 60 / 1e6 = 0.027
check('function call', tracked('openai', 'gpt-4o-mini', responses(['function_call', 'message'], 1000, 200)), [
    'tool_call_counts' => ['function_call' => 1],
    'total_cost_in_cents' => 0.027,
]);

// Chat completion tool_calls, gpt-4o (250 / 1000): 182 x 250 / 1e6 + 57 x 1000 / 1e6 = 0.0455 + 0.057 = 0.1025
check('chat tool calls', tracked('openai', 'gpt-4o', fixture('openai/chat_completion_tool_calls')), ['total_cost_in_cents' => 0.1025]);

// Anthropic tool_use, claude-sonnet-4-5-20250929 (300 / 1500): 512 x 300 / 1e6 + 301 x 1500 / 1e6 = 0.1536 + 0.4515 = 0.6051
$message = fixture('anthropic/message_tool_use');
check('anthropic tool use', tracked('anthropic', 'claude-sonnet-4-5-20250929', $message), ['total_cost_in_cents' => 0.6051]);

// The surcharge table is OpenAI's: the same items under another provider add nothing.
// mistral-large-latest (genai-prices: 2 / 6 $ per 1M = 200 / 600 cents): 1000 x 200 / 1e6 + 200 x 600 / 1e6 = 0.2 + 0.12 = 0.32
check('other provider', tracked('mistral', 'mistral-large-latest', responses(['web_search_call'], 1000, 200)), ['total_cost_in_cents' => 0.32, 'cost_known' => true]);

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
responses tools: ok
searches: ok
file searches: ok
function call: ok
chat tool calls: ok
anthropic tool use: ok
other provider: ok
