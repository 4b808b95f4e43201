--TEST--
OTEL_* environment: generic endpoint gets /v1/traces, headers are percent-decoded and sent, service name and resource attributes, OTEL_SDK_DISABLED
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$code = 'Spectra\Spectra::track("openai", "gpt-4o", fn () => []); Spectra\Spectra::flush(5000); echo json_encode(array_intersect_key(Spectra\Spectra::stats(), ["exporter" => 1, "endpoint" => 1, "protocol" => 1])), "\n";';
$r = spectra_child($code, [], [
    'OTEL_EXPORTER_OTLP_ENDPOINT' => "http://127.0.0.1:{$receiver['port']}/",
    'OTEL_EXPORTER_OTLP_HEADERS' => 'Authorization=Bearer%20s3cr%3Dt , x-tenant = acme ,malformed',
    'OTEL_EXPORTER_OTLP_PROTOCOL' => 'http/json',
    'OTEL_SERVICE_NAME' => 'billing-api',
    'OTEL_RESOURCE_ATTRIBUTES' => 'service.name=overridden,deployment.environment.name=prod%2Deu,team=ml',
]);
echo $r['stdout'], preg_replace('/ in \S+ on line \d+/', '', $r['stderr']);
receiver_wait($receiver, 1);
$h = receiver_headers($receiver['dir'])[0]['headers'];
echo $h['authorization'], ' | ', $h['x-tenant'], "\n";
$resource = otlp_attributes(json_decode(receiver_bodies($receiver['dir'])[0], true)['resourceSpans'][0]['resource']['attributes']);
echo $resource['service.name'], ' ', $resource['deployment.environment.name'], ' ', $resource['team'], ' ', $resource['process.pid'] > 0 ? 'pid' : 'no-pid', "\n";
echo count(array_keys($resource)) === count(array_unique(array_keys($resource))) ? "keys unique\n" : "duplicate keys\n";
$r = spectra_child($code, [], ['OTEL_EXPORTER_OTLP_ENDPOINT' => "http://127.0.0.1:{$receiver['port']}", 'OTEL_SDK_DISABLED' => 'true']);
echo $r['stdout'];
$r = spectra_child($code, ['spectra.otel.enabled' => 0], ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' => "http://127.0.0.1:{$receiver['port']}/custom/path"]);
echo $r['stdout'];
$r = spectra_child($code, ['spectra.otel.endpoint' => 'http://127.0.0.1:1/from-ini'], ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT' => "http://127.0.0.1:{$receiver['port']}/custom/path"]);
echo $r['stdout'];
?>
--EXPECTF--
{"exporter":"otlp","protocol":"http\/json","endpoint":"http:\/\/127.0.0.1:%d\/v1\/traces"}
Warning: Spectra\Spectra::track(): Spectra: some OTLP headers are not in key=value form and were skipped
Bearer s3cr=t | acme
billing-api prod-eu ml pid
keys unique
{"exporter":"none","protocol":"http\/protobuf","endpoint":""}
{"exporter":"none","protocol":"http\/protobuf","endpoint":""}
{"exporter":"otlp","protocol":"http\/protobuf","endpoint":"http:\/\/127.0.0.1:1\/from-ini"}
