--TEST--
Span-builder times that are not nanoseconds since the epoch ("-1", " 5", "+5", "1e9", 2^64 as digits, a negative int, an end before the start, a bad event time) are reported as malformed and the native span is exported; well-formed ones are used
--INI--
spectra.otel.exporter=console
--FILE--
<?php
use Spectra\Spectra;

$bad = [
    ['startTimeUnixNano' => '-1'],
    ['startTimeUnixNano' => ' 5'],
    ['startTimeUnixNano' => '+5'],
    ['startTimeUnixNano' => '1e9'],
    ['startTimeUnixNano' => '18446744073709551616'],
    ['endTimeUnixNano' => -3],
    ['startTimeUnixNano' => 2000, 'endTimeUnixNano' => 1000],
    ['startTimeUnixNano' => 1000, 'endTimeUnixNano' => 2000, 'events' => [['name' => 'e', 'timeUnixNano' => '-7']]],
];
foreach ($bad as $i => $fields) {
    Spectra::useSpanBuilder(fn (array $d) => ['name' => "bad $i"] + $fields);
    Spectra::track('openai', 'gpt-4o-mini', fn () => []);
}
// the largest uint64 as digits, and a float, are nanoseconds
Spectra::useSpanBuilder(fn (array $d) => ['name' => 'good', 'startTimeUnixNano' => '1000', 'endTimeUnixNano' => '18446744073709551615']);
Spectra::track('openai', 'gpt-4o-mini', fn () => []);
Spectra::useSpanBuilder(fn (array $d) => ['name' => 'good float', 'startTimeUnixNano' => 1.0e9, 'endTimeUnixNano' => 2.5e9]);
Spectra::track('openai', 'gpt-4o-mini', fn () => []);
echo "done\n";
?>
--EXPECTF--
Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("startTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("startTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("startTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("startTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("startTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("endTimeUnixNano" is not a number of nanoseconds); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span ("endTimeUnixNano" is before "startTimeUnixNano"); the native span is exported in %s on line %d
span chat gpt-4o-mini %s

Warning: Spectra\Spectra::track(): Spectra: span builder returned a malformed span (event "e" has a bad "timeUnixNano"); the native span is exported in %s on line %d
span chat gpt-4o-mini %s
span good %s duration_ms=18446744073709.550%A
span good float %s duration_ms=1500.000%A
done
