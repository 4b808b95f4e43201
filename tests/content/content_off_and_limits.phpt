--TEST--
Message content: off by default (nothing on the record, the span or the event, whatever the request option holds); spectra.capture_content_max_bytes bounds each attribute (texts cut at a character and marked, then the oldest messages dropped, the JSON still whole); a request option that is not an array is a TypeError naming it; odd bodies give what can be read, json_last_error() untouched
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
$answer = fn (string $text) => ['id' => 'c', 'object' => 'chat.completion', 'model' => 'gpt-4o-mini',
    'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => $text], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1, 'total_tokens' => 2]];
$request = ['messages' => [['role' => 'user', 'content' => 'secret plans']]];

// (the console span line, on stderr, ends with the last native attribute: no content after it)
Spectra::track('openai', 'gpt-4o-mini', fn () => $answer('secret answer'), ['request' => $request]);
echo 'off: record ', json_encode([$record['input_messages'], $record['output_messages'], $record['system_instructions']]),
    ', event mentions the content: ', var_export(str_contains(json_encode($record), 'secret'), true), "\n";

ini_set('spectra.capture_content', '1');
ini_set('spectra.capture_content_max_bytes', '300');
// one long text (in UTF-8: 400 x "é" = 800 bytes): cut to fit, at a character boundary, marked
Spectra::track('openai', 'gpt-4o-mini', fn () => $answer(str_repeat('é', 400)), ['request' => $request]);
$out = $record['output_messages'];
$decoded = json_decode($out, true);
$text = $decoded[0]['parts'][0]['content'];
echo 'cut: ', strlen($out), ' bytes <= 300: ', var_export(strlen($out) <= 300, true), ', valid UTF-8: ', var_export(preg_match('//u', $text) === 1, true),
    ', ends with the mark: ', var_export(str_ends_with($text, '…'), true), ', finish_reason kept: ', $decoded[0]['finish_reason'], "\n";
// many messages: the oldest go, the newest stay, in order
$many = ['messages' => array_map(fn ($i) => ['role' => 'user', 'content' => "message number $i"], range(1, 30))];
Spectra::track('openai', 'gpt-4o-mini', fn () => $answer('ok'), ['request' => $many]);
$in = json_decode($record['input_messages'], true);
echo 'dropped: ', strlen($record['input_messages']) <= 300 ? 'fits' : 'too long', ', ', count($in), ' of 30 kept, first kept: ',
    $in[0]['parts'][0]['content'], ', last: ', end($in)['parts'][0]['content'], "\n";

// a very long conversation (20 000 messages) and long system instructions: bounded the same way
$long = ['system' => array_map(fn ($i) => ['type' => 'text', 'text' => str_repeat("rule $i ", 40)], range(1, 5)),
    'messages' => array_map(fn ($i) => ['role' => $i % 2 ? 'user' : 'assistant', 'content' => "turn $i"], range(1, 20000))];
Spectra::track('openai', 'gpt-4o-mini', fn () => $answer('ok'), ['request' => $long]);
$in = json_decode($record['input_messages'], true);
$system = json_decode($record['system_instructions'], true);
echo 'long: input ', strlen($record['input_messages']) <= 300 ? 'fits' : 'too long', ', last kept: ', end($in)['parts'][0]['content'],
    '; system ', strlen($record['system_instructions']) <= 300 ? 'fits' : 'too long', ', ', count($system), " of 5 kept, valid JSON\n";
// a request that is not an array
try {
    Spectra::track('openai', 'gpt-4o-mini', fn () => $answer('x'), ['request' => '{"messages":[]}']);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
// odd shapes: whatever is readable; nothing else
json_decode('{broken');
$before = json_last_error();
$odd = ['messages' => ['not a message', ['role' => 5, 'content' => 7], ['role' => 'user', 'content' => ["\xff\xfe bad utf-8", ['type' => 'text', 'text' => ['nested']]]],
    ['role' => 'assistant', 'tool_calls' => 'none'], ['role' => 'tool', 'tool_call_id' => 3]], 'system' => 42, 'contents' => 'x'];
Spectra::track('openai', 'gpt-4o-mini', fn () => ['choices' => 'none', 'content' => [1, null]], ['request' => $odd]);
echo 'odd: ', $record['input_messages'], ' / ', var_export($record['output_messages'], true), "\n";
echo 'json_last_error() kept: ', var_export(json_last_error() === $before, true), "\n";
?>
--EXPECTF--
span chat gpt-4o-mini %s spectra.model_type="text"
off: record [null,null,null], event mentions the content: false
%Acut: %d bytes <= 300: true, valid UTF-8: true, ends with the mark: true, finish_reason kept: stop
%Adropped: fits, %d of 30 kept, first kept: message number %d, last: message number 30
%Along: input fits, last kept: turn 20000; system fits, %d of 5 kept, valid JSON
TypeError: Spectra\Spectra::track(): Argument #4 ($options) option "request" must be of type array, string given
%Aodd: [{"role":"user","parts":[{"type":"text","content":"�� bad utf-8"}]},{"role":"tool","parts":[{"type":"tool_call_response"}]}] / NULL
json_last_error() kept: true
