--TEST--
track()'s request option: the body sent to the provider gives the request parameters (max tokens, temperature, top_p, seed, choice count, tool definitions, stop sequences, encoding formats) as a captured request's body does, on the record and the span; no message content unless spectra.capture_content is on
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
$request = ['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => 'hi']], 'max_completion_tokens' => 256,
    'temperature' => 0.2, 'top_p' => '0.9', 'seed' => 42, 'n' => 2, 'stop' => ['END'], 'frequency_penalty' => 'odd',
    'tools' => [['type' => 'function', 'function' => ['name' => 'a']]]];
Spectra::track('openai', 'gpt-4o-mini', fn () => ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]], ['request' => $request]);
$keys = ['request_max_tokens', 'request_temperature', 'request_top_p', 'request_frequency_penalty', 'request_seed', 'request_choice_count',
    'request_tool_count', 'request_stop_sequences', 'request_encoding_formats', 'input_messages'];
echo json_encode(array_intersect_key($record, array_flip($keys))), "\n";
Spectra::track('openai', 'text-embedding-3-small', fn () => ['usage' => ['prompt_tokens' => 1]],
    ['request' => ['model' => 'text-embedding-3-small', 'input' => 'x', 'encoding_format' => 'base64']]);
echo json_encode($record['request_encoding_formats']), "\n";
?>
--EXPECTF--
span chat gpt-4o-mini %sgen_ai.request.stop_sequences=["END"]%sgen_ai.request.max_tokens=256 gen_ai.request.seed=42 gen_ai.request.choice.count=2 spectra.request.tool_count=1 gen_ai.request.temperature=0.2 gen_ai.request.top_p=0.9%s
{"request_max_tokens":256,"request_temperature":0.2,"request_top_p":0.9,"request_frequency_penalty":null,"request_seed":42,"request_choice_count":2,"request_tool_count":1,"request_stop_sequences":["END"],"request_encoding_formats":[],"input_messages":null}
%Agen_ai.request.encoding_formats=["base64"]%A
["base64"]
