--TEST--
One span too big for a request (over OTLP's 64 MiB) or for the queue is dropped and counted alone: the ten ordinary spans of its request are delivered
--FILE--
<?php
require __DIR__ . '/export.inc';
$code = <<<'PHP'
use Spectra\Spectra;
$size = (int) getenv('HUGE_BYTES');
for ($i = 0; $i < 5; $i++) { Spectra::track('openai', "ordinary-$i", fn () => []); }
Spectra::track('openai', 'huge', fn () => [], ['metadata' => ['document' => str_repeat('x', $size)]]);
for ($i = 5; $i < 10; $i++) { Spectra::track('openai', "ordinary-$i", fn () => []); }
Spectra::flush(60000);
$s = Spectra::stats();
echo "sent={$s['sent']} dropped={$s['dropped']} failed={$s['failed']}\n";
PHP;
foreach ([
    // 65 MiB of metadata: the span alone encodes over the 64 MiB request limit (the queue cap lets it in)
    'over the request limit' => [65 * 1024 * 1024, ['spectra.queue.max_bytes' => 512 * 1024 * 1024]],
    // 9 MB against the default 8 MiB queue cap: the request's batch goes to the queue span by span
    'over the queue cap' => [9 * 1000 * 1000, []],
] as $name => [$bytes, $ini]) {
    $receiver = receiver_start();
    $r = spectra_child($code, $ini + ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'],
        'spectra.otel.timeout' => 60, 'spectra.otel.protocol' => 'http/json', 'memory_limit' => -1], ['HUGE_BYTES' => (string) $bytes]);
    $models = [];
    foreach (receiver_bodies($receiver['dir']) as $body) {
        foreach (otlp_spans(json_decode($body, true)) as $span) {
            $models[] = otlp_attributes($span['attributes'])['gen_ai.request.model'];
        }
    }
    sort($models, SORT_NATURAL);
    echo "$name: ", trim($r['stdout']), "\n  delivered: ", implode(',', $models), "\n";
    foreach (explode("\n", $r['stderr']) as $line) {
        if (str_starts_with($line, 'spectra: ')) {
            echo '  ', preg_replace('/\d{6,} bytes/', 'N bytes', $line), "\n";
        }
    }
}
?>
--EXPECT--
over the request limit: sent=10 dropped=1 failed=0
  delivered: ordinary-0,ordinary-1,ordinary-2,ordinary-3,ordinary-4,ordinary-5,ordinary-6,ordinary-7,ordinary-8,ordinary-9
  spectra: span of N bytes over the 64 MiB OTLP request limit dropped
over the queue cap: sent=10 dropped=1 failed=0
  delivered: ordinary-0,ordinary-1,ordinary-2,ordinary-3,ordinary-4,ordinary-5,ordinary-6,ordinary-7,ordinary-8,ordinary-9
  spectra: export queue full; 1 spans dropped
