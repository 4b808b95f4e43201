--TEST--
Collector down (closed port), failing (503 on every POST) or hanging: a full queue never holds up the request thread (backpressure_waits = 0), spans are dropped and counted, the queue stays within its cap
--FILE--
<?php
require __DIR__ . '/export.inc';
$closed = 'http://127.0.0.1:' . free_port() . '/v1/traces';
$failing = receiver_start(['status' => 503]);
$hanging = blackhole_start();
$n = under_valgrind() ? 2000 : 20000;
foreach (['down' => $closed, 'failing' => $failing['url'], 'hanging' => $hanging] as $name => $url) {
    foreach (['after_response', 'background'] as $mode) {
        $r = spectra_child(<<<PHP
use Spectra\Spectra;
\$usage = ['usage' => ['prompt_tokens' => 10, 'completion_tokens' => 5]];
\$maxQueueBytes = 0;
for (\$i = 0; \$i < $n; \$i++) {
    Spectra::track('openai', 'gpt-4o', fn () => \$usage);
    if (\$i % 500 === 0) { \$maxQueueBytes = max(\$maxQueueBytes, Spectra::stats()['queue_bytes']); }
}
Spectra::flush(0);
\$s = Spectra::stats();
printf("waits=%d dropped>0=%s all counted=%s queue within cap=%s\\n", \$s['backpressure_waits'],
    var_export(\$s['dropped'] > 0, true), var_export(\$s['queued'] + \$s['dropped'] === $n, true),
    var_export(max(\$maxQueueBytes, \$s['queue_bytes']) <= 65536, true));
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $url, 'spectra.otel.timeout' => 1,
          'spectra.export_mode' => $mode, 'spectra.queue.max_bytes' => 65536, 'spectra.shutdown_timeout_ms' => 200]);
        echo "$name $mode: ", trim($r['stdout']), ' exit=', $r['exit'], "\n";
    }
}
?>
--EXPECT--
down after_response: waits=0 dropped>0=true all counted=true queue within cap=true exit=0
down background: waits=0 dropped>0=true all counted=true queue within cap=true exit=0
failing after_response: waits=0 dropped>0=true all counted=true queue within cap=true exit=0
failing background: waits=0 dropped>0=true all counted=true queue within cap=true exit=0
hanging after_response: waits=0 dropped>0=true all counted=true queue within cap=true exit=0
hanging background: waits=0 dropped>0=true all counted=true queue within cap=true exit=0
