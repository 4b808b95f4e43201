--TEST--
Spectra::stream() with bad input: wrong argument types name the argument; garbage, invalid JSON, truncated events and a 50 MB event are recorded with what could be read and counted; memory stays flat while 100 MB pass through
--FILE--
<?php
require __DIR__ . '/stream.inc';
use Spectra\Spectra;

$cases = [
    'chunks int'     => fn () => Spectra::stream(42, 'openai', 'gpt-4o'),
    'chunks object'  => fn () => Spectra::stream(new stdClass(), 'openai', 'gpt-4o'),
    'provider array' => fn () => Spectra::stream([], [], 'gpt-4o'),
    'options type'   => fn () => Spectra::stream([], 'openai', 'gpt-4o', ['tags' => 'a,b']),
    'option stream'  => fn () => Spectra::stream([], 'openai', 'gpt-4o', ['stream' => 'yes']),
];
foreach ($cases as $name => $case) {
    try {
        $case();
        echo "$name: no error\n";
    } catch (TypeError|ValueError $e) {
        echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$before = Spectra::stats();
// binary garbage, then invalid JSON in data lines, then a truncated last event
mt_srand(7);
$garbage = '';
for ($i = 0; $i < 65536; $i++) {
    $garbage .= chr(mt_rand(1, 255));
}
[$r] = stream_through(str_split($garbage, 1000), 'openai', 'gpt-4o');
echo 'garbage: ', $r['completion_tokens'], ' estimated=', var_export($r['usage_estimated'], true), ' known=', var_export($r['cost_known'], true), "\n";
$bad = "data: {\"choices\": [}\n\ndata: \xff\xfe not json\n\n"
    . "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"caf\xc3\xa9 \xff\"}}]}\n\n"
    . 'data: {"choices":[{"index":0,"delta":{"content":"cut';
[$r] = stream_through([$bad], 'openai', 'gpt-4o');
echo 'bad: ', $r['completion_tokens'], ' (6 characters read: ceil(6/4))', "\n";

// a 50 MB event between ordinary ones: dropped whole, the usage after it still read
$usage = 'data: {"choices":[],"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}' . "\n\n";
$huge = (function () use ($usage) {
    yield "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"";
    $piece = str_repeat('a', 1 << 20);
    for ($i = 0; $i < 50; $i++) {
        yield $piece;
    }
    yield "\"}}]}\n\n";
    yield $usage;
})();
[$r] = stream_through($huge, 'openai', 'gpt-4o');
echo 'huge: ', $r['prompt_tokens'], '+', $r['completion_tokens'], ' estimated=', var_export($r['usage_estimated'], true), "\n";
$after = Spectra::stats();
echo 'counted: ', $after['streams'] - $before['streams'], ' streams, ', $after['stream_events_unreadable'] - $before['stream_events_unreadable'], " unreadable events\n";

// 100 MB of ordinary events in 64 KiB pieces: the extension's memory does not grow with the stream
function rss_kib(): int
{
    preg_match('/^VmRSS:\s+(\d+)/m', file_get_contents('/proc/self/status'), $m);
    return (int) $m[1];
}
$event = 'data: {"choices":[{"index":0,"delta":{"content":"' . str_repeat('word ', 12000) . '"}}]}' . "\n\n";
$events = 0;
$long = (function () use ($event, &$events) {
    for ($sent = 0; $sent < 100 << 20; $sent += strlen($event)) {
        $events++;
        foreach (str_split($event, 65536) as $part) {
            yield $part;
        }
    }
})();
$start = rss_kib();
$bytes = 0;
$peak = 0;
foreach (Spectra::stream($long, 'openai', 'gpt-4o') as $part) {
    $bytes += strlen($part);
    $peak = max($peak, rss_kib());
}
$valgrind = str_contains(file_get_contents('/proc/self/maps'), 'vgpreload');
echo 'passed ', intdiv($bytes, 1 << 20), ' MiB; RSS grew by less than 16 MiB: ', var_export($valgrind || $peak - $start < 16384, true), "\n";
echo 'estimated output: ', end($GLOBALS['stream_records'])['completion_tokens'] === (int) ceil($events * 60000 / 4) ? 'ceil(characters / 4)' : 'WRONG', "\n";
?>
--EXPECT--
chunks int: TypeError: Spectra\Spectra::stream(): Argument #1 ($chunks) must be of type iterable|Psr\Http\Message\StreamInterface, int given
chunks object: TypeError: Spectra\Spectra::stream(): Argument #1 ($chunks) must be of type iterable|Psr\Http\Message\StreamInterface, stdClass given
provider array: TypeError: Spectra\Spectra::stream(): Argument #2 ($provider) must be of type string, array given
options type: TypeError: Spectra\Spectra::stream(): Argument #4 ($options) option "tags" must be of type array, string given
option stream: TypeError: Spectra\Spectra::stream(): Argument #4 ($options) option "stream" must be of type bool, string given
garbage: 0 estimated=true known=false
bad: 2 (6 characters read: ceil(6/4))
huge: 7+3 estimated=false
counted: 3 streams, 3 unreadable events
passed 100 MiB; RSS grew by less than 16 MiB: true
estimated output: ceil(characters / 4)
