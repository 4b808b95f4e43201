--TEST--
Bad input: bodies with unexpected types everywhere ("usage": "x", "choices": 5, lists of scalars, ids as numbers) are recorded with whatever is readable, no warning, no crash
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(fn ($event) => $GLOBALS['records'][] = $event->request);

$empty = [
    'prompt_tokens' => 0,
    'completion_tokens' => 0,
    'cached_tokens' => 0,
    'reasoning_tokens' => 0,
    'response_id' => null,
    'snapshot' => null,
    'finish_reasons' => [],
    'has_tool_calls' => false,
    'tool_call_counts' => null,
    'is_reasoning' => false,
    'model' => 'gpt-4o-mini',
];

// No known shape at all.
check('everything wrong', tracked('openai', 'gpt-4o-mini', [
    'id' => 123,
    'object' => ['chat.completion'],
    'model' => [],
    'usage' => 'x',
    'choices' => 5,
    'output' => 'y',
    'data' => 1.5,
    'type' => false,
]), $empty);

// Chat shape with broken insides: the valid choices still count.
check('chat insides', tracked('openai', 'gpt-4o-mini', [
    'object' => 'chat.completion',
    'id' => ['chatcmpl-1'],
    'model' => 7,
    'choices' => [
        5,
        'x',
        null,
        ['finish_reason' => 7, 'message' => 'm'],
        ['finish_reason' => 'stop', 'message' => ['tool_calls' => 'x']],
        ['finish_reason' => 'tool_calls', 'message' => ['tool_calls' => [['type' => 'function'], ['type' => 5]]]],
    ],
    'usage' => ['prompt_tokens' => [], 'completion_tokens' => null, 'prompt_tokens_details' => 'z', 'completion_tokens_details' => 3],
    'service_tier' => ['default'],
]), ['operation' => 'chat', 'pricing_tier' => 'standard', 'finish_reasons' => ['stop', 'tool_calls'], 'tool_call_counts' => ['function' => 2], 'has_tool_calls' => true] + $empty);

// A generic "usage" block of an unknown shape is read with the GenAI/OpenAI/Anthropic key names.
check('generic usage', tracked('openai', 'gpt-4o-mini', [
    'usage' => ['input_tokens' => 40, 'output_tokens' => 2, 'cached_tokens' => 'x'],
    'choices' => 'none',
]), ['prompt_tokens' => 40, 'completion_tokens' => 2, 'cached_tokens' => 0]);

// Responses shape with junk output items and usage.
check('responses insides', tracked('openai', 'gpt-4o-mini', [
    'object' => 'response',
    'id' => null,
    'status' => [],
    'incomplete_details' => 'q',
    'reasoning' => 'r',
    'service_tier' => 5,
    'output' => [1, null, 'message', ['type' => 7], ['type' => '_call'], ['type' => 'web_search_call'], ['no' => 'type']],
    'usage' => ['input_tokens' => true, 'output_tokens' => 'lots', 'input_tokens_details' => [], 'output_tokens_details' => null],
]), ['operation' => 'chat', 'tool_call_counts' => ['web_search_call' => 1], 'has_tool_calls' => true, 'reasoning_effort' => null] + array_diff_key($empty, ['has_tool_calls' => 1, 'tool_call_counts' => 1]));

// Anthropic shape with junk content and usage.
check('anthropic insides', tracked('anthropic', 'claude-sonnet-4-5-20250929', [
    'type' => 'message',
    'id' => 5,
    'stop_reason' => null,
    'content' => [1, 'text', ['type' => []], ['type' => 'tool_use'], ['text' => 'no type']],
    'usage' => ['input_tokens' => 'x', 'output_tokens' => [], 'service_tier' => 3],
]), ['operation' => 'chat', 'tool_call_counts' => ['tool_use' => 1], 'has_tool_calls' => true, 'model' => 'claude-sonnet-4-5-20250929', 'pricing_tier' => 'standard'] + $empty);

// "type": "message" without a usage array is not taken for an Anthropic body.
check('anthropic usage string', tracked('anthropic', 'claude-sonnet-4-5-20250929', [
    'type' => 'message', 'usage' => 'x', 'content' => [['type' => 'tool_use']],
]), ['operation' => null, 'model' => 'claude-sonnet-4-5-20250929'] + $empty);

// Gemini shape with junk candidates and parts.
check('gemini insides', tracked('google', 'gemini-2.5-flash', [
    'responseId' => 99,
    'modelVersion' => ['gemini'],
    'candidates' => [1, ['finishReason' => [], 'content' => ['parts' => 'p']], ['content' => ['parts' => [1, ['functionCall' => null], ['thought' => 'yes']]]]],
    'usageMetadata' => ['promptTokenCount' => 'abc', 'candidatesTokenCount' => [], 'thoughtsTokenCount' => null],
]), ['operation' => 'generate_content', 'model' => 'gemini-2.5-flash', 'tool_call_counts' => ['function_call' => 1], 'has_tool_calls' => true] + $empty);

// Embeddings shape with a junk usage.
check('embeddings insides', tracked('openai', 'text-embedding-3-small', [
    'object' => 'list',
    'data' => [['object' => 'embedding', 'embedding' => 'abc']],
    'usage' => ['prompt_tokens' => 'seventeen'],
]), ['operation' => 'embeddings', 'model_type' => 'embedding', 'model' => 'text-embedding-3-small'] + $empty);

echo count($records), " records\n";

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
everything wrong: ok
chat insides: ok
generic usage: ok
responses insides: ok
anthropic insides: ok
anthropic usage string: ok
gemini insides: ok
embeddings insides: ok
8 records
