--TEST--
A valid incoming W3C traceparent continues that trace and becomes the parent of every record
--ENV--
TRACEPARENT=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
--FILE--
<?php
use Spectra\Spectra;
$records = [];
Spectra::listen(function ($e) use (&$records) { $records[] = $e->request; });
Spectra::track('openai', 'gpt-4o', fn () => []);
Spectra::track('openai', 'gpt-4o-mini', fn () => []);
foreach ($records as $r) {
    echo $r['trace_id'], ' ', $r['parent_span_id'], ' ', $r['span_id'] !== '00f067aa0ba902b7' ? 'own-span' : 'reused', "\n";
}
?>
--EXPECT--
4bf92f3577b34da6a3ce929d0e0e4736 00f067aa0ba902b7 own-span
4bf92f3577b34da6a3ce929d0e0e4736 00f067aa0ba902b7 own-span
