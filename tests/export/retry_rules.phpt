--TEST--
Retries: 503 with Retry-After and 429 are retried until accepted; 400 is not retried and counts as failed; partial_success is read
--FILE--
<?php
require __DIR__ . '/export.inc';
$code = <<<'PHP'
use Spectra\Spectra;
Spectra::track('openai', 'gpt-4o', fn () => []);
Spectra::track('openai', 'gpt-4o', fn () => []);
$flushed = Spectra::flush(10000);
$s = Spectra::stats();
$keys = ['queued', 'sent', 'failed', 'dropped', 'retries', 'rejected', 'last_status'];
echo json_encode(['flushed' => $flushed] + array_combine($keys, array_map(fn ($k) => $s[$k], $keys))), "\n";
PHP;
foreach ([
    '503 x2, Retry-After 1' => ['status' => 503, 'retry_after' => 1, 'times' => 2],
    '429 x1'                => ['status' => 429, 'times' => 1],
    '400'                   => ['status' => 400, 'message' => 'bad data'],
    'partial success'       => ['partial_rejected' => 1, 'message' => 'one too old'],
] as $name => $mode) {
    $receiver = receiver_start($mode);
    $r = spectra_child($code, ['spectra.otel.enabled' => 1, 'spectra.otel.endpoint' => $receiver['url']]);
    echo $name, ': ', trim($r['stdout']), ' attempts=', receiver_attempts($receiver), ' stored=', receiver_count($receiver), "\n";
    if ($name === '503 x2, Retry-After 1') {
        // Retry-After: 1 twice => the two retries waited about 2 s in all
        echo 'honoured Retry-After: ', $r['seconds'] >= 1.9 ? 'yes' : 'no (' . round($r['seconds'], 2) . ' s)', "\n";
    }
    if ((string) $name === '400') {
        echo 'logged: ', str_contains($r['stderr'], 'spectra: ') ? 'yes' : 'no', "\n";
    }
}
?>
--EXPECT--
503 x2, Retry-After 1: {"flushed":true,"queued":2,"sent":2,"failed":0,"dropped":0,"retries":2,"rejected":0,"last_status":200} attempts=3 stored=1
honoured Retry-After: yes
429 x1: {"flushed":true,"queued":2,"sent":2,"failed":0,"dropped":0,"retries":1,"rejected":0,"last_status":200} attempts=2 stored=1
400: {"flushed":true,"queued":2,"sent":0,"failed":2,"dropped":0,"retries":0,"rejected":0,"last_status":400} attempts=1 stored=0
logged: yes
partial success: {"flushed":true,"queued":2,"sent":1,"failed":0,"dropped":0,"retries":0,"rejected":1,"last_status":200} attempts=1 stored=1
