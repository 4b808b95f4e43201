--TEST--
Ids stay unique across pcntl_fork(): children reseed the id generator the parent already used
--SKIPIF--
<?php if (!function_exists('pcntl_fork')) die('skip pcntl'); ?>
--FILE--
<?php
use Spectra\Spectra;
$first = Spectra::startRequest('openai', 'x');   // the parent's generator is seeded and used
$ids = [$first->spanId . $first->id];
$readers = [];
for ($c = 0; $c < 4; $c++) {
    $pair = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
    $pid = pcntl_fork();
    if ($pid === 0) {
        fclose($pair[0]);
        $ctx = Spectra::startRequest('openai', 'x');
        fwrite($pair[1], $ctx->spanId . substr($ctx->id, 10));   // ULID: random part only
        exit(0);
    }
    fclose($pair[1]);
    $readers[] = [$pid, $pair[0]];
}
foreach ($readers as [$pid, $reader]) {
    $ids[] = stream_get_contents($reader);
    pcntl_waitpid($pid, $status);
}
$next = Spectra::startRequest('openai', 'x');
$ids[] = $next->spanId . substr($next->id, 10);
$ids[0] = $first->spanId . substr($first->id, 10);
echo count(array_unique($ids)), ' distinct of ', count($ids), "\n";
?>
--EXPECT--
6 distinct of 6
