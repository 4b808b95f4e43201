--TEST--
10 000 tracks against a hanging collector with a 64 KiB queue: drops are counted exactly, memory stays flat, the script still ends
--FILE--
<?php
require __DIR__ . '/export.inc';
$url = blackhole_start();   // accepts, never answers
$r = spectra_child(<<<'PHP'
use Spectra\Spectra;
$usage = ['usage' => ['prompt_tokens' => 10, 'completion_tokens' => 5]];
for ($i = 0; $i < 1000; $i++) { Spectra::track('openai', 'gpt-4o', fn () => $usage); }
gc_collect_cycles();
$after1k = memory_get_usage();
for ($i = 0; $i < 9000; $i++) { Spectra::track('openai', 'gpt-4o', fn () => $usage); }
gc_collect_cycles();
$growth = memory_get_usage() - $after1k;
$s = Spectra::stats();
echo "queued+dropped+in-flight=", $s['queued'] + $s['dropped'] >= 9990 ? 'all' : ($s['queued'] + $s['dropped']), "\n";
echo "dropped>0: ", var_export($s['dropped'] > 0, true), "\n";
echo "queue within cap: ", var_export($s['queue_bytes'] <= 65536, true), "\n";
echo "Zend heap growth under 64 KiB: ", var_export($growth < 65536, true), " ($growth)\n";
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $url, 'spectra.otel.timeout' => 1,
      'spectra.export_mode' => 'background', 'spectra.queue.max_bytes' => 65536, 'spectra.shutdown_timeout_ms' => 300]);
echo preg_replace('/ \(\d+\)$/m', '', $r['stdout']), 'exit=', $r['exit'], "\n";
?>
--EXPECT--
queued+dropped+in-flight=all
dropped>0: true
queue within cap: true
Zend heap growth under 64 KiB: true
exit=0
