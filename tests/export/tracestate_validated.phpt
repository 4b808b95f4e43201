--TEST--
The incoming tracestate is checked against the W3C grammar: a valid one is kept (surrounding spaces and empty members removed), an invalid, duplicated or over-long one is dropped while the traceparent is still continued
--FILE--
<?php
require __DIR__ . '/export.inc';
$cases = [
    'valid' => ' vendor=abc , ,tenant@sys=x-1 ',
    'bad key' => 'Vendor=abc',
    'bad value' => 'vendor=a=b',
    'duplicate key' => 'vendor=1,vendor=2',
    '33 members' => implode(',', array_map(fn ($i) => "k$i=v", range(1, 33))),
    '75 KB' => 'big=' . str_repeat('x', 75000),
];
foreach ($cases as $label => $state) {
    $receiver = receiver_start();
    spectra_child('Spectra\Spectra::track("openai", "gpt-4o", fn () => []);',
        ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.protocol' => 'http/json'],
        ['TRACEPARENT' => '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'TRACESTATE' => $state]);
    receiver_wait($receiver, 1);
    $span = otlp_spans(json_decode(receiver_bodies($receiver['dir'])[0], true))[0];
    printf("%s: parent=%s state=%s\n", $label, $span['parentSpanId'] ?? '-', $span['traceState'] ?? '-');
}
?>
--EXPECT--
valid: parent=00f067aa0ba902b7 state=vendor=abc,tenant@sys=x-1
bad key: parent=00f067aa0ba902b7 state=-
bad value: parent=00f067aa0ba902b7 state=-
duplicate key: parent=00f067aa0ba902b7 state=-
33 members: parent=00f067aa0ba902b7 state=-
75 KB: parent=00f067aa0ba902b7 state=-
