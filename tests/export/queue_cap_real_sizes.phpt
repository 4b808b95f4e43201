--TEST--
The queue's byte cap counts each span at its real size: 300 spans of 100 KB against a hanging collector with a 256 KiB cap keep at most 2 queued, drop the rest (counted), and memory stays flat
--FILE--
<?php
require __DIR__ . '/export.inc';
$url = blackhole_start();   // accepts, never answers
$r = spectra_child(<<<'PHP'
use Spectra\Spectra;
function rss_kib(): int { return preg_match('/^VmRSS:\s+(\d+)/m', file_get_contents('/proc/self/status'), $m) ? (int) $m[1] : 0; }
$document = str_repeat('x', 100000);
Spectra::track('openai', 'gpt-4o', fn () => [], ['metadata' => ['document' => $document]]);
$before = rss_kib();
$maxQueueBytes = 0;
for ($i = 1; $i < 300; $i++) {
    Spectra::track('openai', 'gpt-4o', fn () => [], ['metadata' => ['document' => $document]]);
    $maxQueueBytes = max($maxQueueBytes, Spectra::stats()['queue_bytes']);
}
$growth = rss_kib() - $before;
$s = Spectra::stats();
echo "queued (accepted): {$s['queued']}, dropped: {$s['dropped']}, sum: ", $s['queued'] + $s['dropped'], "\n";
echo "at most 2 spans of 100 KB fit under 256 KiB: ", var_export($s['queued'] >= 1 && $s['queued'] <= 2, true), "\n";
echo "queue_bytes never over the cap: ", var_export($maxQueueBytes <= 262144, true), " ($maxQueueBytes)\n";
// 300 spans at 1 KiB each would have let 256 of them (25 MB) in; RSS is only meaningful without valgrind/ASan
$measured = getenv('SPECTRA_MEASURE_RSS') === '1';
echo "RSS growth under 8 MB: ", var_export(!$measured || $growth < 8192, true), " ($growth KiB)\n";
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $url, 'spectra.otel.timeout' => 30,
      'spectra.export_mode' => 'background', 'spectra.queue.max_bytes' => 262144, 'spectra.shutdown_timeout_ms' => 300],
    ['SPECTRA_MEASURE_RSS' => under_valgrind() || getenv('ASAN_OPTIONS') !== false || str_contains((string) getenv('LD_PRELOAD'), 'asan') ? '0' : '1']);
echo preg_replace('/ \(\d+( KiB)?\)$/m', '', $r['stdout']);
echo 'exit=', $r['exit'], "\n";
?>
--EXPECT--
queued (accepted): 2, dropped: 298, sum: 300
at most 2 spans of 100 KB fit under 256 KiB: true
queue_bytes never over the cap: true
RSS growth under 8 MB: true
exit=0
