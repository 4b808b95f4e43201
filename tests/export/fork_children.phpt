--TEST--
pcntl_fork(): parent and each child start their own sender and deliver exactly their own spans
--SKIPIF--
<?php if (!function_exists('pcntl_fork')) die('skip pcntl'); ?>
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$r = spectra_child(<<<'PHP'
use Spectra\Spectra;
Spectra::track('openai', 'parent-before-fork', fn () => []);
Spectra::flush(5000);                 // the parent's thread exists before the fork
$children = [];
for ($c = 1; $c <= 3; $c++) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        for ($i = 0; $i < $c; $i++) { Spectra::track('openai', "child-$c", fn () => []); }
        $ok = Spectra::flush(5000);
        $s = Spectra::stats();
        fwrite(STDOUT, "child $c flushed=" . var_export($ok, true) . " sent={$s['sent']} own-pid=" . var_export($s['pid'] === getmypid(), true) . "\n");
        exit(0);
    }
    $children[] = $pid;
}
foreach ($children as $pid) { pcntl_waitpid($pid, $status); }
Spectra::track('openai', 'parent-after-fork', fn () => []);
Spectra::flush(5000);
echo "parent sent=", Spectra::stats()['sent'], "\n";
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.protocol' => 'http/json']);
$lines = explode("\n", trim($r['stdout']));
sort($lines);
echo implode("\n", $lines), "\n", $r['stderr'];
receiver_wait($receiver, 5);
$models = [];
foreach (receiver_bodies($receiver['dir']) as $body) {
    foreach (otlp_spans(json_decode($body, true)) as $span) {
        $models[] = otlp_attributes($span['attributes'])['gen_ai.request.model'];
    }
}
sort($models);
echo implode(',', $models), "\n";
?>
--EXPECT--
child 1 flushed=true sent=1 own-pid=true
child 2 flushed=true sent=2 own-pid=true
child 3 flushed=true sent=3 own-pid=true
parent sent=2
child-1,child-2,child-2,child-3,child-3,child-3,parent-after-fork,parent-before-fork
