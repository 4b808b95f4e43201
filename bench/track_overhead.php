<?php
/*
 * What Spectra::track() adds to a call, measured in one process. Normally started by
 * bench/track_overhead.sh, which chooses the INI settings (export on/off) and runs a
 * loopback OTLP sink; see bench/README.md.
 *
 *   php -n -d extension=modules/spectra.so [-d ...] bench/track_overhead.php time LABEL [BATCHES] [CALLS] [listener]
 *       Interleaved batches: each batch times CALLS calls of
 *       Spectra::track('openai', 'gpt-4o-mini', $callback) and CALLS calls of $callback()
 *       alone (the order alternates between batches), and keeps
 *       (track time - bare time) / CALLS; after each batch (untimed) the exporter is
 *       flushed, so the sender does all of its work instead of dropping what overflows.
 *       Prints one table row: the median of those per-batch means and their 10th/90th
 *       percentiles, in microseconds, then the median per-call time of each loop and the
 *       exporter's counters (queued, sent, dropped, failed).
 *   php ... bench/track_overhead.php cpu LABEL [BATCHES] [CALLS] [listener]
 *       Total CPU per tracked call, all threads: each batch measures getrusage()
 *       (RUSAGE_SELF: the request thread, the sender thread and curl's) around CALLS calls of
 *       track() followed by a flush that waits until the sender has delivered them, and
 *       around CALLS bare callbacks, order alternating. Also splits the tracked CPU into
 *       the request thread and the other threads (from /proc/self/task/<tid>/schedstat).
 *       Prints the medians per call, the ratio to the bare callback, and the counters.
 *   php ... bench/track_overhead.php count track|bare ITERATIONS [listener]
 *       Runs a fixed number of iterations of one loop and nothing else (a flush every
 *       1000, so nothing overflows), for an instruction counter (callgrind) to diff:
 *       (track - bare) / ITERATIONS.
 *
 * "listener" registers a Spectra::listen() callback first, which makes track() build the
 * record array and the RequestTracked event (the slow path). Timings are reported, never
 * asserted; every mode exits 1 when the exporter dropped or failed a span, or sent fewer
 * than it queued, because a run that skipped work says nothing about its cost.
 */

declare(strict_types=1);

use Spectra\Spectra;

if (!extension_loaded('spectra')) {
    fwrite(STDERR, "track_overhead.php: the spectra extension is not loaded\n");
    exit(2);
}

/** A chat completion as openai-php's toArray() or json_decode(..., true) gives it. */
function bench_response(): array
{
    return [
        'id' => 'chatcmpl-BxQ7mT2kLp9WcZr4HnVd8sYfA3eJu',
        'object' => 'chat.completion',
        'created' => 1761302411,
        'model' => 'gpt-4o-mini-2024-07-18',
        'choices' => [[
            'index' => 0,
            'message' => [
                'role' => 'assistant',
                'content' => 'The invoice total is 1,284.50 EUR, due on 30 November. Two line items were '
                    . 'discounted by 10%; the remaining balance from October has been carried over.',
                'refusal' => null,
                'annotations' => [],
            ],
            'logprobs' => null,
            'finish_reason' => 'stop',
        ]],
        'usage' => [
            'prompt_tokens' => 1873,
            'completion_tokens' => 412,
            'total_tokens' => 2285,
            'prompt_tokens_details' => ['cached_tokens' => 1536, 'audio_tokens' => 0],
            'completion_tokens_details' => [
                'reasoning_tokens' => 0,
                'audio_tokens' => 0,
                'accepted_prediction_tokens' => 0,
                'rejected_prediction_tokens' => 0,
            ],
        ],
        'service_tier' => 'default',
        'system_fingerprint' => 'fp_560af6e559',
    ];
}

/* The two loops differ only in the call under test; same shape, same closure. */
function loop_track(Closure $callback, int $calls): int
{
    $start = hrtime(true);
    for ($i = 0; $i < $calls; $i++) {
        Spectra::track('openai', 'gpt-4o-mini', $callback);
    }
    return hrtime(true) - $start;
}

function loop_bare(Closure $callback, int $calls): int
{
    $start = hrtime(true);
    for ($i = 0; $i < $calls; $i++) {
        $callback();
    }
    return hrtime(true) - $start;
}

/** Nearest-rank percentile of a sorted list. */
function percentile(array $sorted, float $p): float
{
    $index = (int) ceil($p / 100 * count($sorted)) - 1;
    return $sorted[max(0, min(count($sorted) - 1, $index))];
}

/** CPU seconds of this process, all threads (getrusage RUSAGE_SELF). */
function process_cpu(): float
{
    $u = getrusage();
    return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
}

/** CPU seconds of the request thread (the main thread, tid = pid), in nanosecond detail. */
function request_thread_cpu(): float
{
    $stat = @file_get_contents('/proc/self/task/' . getmypid() . '/schedstat');
    return $stat === false ? NAN : (int) explode(' ', $stat)[0] / 1e9;
}

