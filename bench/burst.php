<?php
/*
 * A burst: N Spectra::track() calls back to back in one CLI process, then one flush, against
 * the collector bench/burst.sh started. Prints the exporter's counters next to the timing and
 * exits 1 when any span was dropped or failed, or fewer than N were sent (issue 9: a healthy
 * collector must receive every span of a 1 000 000-call burst with default settings).
 *
 *   php -n -d extension=modules/spectra.so -d spectra.otel.enabled=1 \
 *       -d spectra.otel.endpoint=http://127.0.0.1:PORT/v1/traces bench/burst.php [N]
 */

declare(strict_types=1);

use Spectra\Spectra;

if (!extension_loaded('spectra')) {
    fwrite(STDERR, "burst.php: the spectra extension is not loaded\n");
    exit(2);
}
$n = (int) ($argv[1] ?? 1000000);
$response = [
    'id' => 'chatcmpl-burst',
    'object' => 'chat.completion',
    'model' => 'gpt-4o-mini-2024-07-18',
    'choices' => [['index' => 0, 'message' => ['role' => 'assistant', 'content' => 'ok'], 'finish_reason' => 'stop']],
    'usage' => ['prompt_tokens' => 1873, 'completion_tokens' => 412, 'total_tokens' => 2285,
        'prompt_tokens_details' => ['cached_tokens' => 1536]],
];
$callback = static fn () => $response;

$started = hrtime(true);
$cpuStarted = getrusage();
for ($i = 0; $i < $n; $i++) {
    Spectra::track('openai', 'gpt-4o-mini', $callback);
}
$loopDone = hrtime(true);
$flushed = Spectra::flush(300000);
$done = hrtime(true);
$cpu = getrusage();
$s = Spectra::stats();
$cpuSeconds = ($cpu['ru_utime.tv_sec'] - $cpuStarted['ru_utime.tv_sec']) + ($cpu['ru_utime.tv_usec'] - $cpuStarted['ru_utime.tv_usec']) / 1e6
    + ($cpu['ru_stime.tv_sec'] - $cpuStarted['ru_stime.tv_sec']) + ($cpu['ru_stime.tv_usec'] - $cpuStarted['ru_stime.tv_usec']) / 1e6;
printf("burst: %d calls  loop %.2f s (%.0f calls/s)  loop+flush %.2f s (%.0f spans/s delivered)  cpu (all threads) %.2f s = %.2f us/call\n",
    $n, ($loopDone - $started) / 1e9, $n / max(1e-9, ($loopDone - $started) / 1e9), ($done - $started) / 1e9,
    $s['sent'] / max(1e-9, ($done - $started) / 1e9), $cpuSeconds, $cpuSeconds * 1e6 / max(1, $n));
printf("burst: mode=%s queued=%d sent=%d dropped=%d failed=%d retries=%d backpressure_waits=%s flush=%s\n",
    $s['mode'], $s['queued'], $s['sent'], $s['dropped'], $s['failed'], $s['retries'],
    $s['backpressure_waits'] ?? 'n/a', $flushed ? 'ok' : 'timed out');
if ($s['dropped'] || $s['failed'] || $s['sent'] < $n) {
    fprintf(STDERR, "burst: FAILED: %d of %d spans not delivered (dropped %d, failed %d)\n",
        $n - $s['sent'], $n, $s['dropped'], $s['failed']);
    exit(1);
}
echo "burst: every span delivered\n";
