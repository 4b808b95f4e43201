--TEST--
All records of one PHP request share one trace id; withTraceId() and the trace_id option accept hex or UUID only
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(function ($e) use (&$records) { $records[] = $e->request; });
Spectra::track('openai', 'gpt-4o', fn () => []);
Spectra::track('anthropic', 'claude-haiku-4-5-20251001', fn () => []);
$ctx = Spectra::startRequest('google', 'gemini-2.5-flash');
Spectra::recordSuccess($ctx);
var_dump($records[0]['trace_id'] === $records[1]['trace_id'], $records[1]['trace_id'] === $records[2]['trace_id']);
var_dump($records[0]['trace_id'] === Spectra::currentTraceId());
var_dump($records[0]['span_id'] !== $records[1]['span_id']);
var_dump((bool) preg_match('/^[0-9a-f]{32}$/', $records[0]['trace_id']), $records[0]['trace_id'] !== str_repeat('0', 32));
var_dump($records[0]['parent_span_id']);

Spectra::withTraceId('4BF92F35-77B3-4DA6-A3CE-929D0E0E4736');
Spectra::track('openai', 'gpt-4o', fn () => []);
echo $records[3]['trace_id'], "\n";
Spectra::track('openai', 'gpt-4o', fn () => [], ['trace_id' => '0af7651916cd43dd8448eb211c80319c']);
echo $records[4]['trace_id'], "\n";

foreach (['my-trace-123', '', str_repeat('0', 32), str_repeat('g', 32), '4bf92f3577b34da6a3ce929d0e0e47'] as $bad) {
    try {
        Spectra::withTraceId($bad);
    } catch (ValueError $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    Spectra::track('openai', 'gpt-4o', fn () => 'never', ['trace_id' => 'nope']);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
var_dump(count($records));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
NULL
4bf92f3577b34da6a3ce929d0e0e4736
0af7651916cd43dd8448eb211c80319c
Spectra\Spectra::withTraceId(): Argument #1 ($traceId) must be 32 hexadecimal digits or a UUID, and not all zero
Spectra\Spectra::withTraceId(): Argument #1 ($traceId) must be 32 hexadecimal digits or a UUID, and not all zero
Spectra\Spectra::withTraceId(): Argument #1 ($traceId) must be 32 hexadecimal digits or a UUID, and not all zero
Spectra\Spectra::withTraceId(): Argument #1 ($traceId) must be 32 hexadecimal digits or a UUID, and not all zero
Spectra\Spectra::withTraceId(): Argument #1 ($traceId) must be 32 hexadecimal digits or a UUID, and not all zero
Spectra\Spectra::track(): Argument #4 ($options) option "trace_id" must be 32 hexadecimal digits or a UUID, and not all zero
int(5)
