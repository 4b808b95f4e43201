--TEST--
Credentials stay secret: phpinfo(), php --ri (ReflectionExtension::info()), stats() and warnings/log lines show OTLP header names with *** for values and the endpoint without user:pass@ or query values, whether they come from spectra.otel.* or OTEL_EXPORTER_OTLP_*; ini_get() still returns the value as set
--FILE--
<?php
require __DIR__ . '/export.inc';
$port = free_port(); // nothing listens: the one span tracked fails to export and is logged
$code = <<<'PHP'
ob_start();
phpinfo(INFO_MODULES);
(new ReflectionExtension('spectra'))->info();
$info = ob_get_clean();
foreach (explode("\n", $info) as $line) {
    if (preg_match('/^(spectra\.otel\.(headers|endpoint)|Export (endpoint|headers)) =>/', $line)) {
        echo $line, "\n";
    }
}
echo 'ini_get returns the value as set: ', var_export(ini_get('spectra.otel.headers') === (string) getenv('EXPECT_HEADERS_INI'), true), "\n";
Spectra\Spectra::track('openai', 'gpt-4o-mini', fn () => ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]]);
$stats = Spectra\Spectra::stats();
echo 'stats endpoint: ', $stats['endpoint'], "\n";
echo 'stats: ', json_encode($stats), "\n";
PHP;
$secrets = ['sk-secret123', 'abc456', 'spectra-user', 'pa55word', 'qk789', 'env-secret-777', 'sk-bare-888', 'env-user', 'env-pass-999'];
$common = ['spectra.otel.timeout' => '0.2', 'spectra.export_mode' => 'sync', 'spectra.shutdown_timeout_ms' => 200];

$cases = [
    'INI' => [$common + ['spectra.otel.enabled' => 1,
        'spectra.otel.headers' => 'authorization=Bearer sk-secret123,x-api-key=abc456',
        'spectra.otel.endpoint' => "http://spectra-user:pa55word@127.0.0.1:$port/v1/traces?api_key=qk789&region=eu"],
        ['EXPECT_HEADERS_INI' => 'authorization=Bearer sk-secret123,x-api-key=abc456']],
    'environment' => [$common, [
        'OTEL_EXPORTER_OTLP_HEADERS' => 'authorization=Bearer env-secret-777,sk-bare-888',
        'OTEL_EXPORTER_OTLP_ENDPOINT' => "http://env-user:env-pass-999@127.0.0.1:$port",
        'EXPECT_HEADERS_INI' => '']],
];
foreach ($cases as $label => [$ini, $env]) {
    $r = spectra_child($code, $ini, $env);
    echo "-- $label (exit $r[exit])\n";
    foreach (explode("\n", trim($r['stdout'])) as $line) {
        if (!str_starts_with($line, 'stats: ')) {
            echo str_replace((string) $port, 'PORT', $line), "\n";
        }
    }
    $leaked = array_filter($secrets, fn ($s) => str_contains($r['stdout'] . $r['stderr'], $s));
    echo 'secrets in stdout/stderr: ', $leaked ? implode(', ', $leaked) : 'none', "\n";
    echo 'export failure logged: ', str_contains($r['stderr'], 'spectra: export failed') ? 'yes' : 'no', "\n";
}
?>
--EXPECT--
-- INI (exit 0)
Export endpoint => http://127.0.0.1:PORT/v1/traces?api_key=***&region=***
Export headers => authorization=***, x-api-key=***
spectra.otel.endpoint => http://127.0.0.1:PORT/v1/traces?api_key=***&region=*** => http://127.0.0.1:PORT/v1/traces?api_key=***&region=***
spectra.otel.headers => authorization=***, x-api-key=*** => authorization=***, x-api-key=***
Export endpoint => http://127.0.0.1:PORT/v1/traces?api_key=***&region=***
Export headers => authorization=***, x-api-key=***
spectra.otel.endpoint => http://127.0.0.1:PORT/v1/traces?api_key=***&region=*** => http://127.0.0.1:PORT/v1/traces?api_key=***&region=***
spectra.otel.headers => authorization=***, x-api-key=*** => authorization=***, x-api-key=***
ini_get returns the value as set: true
stats endpoint: http://127.0.0.1:PORT/v1/traces?api_key=***&region=***
secrets in stdout/stderr: none
export failure logged: yes
-- environment (exit 0)
Export endpoint => http://127.0.0.1:PORT/v1/traces
Export headers => authorization=***
spectra.otel.endpoint => no value => no value
spectra.otel.headers => no value => no value
Export endpoint => http://127.0.0.1:PORT/v1/traces
Export headers => authorization=***
spectra.otel.endpoint => no value => no value
spectra.otel.headers => no value => no value
ini_get returns the value as set: true
stats endpoint: http://127.0.0.1:PORT/v1/traces
secrets in stdout/stderr: none
export failure logged: yes
