--TEST--
Out-of-range numbers give defined results: tokens_per_second of 9e15 tokens in 1 ms is 9.0E+18 (was a float-to-int cast, -9.2e16), total_tokens of PHP_INT_MAX + PHP_INT_MAX saturates, span-builder times beyond 2^64 ns are malformed
--INI--
spectra.otel.exporter=console
spectra.span_compat=1
--FILE--
<?php
use Spectra\Spectra;

$first = true;
Spectra::listen(function ($event) use (&$first) {
    if ($first) {
        var_dump($event->request['tokens_per_second'], $event->request['total_tokens']);
        $first = false;
    }
});
// a stream whose first token came "after" the end: generation time is taken as 1 ms
Spectra::track('openai', 'gpt-4o-mini', fn () => ['usage' => ['prompt_tokens' => 9000000000000000, 'completion_tokens' => 9000000000000000]],
    ['stream' => true, 'time_to_first_token_ms' => PHP_INT_MAX]);

// a transformer may hand the span builder any int: the compat total saturates at PHP_INT_MAX
Spectra::useTransformer(fn (array $r) => ['prompt_tokens' => PHP_INT_MAX, 'completion_tokens' => PHP_INT_MAX] + $r);
Spectra::useSpanBuilder(new \Spectra\Integrations\OpenTelemetry\DefaultSpanBuilder());
Spectra::track('openai', 'gpt-4o-mini', fn () => ['usage' => ['prompt_tokens' => 1, 'completion_tokens' => 1]]);

// times as floats beyond the uint64 range (and INF) are not nanoseconds
foreach ([1e30, INF, NAN] as $time) {
    Spectra::useSpanBuilder(fn (array $d) => ['name' => 'x', 'startTimeUnixNano' => $time]);
    Spectra::track('openai', 'gpt-4o-mini', fn () => []);
}
echo "done\n";
?>
--EXPECTF--
float(9.0E+18)
int(18000000000000000)
span chat gpt-4o-mini %s gen_ai.usage.total_tokens=18000000000000000 %s
span chat gpt-4o-mini %s gen_ai.usage.total_tokens=9223372036854775807 %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("startTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("startTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("startTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s
done
