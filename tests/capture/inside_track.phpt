--TEST--
auto_capture: a provider request inside Spectra::track() fills in that record (server, port, endpoint, status, usage) instead of making a second one
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

// the callback returns nothing the extractor can read: usage comes from the captured answer
$result = Spectra::track('openai', 'gpt-4o-mini', function () use ($url) {
    [$answer] = plain_post($url, chat_body('gpt-4o-mini', 'a b c d'));
    return strlen($answer) > 0;
});
var_dump($result);
$records = capture_records();
var_dump(count($records));
echo capture_summary($records[0]), "\n";
var_dump($records[0]['server_port'] === $port);

// the callback returns the decoded answer: one record, the same tokens
Spectra::track('openai', 'gpt-4o-mini', function () use ($url) {
    [$answer] = plain_post($url, chat_body('gpt-4o-mini', 'a b'));
    return json_decode($answer, true);
});
$records = capture_records();
echo count($records), ' ', $records[0]['prompt_tokens'], ' ', $records[0]['status_code'], ' ', $records[0]['endpoint'], "\n";

// an empty model in track(): the request names it
Spectra::track('openai', '', fn () => plain_post($url, chat_body('gpt-4.1-mini'))[0]);
$records = capture_records();
echo count($records), ' ', $records[0]['model'], "\n";

// a retry inside one track(): one record, the last attempt's status
Spectra::track('openai', 'gpt-4o-mini', function () use ($url) {
    plain_post("$url?status=429", chat_body());
    return plain_post($url, chat_body())[0];
});
$records = capture_records();
echo count($records), ' ', $records[0]['status_code'], ' ', var_export($records[0]['is_failed'], true), "\n";

// a 429 inside track() whose callback returns the error body: a failure with the provider's type
Spectra::track('openai', 'gpt-4o-mini', fn () => plain_post("$url?status=429", chat_body())[0]);
$records = capture_records();
echo count($records), ' ', $records[0]['status_code'], ' ', $records[0]['error_type'], "\n";

// after track(): requests make their own records again
plain_post($url, chat_body());
echo count(capture_records()), "\n";
?>
--EXPECT--
bool(true)
int(1)
provider=openai model=gpt-4o-mini snapshot=gpt-4o-mini-2024-07-18 operation=chat endpoint=/v1/chat/completions server_address=127.0.0.1 prompt_tokens=4 completion_tokens=12 status_code=200 is_failed=false error_type=null is_streaming=false
bool(true)
1 2 200 /v1/chat/completions
1 gpt-4.1-mini
1 200 false
1 429 rate_limit_exceeded
1
