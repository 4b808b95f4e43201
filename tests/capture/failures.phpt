--TEST--
auto_capture: 429 and 500 answers are failures with the status and the provider's error type; connection refused is a failure named by the curl error; the application sees what it would without the extension
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
$url = "http://127.0.0.1:$port/v1/chat/completions";
foreach ([429, 500] as $code) {
    [$answer, $status] = plain_post("$url?status=$code", chat_body());
    var_dump($status, json_decode($answer, true)['error']['message']);
    $records = capture_records();
    echo count($records), ' ', capture_summary($records[0]), "\n";
    echo $records[0]['error_message'], "\n";
}
// nothing listens on this port (a socket bound and closed)
$closed = free_port();
$ch = curl_init("http://127.0.0.1:$closed/v1/chat/completions");
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body()]);
var_dump(curl_exec($ch), curl_errno($ch));
$records = capture_records();
echo count($records), ' ', capture_summary($records[0]), "\n";
echo $records[0]['error_message'], "\n";
// a write callback that aborts the transfer: curl's write error, the callback's choice kept
$ch = curl_init($url);
curl_setopt($ch, CURLOPT_POSTFIELDS, chat_body());
curl_setopt($ch, CURLOPT_WRITEFUNCTION, fn ($h, $data) => 0);
var_dump(curl_exec($ch), curl_errno($ch));
$records = capture_records();
echo count($records), ' ', $records[0]['error_type'], "\n";
?>
--EXPECT--
int(429)
string(31) "Rate limit reached for requests"
1 provider=openai model=gpt-4o-mini snapshot=null operation=chat endpoint=/v1/chat/completions server_address=127.0.0.1 prompt_tokens=0 completion_tokens=0 status_code=429 is_failed=true error_type=rate_limit_exceeded is_streaming=false
Rate limit reached for requests
int(500)
string(19) "mock provider error"
1 provider=openai model=gpt-4o-mini snapshot=null operation=chat endpoint=/v1/chat/completions server_address=127.0.0.1 prompt_tokens=0 completion_tokens=0 status_code=500 is_failed=true error_type=server_error is_streaming=false
mock provider error
bool(false)
int(7)
1 provider=openai model=gpt-4o-mini snapshot=null operation=chat endpoint=/v1/chat/completions server_address=127.0.0.1 prompt_tokens=0 completion_tokens=0 status_code=null is_failed=true error_type=CURLE_COULDNT_CONNECT is_streaming=false
Couldn't connect to server
bool(false)
int(23)
1 CURLE_WRITE_ERROR
