--TEST--
auto_capture: provider requests inside Spectra::withoutTracking() make no record; the answer is the same
--EXTENSIONS--
curl
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=none
--FILE--
<?php
use Spectra\Spectra;
require __DIR__ . '/capture.inc';
$port = mock_provider_start();
capture_records();
$url = "http://127.0.0.1:$port/v1/chat/completions";
$answer = Spectra::withoutTracking(fn () => plain_post($url, chat_body())[0]);
var_dump(json_decode($answer, true)['usage']['prompt_tokens']);
// a multi transfer added inside withoutTracking() and finished outside it
$mh = curl_multi_init();
$ch = curl_init($url);
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => chat_body()]);
Spectra::withoutTracking(fn () => curl_multi_add_handle($mh, $ch));
do {
    curl_multi_exec($mh, $running);
    curl_multi_select($mh, 0.5);
} while ($running);
while (curl_multi_info_read($mh));
var_dump(strlen(curl_multi_getcontent($ch)) > 0);
var_dump(count(capture_records()));
// and outside: recorded again
plain_post($url, chat_body());
var_dump(count(capture_records()));
?>
--EXPECT--
int(3)
bool(true)
int(0)
int(1)
