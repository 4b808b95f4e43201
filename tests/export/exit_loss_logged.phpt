--TEST--
Loss at process exit is always logged with its count: spans of a POST cut at the shutdown deadline and spans still queued, even right after another error used the rate-limited log line
--FILE--
<?php
require __DIR__ . '/export.inc';
$url = blackhole_start();   // accepts, never answers
$r = spectra_child(<<<'PHP'
use Spectra\Spectra;
// 1. an export error takes the rate-limited line (the POST times out after 3 s, no budget left)
Spectra::track('openai', 'gpt-4o', fn () => []);
Spectra::flush(10000);
echo "first export failed: ", Spectra::stats()['failed'], "\n";
// 2. three spans go out and hang in their POST ...
for ($i = 0; $i < 3; $i++) { Spectra::track('openai', 'gpt-4o', fn () => []); }
Spectra::flush(0);
$deadline = hrtime(true) + 30e9;
while (Spectra::stats()['queue_bytes'] !== 0 && hrtime(true) < $deadline) { usleep(10000); }  // the sender took them
// 3. ... and four more wait behind them when the script ends
for ($i = 0; $i < 4; $i++) { Spectra::track('openai', 'gpt-4o', fn () => []); }
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $url, 'spectra.otel.timeout' => 3,
      'spectra.shutdown_timeout_ms' => 300, 'spectra.export_concurrency' => 1]);  // one POST in flight
echo $r['stdout'];
$lines = array_values(array_filter(explode("\n", $r['stderr']), fn ($l) => str_starts_with($l, 'spectra: ')));
echo implode("\n", $lines), "\n";
echo 'exit=', $r['exit'], "\n";
?>
--EXPECTF--
first export failed: 1
spectra: export failed after 1 attempts (retry budget 3000 ms): %s (1 spans)
spectra: shutdown timeout (300 ms): 7 spans dropped (3 in flight, 4 queued)
exit=0
