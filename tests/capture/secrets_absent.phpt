--TEST--
auto_capture: API keys in request headers (Authorization, x-api-key, api-key, x-goog-api-key), key=/api_key= query parameters and URL credentials reach no record, span (console and OTLP), event or log line; the endpoint is a path without its query
--EXTENSIONS--
curl
--FILE--
<?php
require __DIR__ . '/capture.inc';
$port = mock_provider_start();
$receiver = receiver_start();
$code = <<<'PHP'
$port = (int) getenv('MOCK_PORT');
$records = [];
Spectra\Spectra::listen(function ($e) use (&$records) { $records[] = $e->request; });
$headers = ['Authorization: Bearer sk-AUTH-SECRET-1', 'x-api-key: XAPI-SECRET-2', 'api-key: AZURE-SECRET-3',
    'x-goog-api-key: GOOG-SECRET-4', 'Content-Type: application/json'];
$body = json_encode(['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => 'hi there']]]);
$urls = ["http://user:PASS-SECRET-5@127.0.0.1:$port/v1/chat/completions?key=QKEY-SECRET-6&api_key=QAPI-SECRET-7",
    "http://127.0.0.1:$port/v1/chat/completions?status=429&key=QKEY-SECRET-6",
    "http://127.0.0.1:1/v1/chat/completions?api_key=QAPI-SECRET-7"];
foreach ($urls as $url) {
    $ch = curl_init($url);
    curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_HTTPHEADER => $headers, CURLOPT_POSTFIELDS => $body,
        CURLOPT_USERPWD => 'basic:BASIC-SECRET-8']);
    curl_exec($ch);
}
echo json_encode($records), "\n";
echo implode(',', array_map(fn ($r) => $r['endpoint'], $records)), "\n";
PHP;
$secrets = ['sk-AUTH-SECRET-1', 'XAPI-SECRET-2', 'AZURE-SECRET-3', 'GOOG-SECRET-4', 'PASS-SECRET-5', 'QKEY-SECRET-6',
    'QAPI-SECRET-7', 'BASIC-SECRET-8', 'SECRET'];
$common = ['extension' => 'curl', 'spectra.auto_capture' => '1', 'spectra.providers.openai.hosts' => '127.0.0.1'];
$console = spectra_child($code, $common + ['spectra.otel.exporter' => 'console'], ['MOCK_PORT' => (string) $port]);
$otlp = spectra_child($code, $common + ['spectra.otel.enabled' => '1', 'spectra.otel.endpoint' => $receiver['url'],
    'spectra.export_mode' => 'sync', 'spectra.otel.protocol' => 'http/json'], ['MOCK_PORT' => (string) $port]);
$bodies = implode("\n", receiver_bodies($receiver['dir']));
echo 'records: ', count(json_decode(explode("\n", $console['stdout'])[0], true)), "\n";
echo 'endpoints: ', explode("\n", $console['stdout'])[1], "\n";
echo 'console spans: ', substr_count($console['stderr'], 'span chat'), "\n";
echo 'otlp spans: ', substr_count($bodies, '"spanId"'), "\n";
foreach (['records and console' => $console['stdout'] . $console['stderr'], 'otlp' => $otlp['stdout'] . $otlp['stderr'] . $bodies] as $where => $text) {
    $found = array_filter($secrets, fn ($s) => str_contains($text, $s));
    echo $where, ': ', $found ? 'FOUND ' . implode(',', $found) : 'no secret', "\n";
}
?>
--EXPECT--
records: 3
endpoints: /v1/chat/completions,/v1/chat/completions,/v1/chat/completions
console spans: 3
otlp spans: 3
records and console: no secret
otlp: no secret
