--TEST--
A collector answering every POST after 2 s: several exports are in flight at once (bounded by spectra.export_concurrency), a backlog goes in bigger requests, and every span of a moderate burst arrives
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start(['delay_ms' => 2000], 8);
$n = 6000;
$r = spectra_child(<<<PHP
use Spectra\Spectra;
\$usage = ['usage' => ['prompt_tokens' => 10, 'completion_tokens' => 5]];
for (\$i = 0; \$i < $n; \$i++) { Spectra::track('openai', 'gpt-4o', fn () => \$usage); }
var_dump(Spectra::flush(60000));
echo json_encode(Spectra::stats()), "\n";
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.protocol' => 'http/json',
      // room for the whole burst: until the first answer (2 s) the collector is not known healthy, so nothing
      // waits for room, and the default 8 MiB holds only ~5 800 records of this size (their real weight)
      'spectra.otel.timeout' => 30, 'spectra.queue.max_bytes' => 32 * 1024 * 1024]);
echo $r['stderr'];
$lines = explode("\n", trim($r['stdout']));
echo $lines[0], "\n";
$s = json_decode($lines[1], true);
$got = receiver_json_spans($receiver);
$posts = receiver_count($receiver);
echo "sent all: ", var_export($s['sent'] === $n, true), ", dropped: {$s['dropped']}, failed: {$s['failed']}\n";
echo "spans decoded at the receiver: ", var_export($got['spans'] === $n && $got['distinct'] === $n, true), "\n";
echo "several POSTs in flight, at most 4: ", var_export($s['max_in_flight'] >= 2 && $s['max_in_flight'] <= 4, true), "\n";
// 512-span batches would take 12 POSTs; the backlog behind the first slow ones goes in bigger requests
echo "fewer POSTs than 512-span batches: ", var_export($posts < $n / 512, true), " ($posts)\n";
echo 'exit=', $r['exit'], "\n";
?>
--EXPECTF--
bool(true)
sent all: true, dropped: 0, failed: 0
spans decoded at the receiver: true
several POSTs in flight, at most 4: true
fewer POSTs than 512-span batches: true (%d)
exit=0
