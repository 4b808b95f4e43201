--TEST--
429 with Retry-After: 0 on every POST: retries wait at least 100 ms and back off, so one retry budget (2 s) holds a bounded number of POSTs, then the spans count as failed
--FILE--
<?php
require __DIR__ . '/export.inc';
$receiver = receiver_start(['status' => 429, 'retry_after' => 0]);
$r = spectra_child(<<<'PHP'
use Spectra\Spectra;
for ($i = 0; $i < 3; $i++) { Spectra::track('openai', 'gpt-4o', fn () => []); }
$flushed = Spectra::flush(30000);
$s = Spectra::stats();
echo json_encode(['flushed' => $flushed, 'queued' => $s['queued'], 'sent' => $s['sent'], 'failed' => $s['failed'],
    'last_status' => $s['last_status']]), "\n";
echo "retries: {$s['retries']}\n";
PHP, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url'], 'spectra.otel.timeout' => 2]);
preg_match('/retries: (\d+)/', $r['stdout'], $m);
echo preg_replace('/^retries: \d+\n/m', '', $r['stdout']);
$attempts = receiver_attempts($receiver);
// the 100 ms minimum alone allows at most 1 + 2000 / 100 = 21 POSTs in a 2 s budget
echo "POSTs within the budget bounded (<= 21): ", var_export($attempts >= 2 && $attempts <= 21, true), " ($attempts)\n";
echo "retries = POSTs - 1: ", var_export((int) $m[1] === $attempts - 1, true), "\n";
echo "logged: ", str_contains($r['stderr'], 'spectra: export failed after') ? 'yes' : 'no: ' . $r['stderr'], "\n";
?>
--EXPECTF--
{"flushed":true,"queued":3,"sent":0,"failed":3,"last_status":429}
POSTs within the budget bounded (<= 21): true (%d)
retries = POSTs - 1: true
logged: yes
