--TEST--
auto_capture: a request to any other host (the same server, by another name) makes no record, and its answer is untouched
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
[$answer, $status] = plain_post("http://localhost:$port/v1/chat/completions", chat_body());
var_dump($status, json_decode($answer, true)['usage']['completion_tokens']);
// URL set after the body and the write callback; then changed away from a provider URL
$bytes = '';
$ch = curl_init();
curl_setopt($ch, CURLOPT_POSTFIELDS, chat_body());
curl_setopt($ch, CURLOPT_WRITEFUNCTION, function ($h, $data) use (&$bytes) { $bytes .= $data; return strlen($data); });
curl_setopt($ch, CURLOPT_URL, "http://127.0.0.1:$port/v1/chat/completions");
curl_setopt($ch, CURLOPT_URL, "http://localhost:$port/v1/chat/completions");
var_dump(curl_exec($ch), json_decode($bytes, true)['object']);
// curl_reset() forgets the provider URL
$ch = curl_init("http://127.0.0.1:$port/v1/chat/completions");
curl_reset($ch);
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
curl_setopt($ch, CURLOPT_URL, "http://localhost:$port/v1/embeddings");
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode(['model' => 'text-embedding-3-small', 'input' => 'x']));
var_dump(is_string(curl_exec($ch)));
var_dump(count(capture_records()));
?>
--EXPECT--
int(200)
int(12)
bool(true)
string(15) "chat.completion"
bool(true)
int(0)
