--TEST--
background mode batches spans across tracks into few POSTs (OTEL_BSP_SCHEDULE_DELAY, OTEL_BSP_MAX_EXPORT_BATCH_SIZE) and every span arrives
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$r = spectra_child('for ($i = 0; $i < 25; $i++) { Spectra\Spectra::track("openai", "gpt-4o-mini", fn () => []); }
var_dump(Spectra\Spectra::flush(10000));
$s = Spectra\Spectra::stats();
echo "queued={$s["queued"]} sent={$s["sent"]} mode={$s["mode"]}\n";',
    ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.export_mode' => 'background', 'spectra.otel.protocol' => 'http/json'],
    ['OTEL_BSP_SCHEDULE_DELAY' => '200', 'OTEL_BSP_MAX_EXPORT_BATCH_SIZE' => '10']);
echo $r['stdout'], $r['stderr'];
$posts = receiver_wait($receiver, 1);
$spans = 0;
$largest = 0;
foreach (receiver_bodies($receiver['dir']) as $body) {
    $n = count(otlp_spans(json_decode($body, true)));
    $spans += $n;
    $largest = max($largest, $n);
}
$posts = receiver_count($receiver);
echo "spans=$spans posts<=5: ", var_export($posts <= 5, true), " batch<=10: ", var_export($largest <= 10, true), " batched: ", var_export($largest > 1, true), "\n";
?>
--EXPECT--
bool(true)
queued=25 sent=25 mode=background
spans=25 posts<=5: true batch<=10: true batched: true
