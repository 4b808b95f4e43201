--TEST--
Record strings from the provider's response (response id, model, finish reasons, tool-call types) and from options are cut at 4096 bytes on a UTF-8 boundary, and at most 128 finish reasons are kept; one warning per record counts what was cut
--INI--
spectra.otel.exporter=none
--FILE--
<?php
use Spectra\Spectra;

$long = str_repeat('a', 4095) . "\u{20AC}" . str_repeat('b', 10000); // the euro sign straddles byte 4096
$choices = [];
for ($i = 0; $i < 200; $i++) {
    $choices[] = ['index' => $i, 'finish_reason' => $i === 0 ? $long : 'stop',
        'message' => ['tool_calls' => [['id' => "c$i", 'type' => $i === 0 ? $long : 'function']]]];
}
$record = null;
Spectra::listen(function ($event) use (&$record) { $record = $event->request; });
Spectra::track('openai', 'gpt-4o-mini', fn () => ['id' => $long, 'object' => 'chat.completion', 'model' => 'gpt-4o-mini',
    'choices' => $choices, 'usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]], ['endpoint' => $long]);
var_dump(strlen($record['response_id']), $record['response_id'] === str_repeat('a', 4095));
var_dump(strlen($record['endpoint']));
var_dump(count($record['finish_reasons']), strlen($record['finish_reasons'][0]), $record['finish_reasons'][1]);
var_dump(count($record['tool_call_counts']), array_sum($record['tool_call_counts']));
var_dump(preg_match('//u', $record['response_id']) === 1);
?>
--EXPECTF--
Warning: Spectra\Spectra::track(): Spectra: record %s is over its limits: 72 finish reasons dropped (at most 128); 4 strings cut to 4096 bytes in %s on line %d
int(4095)
bool(true)
int(4095)
int(128)
int(4095)
string(4) "stop"
int(2)
int(200)
bool(true)
