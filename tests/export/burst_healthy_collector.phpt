--TEST--
A burst of 50 000 track() calls in one CLI request against a healthy collector: every span arrives (bounded backpressure while the queue is full; default queue caps), in far fewer POSTs than hand-offs
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
// valgrind runs the sender ~30x slower than a backpressure wait lasts: a smaller burst there
$n = under_valgrind() ? 3000 : 50000;
$r = spectra_child(<<<PHP
use Spectra\Spectra;
\$usage = ['usage' => ['prompt_tokens' => 10, 'completion_tokens' => 5]];
// the collector has answered once: backpressure waits only for a collector known to be healthy
Spectra::track('openai', 'gpt-4o', fn () => \$usage);
Spectra::flush(30000);
for (\$i = 1; \$i < $n; \$i++) { Spectra::track('openai', 'gpt-4o', fn () => \$usage); }
var_dump(Spectra::flush(120000));
echo json_encode(Spectra::stats()), "\n";
// Default queue caps. The wait bound is raised from its 500 ms: this receiver (PHP's built-in
// server, one body at a time, each written to disk) on a test machine shared with other suites
// may take longer than that for one big POST; bench/burst.sh measures the defaults alone.
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.protocol' => 'http/json',
      'spectra.queue.max_wait_ms' => 10000]);
echo $r['stderr'];
$lines = explode("\n", trim($r["stdout"]));
echo $lines[0], "\n";
$s = json_decode($lines[1], true);
$got = receiver_json_spans($receiver);
$posts = receiver_attempts($receiver);
echo "sent all: ", var_export($s['sent'] === $n, true), ", dropped: {$s['dropped']}, failed: {$s['failed']}\n";
echo "spans decoded at the receiver = calls: ", var_export($got['spans'] === $n && $got['distinct'] === $n, true),
    " ({$got['spans']}, {$got['distinct']} distinct)\n";
// after_response hands a CLI request's spans over every 256: one POST per hand-off would be $n / 256
echo "POSTs fewer than hand-offs: ", var_export($posts < $n / 256, true), " ($posts)\n";
echo "posts counted = received: ", var_export($s['posts'] === $posts, true), "\n";
echo "the request thread waited for room: ", var_export($s['backpressure_waits'] > 0 || under_valgrind(), true), "\n";
echo 'exit=', $r['exit'], "\n";
?>
--EXPECTF--
bool(true)
sent all: true, dropped: 0, failed: 0
spans decoded at the receiver = calls: true (%d, %d distinct)
POSTs fewer than hand-offs: true (%d)
posts counted = received: true
the request thread waited for room: true
exit=0
