<?php
/*
 * Added cost per chunk of Spectra::stream() against a bare foreach over the same chunks, in
 * one process: the same list of chunks is iterated bare and through Spectra::stream(), runs
 * interleaved, and the medians are compared. Chunk kinds: one SSE event per string (as an
 * HTTP client's read loop yields them), one decoded event per array (as a client that decodes
 * yields them), and SSE bytes in 4 KiB pieces. Each stream is a chat stream of N content
 * chunks with its usage in the last one; the record of every run is checked (tokens read,
 * so the bench cannot measure a reader that skipped its work). Timings are reported, never
 * checked. Target (issue 11): <= 0.5 us added per chunk.
 *
 *   php -d extension=modules/spectra.so -d spectra.otel.exporter=none bench/stream_overhead.php [chunks] [runs]
 */
use Spectra\Spectra;

$chunks = (int) ($argv[1] ?? 2000);
$runs = (int) ($argv[2] ?? 21);
$words = ['The', ' sky', ' is', ' blue', ' because', ' of', ' Rayleigh', ' scattering', '.'];
$events = [];
for ($i = 0; $i < $chunks; $i++) {
    $events[] = ['id' => 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT', 'object' => 'chat.completion.chunk', 'created' => 1741569952,
        'model' => 'gpt-4o-2024-08-06', 'system_fingerprint' => 'fp_f9f4fb6dbf',
        'choices' => [['index' => 0, 'delta' => ['content' => $words[$i % 9]], 'logprobs' => null, 'finish_reason' => null]]];
}
$events[] = ['id' => 'chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT', 'object' => 'chat.completion.chunk', 'choices' => [],
    'usage' => ['prompt_tokens' => 19, 'completion_tokens' => $chunks, 'total_tokens' => 19 + $chunks]];
$sse = array_map(fn ($e) => 'data: ' . json_encode($e) . "\n\n", $events);
$sse[] = "data: [DONE]\n\n";
$pieces = str_split(implode('', $sse), 4096);

$last = null;
Spectra::listen(function ($event) use (&$last) { $last = $event->request; });

function bare(array $chunks): int
{
    $n = 0;
    foreach ($chunks as $chunk) {
        $n++;
    }
    return $n;
}

function tracked(array $chunks): int
{
    $n = 0;
    foreach (Spectra::stream($chunks, 'openai', 'gpt-4o') as $chunk) {
        $n++;
    }
    return $n;
}

function median(array $values): float
{
    sort($values);
    return $values[intdiv(count($values), 2)];
}

printf("Spectra::stream() vs bare foreach, %d content chunks + usage, median of %d interleaved runs\n", $chunks, $runs);
printf("%-26s %12s %12s %14s %8s\n", 'chunks', 'bare ns/chk', 'stream ns/chk', 'added ns/chk', 'ratio');
foreach (['SSE event strings' => $sse, 'decoded arrays' => $events, 'SSE bytes, 4 KiB pieces' => $pieces] as $label => $list) {
    $bare = $tracked = [];
    for ($r = 0; $r < $runs; $r++) {
        $start = hrtime(true);
        bare($list);
        $bare[] = (hrtime(true) - $start) / count($list);
        $last = null;
        $start = hrtime(true);
        tracked($list);
        $tracked[] = (hrtime(true) - $start) / count($list);
        if (($last['completion_tokens'] ?? null) !== $chunks || $last['prompt_tokens'] !== 19) {
            fwrite(STDERR, "the record did not get the stream's usage: the run measured nothing\n");
            exit(1);
        }
    }
    $b = median($bare);
    $t = median($tracked);
    printf("%-26s %12.1f %12.1f %14.1f %7.1fx\n", $label, $b, $t, $t - $b, $t / max($b, 0.001));
}
printf("per stream: the record, its price and its hand-off are in the stream rows (one per run)\n");
