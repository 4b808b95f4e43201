<?php
// Request-path time for one record with N distinct tags, metadata keys, tool-call types (in
// the provider's response) and span-builder attributes (issue 8: these were quadratic).
// Reported, never asserted. The console exporter builds the span on the request thread.
// Ends with the exporter's counters; exits 1 when a span was dropped or failed.
//   php -d extension=modules/spectra.so -d spectra.otel.enabled=1 -d spectra.otel.exporter=console \
//       bench/large_inputs.php [N=64000] [case=all] 2>/dev/null | grep -v '^span'
// cases: tags, addtag, meta, tools, default_builder, builder_attrs, pricing_file, all
// pricing_file: startup of a PHP child with an N-row spectra.pricing_file against the same
// child without one (median of 5 each).
use Spectra\Spectra;

$n = (int) ($argv[1] ?? 64000);
$case = $argv[2] ?? 'all';
function timed(string $name, callable $fn): void
{
    $start = hrtime(true);
    $fn();
    printf("%-40s %8.3f s\n", $name, (hrtime(true) - $start) / 1e9);
}
function wanted(string $name): bool
{
    return $GLOBALS['case'] === 'all' || $GLOBALS['case'] === $name;
}
$tags = $meta = $calls = $attrs = [];
for ($i = 0; $i < $n; $i++) {
    $tags[] = "tag$i";
    $meta["key$i"] = $i;
    $calls[] = ['type' => "type$i", 'id' => "call_$i"];
    $attrs[] = ['key' => "k$i", 'value' => ['intValue' => $i]];
}
$response = ['object' => 'chat.completion', 'model' => 'gpt-4o-mini', 'usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1],
    'choices' => [['finish_reason' => 'tool_calls', 'message' => ['tool_calls' => $calls]]]];
$set_aside = set_error_handler(fn () => true); // the truncation warnings are expected here

if (wanted('tags')) {
    timed("$n tags (option)", fn () => Spectra::track('openai', 'gpt-4o-mini', fn () => [], ['tags' => $tags]));
}
if (wanted('addtag')) {
    timed("$n tags (addTag)", fn () => Spectra::track('openai', 'gpt-4o-mini', function ($ctx) use ($tags) {
        foreach ($tags as $tag) {
            $ctx->addTag($tag);
        }
        return [];
    }));
}
if (wanted('meta')) {
    timed("$n metadata keys", fn () => Spectra::track('openai', 'gpt-4o-mini', fn () => [], ['metadata' => $meta]));
}
if (wanted('tools')) {
    timed("$n tool-call types", fn () => Spectra::track('openai', 'gpt-4o-mini', fn () => $response));
}
if (wanted('default_builder')) {
    Spectra::useSpanBuilder(new \Spectra\Integrations\OpenTelemetry\DefaultSpanBuilder());
    timed("$n metadata keys, DefaultSpanBuilder", fn () => Spectra::track('openai', 'gpt-4o-mini', fn () => [], ['metadata' => $meta]));
    Spectra::useSpanBuilder(null);
}
if (wanted('builder_attrs')) {
    Spectra::useSpanBuilder(fn (array $d) => ['name' => 'x', 'attributes' => $attrs]);
    timed("$n attributes from a PHP span builder", fn () => Spectra::track('openai', 'gpt-4o-mini', fn () => []));
    Spectra::useSpanBuilder(null);
}
if (wanted('pricing_file')) {
    $rows = [];
    for ($i = 0; $i < $n; $i++) {
        $rows[] = ['provider' => 'openai', 'model' => "model-$i", 'input' => $i, 'output' => 1];
    }
    $file = tempnam(sys_get_temp_dir(), 'spectra-prices');
    file_put_contents($file, json_encode(['models' => $rows]));
    $module = is_file(__DIR__ . '/../modules/spectra.so') ? realpath(__DIR__ . '/../modules/spectra.so') : 'spectra.so';
    $startup = function (array $extra) use ($module): float {
        $times = [];
        for ($run = 0; $run < 5; $run++) {
            $command = array_merge([PHP_BINARY, '-n', '-d', "extension=$module"], $extra, ['-r', '']);
            $start = hrtime(true);
            $child = proc_open($command, [], $pipes);
            proc_close($child);
            $times[] = (hrtime(true) - $start) / 1e9;
        }
        sort($times);
        return $times[2];
    };
    $without = $startup([]);
    $with = $startup(['-d', "spectra.pricing_file=$file"]);
    unlink($file);
    printf("%-40s %8.3f s (without: %.3f s, ratio %.1f)\n", "startup with a $n-row pricing file", $with, $without, $with / $without);
}
$stats = Spectra::stats();
printf("exporter %s: queued %d, sent %d, dropped %d, failed %d\n", $stats['exporter'], $stats['queued'], $stats['sent'],
    $stats['dropped'], $stats['failed']);
exit($stats['dropped'] === 0 && $stats['failed'] === 0 ? 0 : 1);
