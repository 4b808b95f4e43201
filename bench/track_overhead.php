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
 *       (track time - bare time) / CALLS. Prints one table row: the median of those
 *       per-batch means and their 10th/90th percentiles, in microseconds, then the
 *       median per-call time of each loop and the exporter's counters after a flush.
 *   php ... bench/track_overhead.php count track|bare ITERATIONS [listener]
 *       Runs a fixed number of iterations of one loop and nothing else, for an
 *       instruction counter (callgrind) to diff: (track - bare) / ITERATIONS.
 *
 * "listener" registers a Spectra::listen() callback first, which makes track() build the
 * record array and the RequestTracked event (the slow path). Nothing here is asserted.
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
    $which === 'track' ? loop_track($callback, $iterations) : loop_bare($callback, $iterations);
    Spectra::flush();
    exit(0);
}

if ($mode !== 'time') {
    fwrite(STDERR, "usage: track_overhead.php time LABEL [BATCHES] [CALLS] [listener] | count track|bare N [listener]\n");
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
}
Spectra::flush(5000);

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
}
$flushed = Spectra::flush(10000);
sort($added);
sort($tracked);
sort($bare);
$stats = Spectra::stats();

printf("%-22s %8.3f %8.3f %8.3f %10.3f %9.3f %9d %8d %7d%s\n",
    $label, percentile($added, 50), percentile($added, 10), percentile($added, 90),
    percentile($tracked, 50), percentile($bare, 50),
    $stats['sent'], $stats['dropped'], $stats['failed'], $flushed ? '' : '  (flush timed out)');
