--TEST--
auto_capture with spectra.capture_content=1: a captured request's messages (from its body) and the provider's answer (a streamed one too) become input_messages and output_messages; a call inside track() keeps the request option's messages; with capture_content=0 none are kept
--EXTENSIONS--
curl
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=none
spectra.capture_content=1
--FILE--
<?php
use Spectra\Spectra;

require __DIR__ . '/capture.inc';
$port = mock_provider_start();
capture_records();
$url = "http://127.0.0.1:$port/v1/chat/completions";
$body = json_encode(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'system', 'content' => 'Be brief.'], ['role' => 'user', 'content' => 'hello there']]]);
[$answer] = plain_post($url, $body);
$r = capture_records()[0];
echo 'captured: ', $r['input_messages'], "\n          ", $r['output_messages'], "\n";

// a streamed answer through a write callback: the deltas' text is the output message
$streamed = json_encode(['model' => 'gpt-4o-mini', 'stream' => true, 'messages' => [['role' => 'user', 'content' => 'stream it']]]);
$ch = curl_init($url);
$got = '';
curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => $streamed, CURLOPT_HTTPHEADER => ['Content-Type: application/json'],
    CURLOPT_WRITEFUNCTION => function ($h, $data) use (&$got) { $got .= $data; return strlen($data); }]);
curl_exec($ch);
$r = capture_records()[0];
echo 'streamed: ', $r['input_messages'], "\n          ", $r['output_messages'], "\n";

// inside track(): its request option is the call's request
Spectra::track('openai', 'gpt-4o-mini', fn () => json_decode(plain_post($url, $body)[0], true),
    ['request' => ['messages' => [['role' => 'user', 'content' => 'as the app describes it']]]]);
$r = capture_records()[0];
echo 'in track(): ', $r['input_messages'], "\n";

ini_set('spectra.capture_content', '0');
plain_post($url, $body);
$r = capture_records()[0];
echo 'off: ', var_export([$r['input_messages'], $r['output_messages']], true), "\n";
?>
--EXPECT--
captured: [{"role":"system","parts":[{"type":"text","content":"Be brief."}]},{"role":"user","parts":[{"type":"text","content":"hello there"}]}]
          [{"role":"assistant","parts":[{"type":"text","content":"Hello from the local mock provider."}],"finish_reason":"stop"}]
streamed: [{"role":"user","parts":[{"type":"text","content":"stream it"}]}]
          [{"role":"assistant","parts":[{"type":"text","content":"Hello from the local mock provider."}],"finish_reason":"stop"}]
in track(): [{"role":"user","parts":[{"type":"text","content":"as the app describes it"}]}]
off: array (
  0 => NULL,
  1 => NULL,
)
