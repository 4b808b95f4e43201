--TEST--
pcntl_fork() in after_response mode: children never export the parent's pending spans; every parent span arrives exactly once
--SKIPIF--
<?php if (!function_exists('pcntl_fork')) die('skip pcntl not available'); ?>
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$children = 10;
$r = spectra_child(<<<PHP
use Spectra\Spectra;
// 10 spans pending (after_response holds them until the request ends), then 10 forks
for (\$i = 0; \$i < 10; \$i++) { Spectra::track('openai', "parent-\$i", fn () => []); }
echo "parent pending=", Spectra::stats()['pending'], "\n";
\$pids = [];
for (\$c = 0; \$c < $children; \$c++) {
    \$pid = pcntl_fork();
    if (\$pid === 0) {
        \$before = Spectra::stats()['pending'];
        Spectra::track('openai', "child-\$c", fn () => []);
        \$after = Spectra::stats()['pending'];
        Spectra::flush(5000);
        if (\$before !== 0 || \$after !== 1) { fwrite(STDOUT, "child \$c pending before=\$before after=\$after\n"); }
        exit(0);
    }
    \$pids[] = \$pid;
}
foreach (\$pids as \$pid) { pcntl_waitpid(\$pid, \$status); }
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.protocol' => 'http/json']);
echo $r['stdout'], $r['stderr'];
// every span is one of 10 parent spans or one per child: wait for all 20, then a little for
// duplicates, which would arrive in the same way
$expected = 10 + $children;
$deadline = monotonic_seconds() + time_bound(15);
do {
    $ids = [];
    $models = [];
    foreach (receiver_bodies($receiver['dir']) as $body) {
        foreach (otlp_spans(json_decode($body, true)) as $span) {
            $ids[] = $span['spanId'];
            $models[] = otlp_attributes($span['attributes'])['gen_ai.request.model'];
        }
    }
    if (count($ids) >= $expected) { break; }
    usleep(50000);
} while (monotonic_seconds() < $deadline);
$perModel = array_count_values($models);
ksort($perModel, SORT_NATURAL);
echo "spans received: ", count($ids), "\n";
echo "distinct span ids: ", count(array_unique($ids)), "\n";
echo "duplicates: ", count($ids) - count(array_unique($ids)), "\n";
$parent = array_filter($perModel, fn ($m) => str_starts_with($m, 'parent-'), ARRAY_FILTER_USE_KEY);
echo "parent spans: ", count($parent), ", each exactly once: ", var_export(array_unique(array_values($parent)) === [1], true), "\n";
$child = array_filter($perModel, fn ($m) => str_starts_with($m, 'child-'), ARRAY_FILTER_USE_KEY);
echo "child spans: ", count($child), ", each exactly once: ", var_export(array_unique(array_values($child)) === [1], true), "\n";
?>
--EXPECT--
parent pending=10
spans received: 20
distinct span ids: 20
duplicates: 0
parent spans: 10, each exactly once: true
child spans: 10, each exactly once: true
