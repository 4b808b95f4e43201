--TEST--
sync mode posts at record time: the span is stored before track() returns
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start();
$r = spectra_child('Spectra\Spectra::track("openai", "gpt-4o", fn () => []);
echo "stored when track returned: ", (int) file_get_contents("http://127.0.0.1:" . getenv("RECV_PORT") . "/count"), "\n";
echo json_encode(array_intersect_key(Spectra\Spectra::stats(), ["mode" => 1, "sent" => 1, "pending" => 1])), "\n";',
    ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.export_mode' => 'sync'], ['RECV_PORT' => $receiver['port']]);
echo $r['stdout'], $r['stderr'];
?>
--EXPECT--
stored when track returned: 1
{"mode":"sync","pending":0,"sent":1}
