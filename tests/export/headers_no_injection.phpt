--TEST--
OTLP headers cannot inject header lines: an entry whose value decodes to CR/LF or another control character, or whose name is not an HTTP token, is skipped with the warning; the valid entries are sent
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$code = 'Spectra\Spectra::track("openai", "gpt-4o", fn () => []); Spectra\Spectra::flush(5000);';
$r = spectra_child($code, [
    'spectra.otel.enabled' => 1,
    'spectra.otel.endpoint' => $receiver['url'],
    'spectra.otel.protocol' => 'http/json',
    'spectra.otel.headers' => 'x-tenant=acme,x-evil=a%0D%0AX-Injected: 1,x-bell=a%07b,bad name=v,x-ok=fine',
]);
echo preg_replace('/ in \S+ on line \d+/', '', $r['stderr']);
receiver_wait($receiver, 1);
$h = receiver_headers($receiver['dir'])[0]['headers'];
foreach (['x-tenant', 'x-ok', 'x-evil', 'x-injected', 'x-bell', 'bad name'] as $name) {
    echo $name, ': ', $h[$name] ?? '(not sent)', "\n";
}
?>
--EXPECT--
Warning: Spectra\Spectra::track(): Spectra: some OTLP headers are not in key=value form and were skipped
x-tenant: acme
x-ok: fine
x-evil: (not sent)
x-injected: (not sent)
x-bell: (not sent)
bad name: (not sent)
