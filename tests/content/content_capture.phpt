--TEST--
spectra.capture_content=1: the request given to track() (option "request") and the response become gen_ai.system_instructions, gen_ai.input.messages and gen_ai.output.messages in the GenAI conventions' structure, for OpenAI chat (tool calls and results), Anthropic (system, tool_use, tool_result), Gemini (systemInstruction, functionCall) and the Responses API; on the record and on the span
--INI--
spectra.capture_content=1
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
function show(string $label): void
{
    global $record;
    echo "$label\n  system: ", $record['system_instructions'] ?? 'null', "\n  input:  ", $record['input_messages'] ?? 'null',
        "\n  output: ", $record['output_messages'] ?? 'null', "\n";
}
$usage = ['prompt_tokens' => 10, 'completion_tokens' => 5, 'total_tokens' => 15];

// OpenAI chat: a system message stays among the messages; an earlier tool round trip; the answer calls a tool
$request = ['model' => 'gpt-4o-mini', 'messages' => [
    ['role' => 'system', 'content' => 'You are terse.'],
    ['role' => 'user', 'content' => [['type' => 'text', 'text' => 'Weather in Paris?'], ['type' => 'image_url', 'image_url' => ['url' => 'https://x.example/a.png']]]],
    ['role' => 'assistant', 'content' => null, 'tool_calls' => [['id' => 'call_1', 'type' => 'function', 'function' => ['name' => 'weather', 'arguments' => '{"city":"Paris"}']]]],
    ['role' => 'tool', 'tool_call_id' => 'call_1', 'content' => '{"temp":21}'],
]];
Spectra::track('openai', 'gpt-4o-mini', fn () => ['id' => 'chatcmpl-1', 'object' => 'chat.completion', 'model' => 'gpt-4o-mini',
    'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => '21 °C, sunny.'], 'finish_reason' => 'stop']],
    'usage' => $usage], ['request' => $request]);
show('openai chat');

// Anthropic: system as blocks, a tool_result, the answer with a tool_use
$request = ['model' => 'claude-sonnet-4-5', 'max_tokens' => 100, 'system' => [['type' => 'text', 'text' => 'Be brief.', 'cache_control' => ['type' => 'ephemeral']]],
    'messages' => [['role' => 'user', 'content' => 'Look it up.'],
        ['role' => 'user', 'content' => [['type' => 'tool_result', 'tool_use_id' => 'toolu_0', 'content' => 'found']]]]];
Spectra::track('anthropic', 'claude-sonnet-4-5', fn () => ['id' => 'msg_1', 'type' => 'message', 'role' => 'assistant', 'model' => 'claude-sonnet-4-5',
    'content' => [['type' => 'thinking', 'thinking' => 'hmm', 'signature' => 'x'], ['type' => 'text', 'text' => 'Checking.'],
        ['type' => 'tool_use', 'id' => 'toolu_1', 'name' => 'search', 'input' => ['q' => 'x']]],
    'stop_reason' => 'tool_use', 'usage' => ['input_tokens' => 10, 'output_tokens' => 5]], ['request' => $request]);
show('anthropic');

// Gemini: systemInstruction, contents with a model turn, the answer's functionCall
$request = ['systemInstruction' => ['parts' => [['text' => 'Answer in French.']]], 'contents' => [
    ['role' => 'user', 'parts' => [['text' => 'Hi']]], ['role' => 'model', 'parts' => [['text' => 'Salut']]],
    ['role' => 'user', 'parts' => [['text' => 'Time?']]]]];
Spectra::track('google', 'gemini-2.0-flash', fn () => ['candidates' => [['content' => ['role' => 'model', 'parts' => [
    ['text' => 'Je regarde.'], ['functionCall' => ['name' => 'clock', 'args' => ['tz' => 'Europe/Paris']]]]], 'finishReason' => 'STOP']],
    'usageMetadata' => ['promptTokenCount' => 10, 'candidatesTokenCount' => 5, 'totalTokenCount' => 15], 'modelVersion' => 'gemini-2.0-flash'],
    ['request' => $request]);
show('gemini');

// Responses API: instructions and a string input; output items
Spectra::track('openai', 'gpt-4.1-mini', fn () => ['id' => 'resp_1', 'object' => 'response', 'status' => 'completed', 'model' => 'gpt-4.1-mini',
    'output' => [['type' => 'message', 'role' => 'assistant', 'content' => [['type' => 'output_text', 'text' => 'Done.', 'annotations' => []]]]],
    'usage' => ['input_tokens' => 10, 'output_tokens' => 5, 'total_tokens' => 15]],
    ['request' => ['model' => 'gpt-4.1-mini', 'instructions' => 'Be kind.', 'input' => 'Say done.']]);
show('responses');
?>
--EXPECTF--
%Sgen_ai.input.messages="[{\"role\":\"system\"%S
openai chat
  system: null
  input:  [{"role":"system","parts":[{"type":"text","content":"You are terse."}]},{"role":"user","parts":[{"type":"text","content":"Weather in Paris?"}]},{"role":"assistant","parts":[{"type":"tool_call","id":"call_1","name":"weather","arguments":{"city":"Paris"}}]},{"role":"tool","parts":[{"type":"tool_call_response","id":"call_1","response":{"temp":21}}]}]
  output: [{"role":"assistant","parts":[{"type":"text","content":"21 °C, sunny."}],"finish_reason":"stop"}]
%S
anthropic
  system: [{"type":"text","content":"Be brief."}]
  input:  [{"role":"user","parts":[{"type":"text","content":"Look it up."}]},{"role":"user","parts":[{"type":"tool_call_response","id":"toolu_0","response":"found"}]}]
  output: [{"role":"assistant","parts":[{"type":"text","content":"Checking."},{"type":"tool_call","id":"toolu_1","name":"search","arguments":{"q":"x"}}],"finish_reason":"tool_use"}]
%S
gemini
  system: [{"type":"text","content":"Answer in French."}]
  input:  [{"role":"user","parts":[{"type":"text","content":"Hi"}]},{"role":"assistant","parts":[{"type":"text","content":"Salut"}]},{"role":"user","parts":[{"type":"text","content":"Time?"}]}]
  output: [{"role":"assistant","parts":[{"type":"text","content":"Je regarde."},{"type":"tool_call","name":"clock","arguments":{"tz":"Europe/Paris"}}],"finish_reason":"STOP"}]
%S
responses
  system: [{"type":"text","content":"Be kind."}]
  input:  [{"role":"user","parts":[{"type":"text","content":"Say done."}]}]
  output: [{"role":"assistant","parts":[{"type":"text","content":"Done."}],"finish_reason":"completed"}]
