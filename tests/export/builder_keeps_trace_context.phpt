--TEST--
A PHP span builder's span keeps the continued trace: traceId, parentSpanId, the incoming tracestate and the remote-parent flags, like the native span
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
spectra_child('Spectra\Spectra::useSpanBuilder(fn (array $d) => ["name" => "custom " . $d["model"]]);
Spectra\Spectra::track("openai", "gpt-4o", fn () => []);
Spectra\Spectra::useSpanBuilder(null);
Spectra\Spectra::track("openai", "gpt-4o", fn () => []);',
    ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.protocol' => 'http/json'],
    ['TRACEPARENT' => '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', 'TRACESTATE' => 'vendor=abc,other=1']);
receiver_wait($receiver, 1);
foreach (otlp_spans(json_decode(receiver_bodies($receiver['dir'])[0], true)) as $span) {
    printf("%s trace=%s parent=%s state=%s flags=0x%x\n", $span['name'], $span['traceId'], $span['parentSpanId'] ?? '-',
        $span['traceState'] ?? '-', $span['flags'] ?? 0);
}
?>
--EXPECT--
custom gpt-4o trace=4bf92f3577b34da6a3ce929d0e0e4736 parent=00f067aa0ba902b7 state=vendor=abc,other=1 flags=0x301
chat gpt-4o trace=4bf92f3577b34da6a3ce929d0e0e4736 parent=00f067aa0ba902b7 state=vendor=abc,other=1 flags=0x301
