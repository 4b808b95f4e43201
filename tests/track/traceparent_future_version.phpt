--TEST--
A higher traceparent version is parsed by its version-00 prefix (W3C forward compatibility); OWS is trimmed
--ENV--
TRACEPARENT=  cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what-the-future-will-be-like 
--FILE--
<?php
use Spectra\Spectra;
$ctx = Spectra::startRequest('openai', 'gpt-4o');
$r = Spectra::recordSuccess($ctx);
echo $r['trace_id'], ' ', $r['parent_span_id'], "\n";
?>
--EXPECT--
4bf92f3577b34da6a3ce929d0e0e4736 00f067aa0ba902b7
