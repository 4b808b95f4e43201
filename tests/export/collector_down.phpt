--TEST--
Collector down (closed port) or hanging (accepts, never answers): the app's output is complete, the script ends within the bounded shutdown; nothing is sent
--FILE--
<?php
require __DIR__ . '/export.inc';
$closedPort = free_port();
$blackholePort = free_port();
$blackhole = proc_open(['python3', __DIR__ . '/../tools/blackhole.py', (string) $blackholePort], [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
// ready when it accepts (a generous deadline: a cold machine starts python slowly)
$ready = monotonic_seconds() + 15;
while (monotonic_seconds() < $ready && !@fsockopen('127.0.0.1', $blackholePort)) { usleep(20000); }
$code = <<<'PHP'
use Spectra\Spectra;
for ($i = 0; $i < 5; $i++) { Spectra::track('openai', 'gpt-4o', fn () => ['usage' => ['prompt_tokens' => 1]]); }
echo "app done\n";
register_shutdown_function(function () { $s = Spectra::stats(); fwrite(STDERR, "stats queued={$s['queued']} sent={$s['sent']}\n"); });
PHP;
foreach (['closed' => $closedPort, 'hanging' => $blackholePort] as $what => $port) {
    foreach (['sync', 'after_response', 'background'] as $mode) {
        $r = spectra_child($code, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => "http://127.0.0.1:$port/v1/traces",
            'spectra.otel.timeout' => '0.3', 'spectra.export_mode' => $mode, 'spectra.shutdown_timeout_ms' => 500]);
        // Safety bound only (the point is "never hangs"): sync pays the timeout per span.
        $bound = time_bound($mode === 'sync' ? 20 : 8);
        printf("%s %s: exit=%d output=%s bounded=%s sent=%s\n", $what, $mode, $r['exit'], trim($r['stdout']),
            $r['seconds'] < $bound ? 'yes' : 'NO (' . round($r['seconds'], 1) . ' s)',
            preg_match('/sent=(\d+)/', $r['stderr'], $m) ? $m[1] : '?');
    }
}
proc_terminate($blackhole);
?>
--EXPECT--
closed sync: exit=0 output=app done bounded=yes sent=0
closed after_response: exit=0 output=app done bounded=yes sent=0
closed background: exit=0 output=app done bounded=yes sent=0
hanging sync: exit=0 output=app done bounded=yes sent=0
hanging after_response: exit=0 output=app done bounded=yes sent=0
hanging background: exit=0 output=app done bounded=yes sent=0
