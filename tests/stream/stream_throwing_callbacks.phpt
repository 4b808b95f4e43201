--TEST--
Spectra::stream() when the application's code throws around it: a listener that throws when the stream's record is published, and a chunk object whose toArray() throws, each give one warning; the consumer gets every chunk, the record is kept
--FILE--
<?php
use Spectra\Spectra;

final class BrokenChunk
{
    public function toArray(): array { throw new LogicException('toArray broke'); }
}
$records = [];
Spectra::listen(function ($event) { throw new RuntimeException('listener broke'); });
Spectra::listen(function ($event) use (&$records) { $records[] = $event->request; });

$chunks = [
    'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","model":"gpt-4o-2024-08-06","choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}' . "\n\n",
    new BrokenChunk(),
    'data: {"id":"chatcmpl-1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}' . "\n\n",
];
$seen = 0;
foreach (Spectra::stream($chunks, 'openai', 'gpt-4o') as $key => $chunk) {
    $seen += $chunk === $chunks[$key];
}
echo "consumer got $seen of 3 chunks, unchanged\n";
$r = $records[0];
echo $r['prompt_tokens'], '+', $r['completion_tokens'], ' ', $r['response_id'], ' failed=', var_export($r['is_failed'], true), "\n";
?>
--EXPECTF--
Warning: Spectra\Internal\StreamObserver::chunk(): Spectra: stream chunk toArray() threw LogicException: toArray broke in Spectra::stream() on line %d

Warning: Spectra\Internal\StreamObserver::end(): Spectra: RequestTracked listener threw RuntimeException: listener broke in Spectra::stream() on line %d
consumer got 3 of 3 chunks, unchanged
5+2 chatcmpl-1 failed=false
