--TEST--
An invalid traceparent (short) is ignored: a new trace starts and there is no parent
--ENV--
TRACEPARENT=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902-01
--FILE--
<?php
use Spectra\Spectra;
$records = [];
Spectra::listen(function ($e) use (&$records) { $records[] = $e->request; });
Spectra::track('openai', 'gpt-4o', fn () => []);
var_dump($records[0]['parent_span_id'], $records[0]['trace_id'] !== '4bf92f3577b34da6a3ce929d0e0e4736', strlen($records[0]['trace_id']));
?>
--EXPECT--
NULL
bool(true)
int(32)
