--TEST--
Spectra::stream() records every way a stream can end: a break out of the loop (partial, "stream_stopped"), a generator never started, a source that throws (a failure; the same exception reaches the consumer), an error event inside the stream, and a stream still open when the request ends ("stream_unfinished")
--FILE--
<?php
require __DIR__ . '/stream.inc';
require __DIR__ . '/../export/export.inc';
use Spectra\Spectra;

$anthropic = stream_bytes(['file' => 'anthropic_messages.sse', 'framing' => 'sse']);
$events = preg_split('/(?<=\n\n)/', $anthropic, -1, PREG_SPLIT_NO_EMPTY);

// the consumer stops after four events: message_start (input usage) and the first text delta were read
$records = &$GLOBALS['stream_records'];
$records = [];
$seen = 0;
foreach (Spectra::stream($events, 'anthropic', 'claude-sonnet-4-5') as $event) {
    if (++$seen === 4) {
        break;
    }
}
var_dump(count($records)); // recorded when the loop let go of the generator
$r = $records[0];
echo $r['prompt_tokens'], ' in, ', $r['cached_tokens'], ' cached; output ', $r['completion_tokens'], ' (the usage seen so far: message_start says 2)', "\n";
echo implode(',', $r['finish_reasons']), ' ', var_export($r['is_failed'], true), ' ', $r['response_id'], "\n";

// made but never iterated
$records = [];
$stream = Spectra::stream($events, 'anthropic', 'claude-sonnet-4-5');
unset($stream);
echo count($records), ' ', implode(',', $records[0]['finish_reasons']), ' ', var_export($records[0]['time_to_first_token_ms'], true), "\n";

// the source throws after two events: the consumer gets that very exception
$records = [];
$thrown = new RuntimeException('connection reset by peer');
$source = (function () use ($events, $thrown) {
    yield $events[0];
    yield $events[3];
    throw $thrown;
})();
try {
    foreach (Spectra::stream($source, 'anthropic', 'claude-sonnet-4-5') as $event) {
    }
} catch (RuntimeException $caught) {
    var_dump($caught === $thrown);
}
$r = $records[0];
echo var_export($r['is_failed'], true), ' ', $r['error_type'], ' ', $r['error_message'], ' ', $r['prompt_tokens'], ' in', "\n";

// an error event inside a stream that was answered 200
[$r] = stream_through([stream_bytes(['file' => 'anthropic_overloaded.sse', 'framing' => 'sse'])], 'anthropic', 'claude-haiku-4-5');
echo var_export($r['is_failed'], true), ' ', $r['error_type'], ' ', var_export($r['finish_reasons'], true), "\n";

// still open when the request ends: completed at shutdown and exported (no listener runs then)
$child = spectra_child(<<<'PHP'
    $stream = Spectra\Spectra::stream(['data: {"choices":[{"index":0,"delta":{"content":"abcdefgh"}}]}' . "\n\n", 'never read'], 'openai', 'gpt-4o');
    $stream->current();
    echo "script done\n";
    PHP, ['spectra.otel.exporter' => 'console']);
echo $child['stdout'];
preg_match('/gen_ai\.response\.finish_reasons=(\S+).*spectra\.usage\.estimated=(\S+)/', $child['stderr'], $m);
echo $m[1] ?? 'no span', ' ', $m[2] ?? '', "\n";
var_dump(str_contains($child['stderr'], 'gen_ai.usage.output_tokens'));
?>
--EXPECT--
int(1)
2520 in, 2048 cached; output 2 (the usage seen so far: message_start says 2)
stream_stopped false msg_01XFDUDYJgAACzvnptvVoYEL
1 stream_stopped NULL
bool(true)
true RuntimeException connection reset by peer 2520 in
true overloaded_error array (
)
script done
["stream_unfinished"] true
bool(false)
