--TEST--
auto_capture: a streamed (SSE) answer, through a write callback or RETURNTRANSFER, is read with the stream parsers: usage, response id, answering model, time to first token (write callback only)
--EXTENSIONS--
curl
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=none
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = fixed_answer_start();
capture_records();
$body = json_encode(['model' => 'gpt-4o-mini', 'stream' => true, 'stream_options' => ['include_usage' => true],
    'messages' => [['role' => 'user', 'content' => 'hi']]]);
$chunks = 0;
$ch = curl_init("http://127.0.0.1:$port/v1/chat/completions");
curl_setopt_array($ch, [CURLOPT_POSTFIELDS => $body, CURLOPT_WRITEFUNCTION => function ($h, $data) use (&$chunks) {
    $chunks++;
    return strlen($data);
}]);
var_dump(curl_exec($ch), $chunks > 0);
$ch = curl_init("http://127.0.0.1:$port/v1/chat/completions");
curl_setopt_array($ch, [CURLOPT_POSTFIELDS => $body, CURLOPT_RETURNTRANSFER => true]);
var_dump(str_starts_with(curl_exec($ch), 'data: '));
foreach (capture_records() as $r) {
    echo capture_summary($r), ' response_id=', $r['response_id'], ' ttft=',
        is_int($r['time_to_first_token_ms']) && $r['time_to_first_token_ms'] >= 0 ? 'int' : var_export($r['time_to_first_token_ms'], true),
        ' cost_known=', var_export($r['cost_known'], true), "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
provider=openai model=gpt-4o-mini snapshot=gpt-4o-mini-2024-07-18 operation=chat endpoint=/v1/chat/completions server_address=127.0.0.1 prompt_tokens=7 completion_tokens=50 status_code=200 is_failed=false error_type=null is_streaming=true response_id=chatcmpl-fixed ttft=int cost_known=true
provider=openai model=gpt-4o-mini snapshot=gpt-4o-mini-2024-07-18 operation=chat endpoint=/v1/chat/completions server_address=127.0.0.1 prompt_tokens=7 completion_tokens=50 status_code=200 is_failed=false error_type=null is_streaming=true response_id=chatcmpl-fixed ttft=NULL cost_known=true