/** Prints the exporter's counters; false when a span was dropped, failed or not sent. */
function counters_ok(array $stats, string $label): bool
{
    $lost = $stats['queued'] - $stats['sent'];
    if ($stats['dropped'] === 0 && $stats['failed'] === 0 && $lost === 0) {
        return true;
    }
    fprintf(STDERR, "track_overhead.php: %s: FAILED: queued %d, sent %d, dropped %d, failed %d (%s)\n",
        $label, $stats['queued'], $stats['sent'], $stats['dropped'], $stats['failed'], $stats['last_error']);
    return false;
}

$mode = $argv[1] ?? '';
$resp = bench_response();
$callback = static fn () => $resp;

if ($mode === 'count') {
    $which = $argv[2] ?? '';
    $iterations = (int) ($argv[3] ?? 0);
    if (!in_array($which, ['track', 'bare'], true) || $iterations < 1) {
        fwrite(STDERR, "usage: track_overhead.php count track|bare ITERATIONS [listener]\n");
        exit(2);
    }
    if (($argv[4] ?? '') === 'listener') {
        Spectra::listen(static function ($event): void {
        });
    }
    for ($done = 0; $done < $iterations; $done += 1000) {
        $chunk = min(1000, $iterations - $done);
        $which === 'track' ? loop_track($callback, $chunk) : loop_bare($callback, $chunk);
        Spectra::flush(60000);
    }
    exit(counters_ok(Spectra::stats(), "count $which") ? 0 : 1);
}

if ($mode !== 'time' && $mode !== 'cpu') {
    fwrite(STDERR, "usage: track_overhead.php time|cpu LABEL [BATCHES] [CALLS] [listener] | count track|bare N [listener]\n");
    exit(2);
}
$label = $argv[2] ?? 'track';
$batches = (int) ($argv[3] ?? 200);
$calls = (int) ($argv[4] ?? 1000);
if ($batches < 1 || $calls < 1) {
    fwrite(STDERR, "track_overhead.php: BATCHES and CALLS must be >= 1\n");
    exit(2);
}
if (($argv[5] ?? '') === 'listener') {
    Spectra::listen(static function ($event): void {
    });
}

/* warm-up: first allocations, the sender thread's start, the keep-alive connection */
for ($b = 0; $b < 5; $b++) {
    loop_track($callback, $calls);
    loop_bare($callback, $calls);
    Spectra::flush(60000);
}

if ($mode === 'cpu') {
    $track_cpu = $bare_cpu = $request_cpu = $sender_cpu = $ratio = [];
    for ($b = 0; $b < $batches; $b++) {
        for ($turn = 0; $turn < 2; $turn++) {
            $tracking = ($b + $turn) % 2 === 0;
            $cpu0 = process_cpu();
            $thread0 = request_thread_cpu();
            if ($tracking) {
                loop_track($callback, $calls);
                Spectra::flush(60000); /* the sender's work for these calls is done here */
            } else {
                loop_bare($callback, $calls);
            }
            $cpu = (process_cpu() - $cpu0) / $calls * 1e6;
            $thread = (request_thread_cpu() - $thread0) / $calls * 1e6;
            if ($tracking) {
                $track_cpu[$b] = $cpu;
                $request_cpu[] = $thread;
                $sender_cpu[] = $cpu - $thread;
            } else {
                $bare_cpu[$b] = $cpu;
            }
        }
        $ratio[] = $track_cpu[$b] / max($bare_cpu[$b], 1e-3);
    }
    $added = [];
    foreach ($track_cpu as $b => $cpu) {
        $added[] = $cpu - $bare_cpu[$b];
    }
    foreach ([&$track_cpu, &$bare_cpu, &$request_cpu, &$sender_cpu, &$ratio, &$added] as &$list) {
        sort($list);
    }
    unset($list);
    $stats = Spectra::stats();
    printf("%-22s %9.3f %9.3f %9.3f %9.3f %9.3f %9.1f %9d %9d %8d %7d\n",
        $label, percentile($track_cpu, 50), percentile($bare_cpu, 50), percentile($added, 50),
        percentile($request_cpu, 50), percentile($sender_cpu, 50), percentile($ratio, 50),
        $stats['queued'], $stats['sent'], $stats['dropped'], $stats['failed']);
    exit(counters_ok($stats, $label) ? 0 : 1);
}

$added = $tracked = $bare = [];
for ($b = 0; $b < $batches; $b++) {
    if ($b % 2 === 0) {
        $t = loop_track($callback, $calls);
        $c = loop_bare($callback, $calls);
    } else {
        $c = loop_bare($callback, $calls);
        $t = loop_track($callback, $calls);
    }
    $tracked[] = $t / $calls / 1000;
    $bare[] = $c / $calls / 1000;
    $added[] = ($t - $c) / $calls / 1000;
    Spectra::flush(60000); /* untimed: the sender catches up, so nothing overflows the queue */
}
$flushed = Spectra::flush(10000);
sort($added);
sort($tracked);
sort($bare);
$stats = Spectra::stats();

printf("%-22s %8.3f %8.3f %8.3f %10.3f %9.3f %9d %9d %8d %7d%s\n",
    $label, percentile($added, 50), percentile($added, 10), percentile($added, 90),
    percentile($tracked, 50), percentile($bare, 50),
    $stats['queued'], $stats['sent'], $stats['dropped'], $stats['failed'], $flushed ? '' : '  (flush timed out)');
exit(counters_ok($stats, $label) ? 0 : 1);
