--TEST--
A stream returned from a track() callback (a generator, an IteratorAggregate like openai-php's StreamResponse) is returned untouched, and recorded as a stream whose usage was not read: no silent zero, the reason names Spectra::stream()
--FILE--
<?php
use Spectra\Spectra;

$records = [];
Spectra::listen(function ($event) use (&$records) { $records[] = $event->request; });
final class StreamResponse implements IteratorAggregate
{
    public int $iterated = 0;
    public function getIterator(): Iterator
    {
        $this->iterated++;
        yield 'data: {"choices":[{"index":0,"delta":{"content":"hi"}}]}';
    }
}
$response = Spectra::track('openai', 'gpt-4o', fn () => new StreamResponse());
$generator = Spectra::track('openai', 'gpt-4o', fn () => (function () { yield 'first'; })());
var_dump($response->iterated, $generator->current());
foreach ($records as $r) {
    echo var_export($r['is_streaming'], true), ' ', $r['completion_tokens'], ' ', var_export($r['cost_known'], true), ' ', $r['cost_reason'], "\n";
}
?>
--EXPECT--
int(0)
string(5) "first"
true 0 false a stream whose chunks were not read: pass it through Spectra::stream() to record its usage
true 0 false a stream whose chunks were not read: pass it through Spectra::stream() to record its usage
