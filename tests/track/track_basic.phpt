--TEST--
track() runs the callback with a RequestContext, returns its value unchanged and records usage from it
--FILE--
<?php
use Spectra\Spectra;
use Spectra\RequestContext;

$records = [];
Spectra::listen(function ($event) use (&$records) { $records[] = $event->request; });

$response = [
    'id' => 'chatcmpl-abc', 'object' => 'chat.completion', 'model' => 'gpt-4o-mini-2024-07-18',
    'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => 'Hi'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 100, 'completion_tokens' => 50, 'total_tokens' => 150],
];
$seen = null;
$result = Spectra::track('openai', 'gpt-4o-mini', function (RequestContext $ctx) use (&$seen, $response) {
    $seen = $ctx;
    return $response;
});
var_dump($result === $response);
var_dump($seen instanceof RequestContext, strlen($seen->id), strlen($seen->traceId), strlen($seen->spanId));
var_dump(count($records));
$r = $records[0];
var_dump($r['id'] === $seen->id, $r['trace_id'] === $seen->traceId, $r['span_id'] === $seen->spanId);
echo $r['provider'], ' ', $r['model'], ' ', $r['snapshot'], ' ', $r['operation'], "\n";
echo $r['prompt_tokens'], '+', $r['completion_tokens'], '=', $r['total_tokens'], "\n";
// gpt-4o-mini standard: 15 c/1M in, 60 c/1M out -> 100*15/1e6 + 50*60/1e6 = 0.0015 + 0.003
var_dump($r['prompt_cost'], $r['completion_cost'], $r['total_cost_in_cents'], $r['cost_known'], $r['currency']);
var_dump($r['status_code'], $r['is_failed'], $r['finish_reasons'], $r['server_address'], $r['server_port']);
var_dump($r['started_at'] instanceof DateTimeImmutable, $r['completed_at'] >= $r['started_at']);
var_dump(is_int($r['latency_ms']) && $r['latency_ms'] >= 0);
var_dump(Spectra::isEnabled());
?>
--EXPECT--
bool(true)
bool(true)
int(26)
int(32)
int(16)
int(1)
bool(true)
bool(true)
bool(true)
openai gpt-4o-mini gpt-4o-mini-2024-07-18 chat
100+50=150
float(0.0015)
float(0.003)
float(0.0045)
bool(true)
string(3) "USD"
int(200)
bool(false)
array(1) {
  [0]=>
  string(4) "stop"
}
string(14) "api.openai.com"
int(443)
bool(true)
bool(true)
bool(true)
bool(true)
