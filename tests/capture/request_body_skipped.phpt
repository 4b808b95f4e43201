--TEST--
auto_capture: a request body curl takes from a read callback, a file or an upload, or one that is too large or not JSON, is not read, and the record (and span) says why in request_body_skipped; the call is still recorded from its URL and answer; a JSON body read as usual says null
--EXTENSIONS--
curl
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=console
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = mock_provider_start();
capture_records();
$url = "http://127.0.0.1:$port/v1/chat/completions";
$json = chat_body();

function show(string $label): void
{
    $r = capture_records()[0] ?? null;
    echo str_pad($label, 16), $r === null ? 'no record' : 'skipped=' . var_export($r['request_body_skipped'], true)
        . ' endpoint=' . $r['endpoint'] . ' status=' . $r['status_code'], "\n";
}

// POST whose body comes from the application's read callback
$sent = $json;
$ch = curl_init($url);
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POST => true,
    CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Content-Length: ' . strlen($json), 'Expect:'],
    CURLOPT_READFUNCTION => function ($ch, $fh, $length) use (&$sent) {
        $piece = substr($sent, 0, $length);
        $sent = substr($sent, strlen($piece));
        return $piece;
    }]);
curl_exec($ch);
show('read callback');

// PUT of a file (curl's upload from CURLOPT_INFILE)
$file = fopen('php://memory', 'w+');
fwrite($file, $json);
rewind($file);
$ch = curl_init($url);
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_UPLOAD => true, CURLOPT_INFILE => $file,
    CURLOPT_INFILESIZE => strlen($json), CURLOPT_HTTPHEADER => ['Content-Type: application/json', 'Expect:']]);
curl_exec($ch);
show('infile');

// the read callback turned off again, POSTFIELDS given: read as usual
$ch = curl_init($url);
curl_setopt($ch, CURLOPT_READFUNCTION, fn () => '');
curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POSTFIELDS => $json,
    CURLOPT_HTTPHEADER => ['Content-Type: application/json']]);
curl_exec($ch);
show('postfields wins');

plain_post($url, 'model=gpt-4o-mini&prompt=hi', ['Content-Type: application/x-www-form-urlencoded']);
show('form body');
plain_post($url, $json);
show('json body');
plain_post($url, '{"model":"gpt-4o-mini","pad":"' . str_repeat('x', 8 * 1024 * 1024) . '"}', ['Content-Type: application/json', 'Expect:']);
show('9 MB body');
?>
--EXPECTF--
%Sspectra.request.body_skipped="read_function"%S
read callback   skipped='read_function' endpoint=/v1/chat/completions status=200
%Sspectra.request.body_skipped="infile"%S
infile          skipped='infile' endpoint=/v1/chat/completions status=200
span chat gpt-4o-mini %s
postfields wins skipped=NULL endpoint=/v1/chat/completions status=200
%Sspectra.request.body_skipped="not_json"%S
form body       skipped='not_json' endpoint=/v1/chat/completions status=200
span chat gpt-4o-mini %s
json body       skipped=NULL endpoint=/v1/chat/completions status=200
%Sspectra.request.body_skipped="too_large"%S
9 MB body       skipped='too_large' endpoint=/v1/chat/completions status=200
