--TEST--
auto_capture: a plain curl_exec() with RETURNTRANSFER to a provider URL makes one record with the answer's tokens; the application gets the same answer
--EXTENSIONS--
curl
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=none
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = mock_provider_start();
capture_records();
[$answer, $status] = plain_post("http://127.0.0.1:$port/v1/chat/completions", chat_body('gpt-4o-mini', 'one two three four five'));
$decoded = json_decode($answer, true);
var_dump($status, $decoded['object'], $decoded['usage']['prompt_tokens']);
$records = capture_records();
var_dump(count($records));
echo capture_summary($records[0]), "\n";
var_dump($records[0]['server_port'] === $port, $records[0]['cost_known'], $records[0]['total_cost_in_cents'] > 0);

// an embeddings call: the endpoint names the operation
$ch = curl_init("http://127.0.0.1:$port/v1/embeddings");
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['model' => 'text-embedding-3-small', 'input' => 'a b c']));
curl_exec($ch);
$records = capture_records();
echo count($records), ' ', $records[0]['operation'], ' ', $records[0]['model'], ' ', $records[0]['model_type'], "\n";

// the same handle again: a second record
curl_exec($ch);
echo count(capture_records()), "\n";
?>
--EXPECT--
int(200)
string(15) "chat.completion"
int(5)
int(1)
provider=openai model=gpt-4o-mini snapshot=gpt-4o-mini-2024-07-18 operation=chat endpoint=/v1/chat/completions server_address=127.0.0.1 prompt_tokens=5 completion_tokens=12 status_code=200 is_failed=false error_type=null is_streaming=false
bool(true)
bool(true)
bool(true)
1 embeddings text-embedding-3-small embedding
1
