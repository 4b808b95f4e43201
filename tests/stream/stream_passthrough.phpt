--TEST--
Spectra::stream() yields the source's own chunks (the same objects, the same keys), passes a generator's return value on, reads client chunk objects (toArray(), JsonSerializable, stdClass) and PSR-7 bodies
--FILE--
<?php
namespace Psr\Http\Message {
    // the PSR-7 interface as psr/http-message declares it (only the methods a body reader needs here)
    interface StreamInterface
    {
        public function eof(): bool;
        public function read(int $length): string;
    }
}

namespace {
require __DIR__ . '/stream.inc';
use Spectra\Spectra;

// openai-php's CreateStreamedResponse shape: an object whose toArray() is the chunk
final class ChunkObject
{
    public function __construct(private array $data) {}
    public function toArray(): array { return $this->data; }
}
final class SerializableChunk implements JsonSerializable
{
    public function __construct(private array $data) {}
    public function jsonSerialize(): array { return $this->data; }
}
$chunk = fn (array $delta, ?string $finish = null, ?array $usage = null) => ['id' => 'chatcmpl-obj', 'object' => 'chat.completion.chunk',
    'model' => 'gpt-4o-mini-2024-07-18', 'choices' => $usage ? [] : [['index' => 0, 'delta' => $delta, 'finish_reason' => $finish]]]
    + ($usage ? ['usage' => $usage] : []);

$objects = [
    'first' => new ChunkObject($chunk(['role' => 'assistant', 'content' => 'Hi'])),
    'second' => new SerializableChunk($chunk(['content' => ' you'])),
    'third' => json_decode(json_encode($chunk([], 'stop'))),
    'last' => new ChunkObject($chunk([], null, ['prompt_tokens' => 10, 'completion_tokens' => 3, 'total_tokens' => 13])),
];
$yielded = [];
foreach (Spectra::stream($objects, 'openai', 'gpt-4o-mini') as $key => $value) {
    $yielded[$key] = $value;
}
var_dump(array_keys($yielded) === array_keys($objects));
var_dump(array_reduce(array_keys($objects), fn ($same, $k) => $same && $yielded[$k] === $objects[$k], true));
$r = $GLOBALS['stream_records'][0];
echo $r['prompt_tokens'], '+', $r['completion_tokens'], ' ', $r['snapshot'], ' ', implode(',', $r['finish_reasons']), ' ', var_export($r['cost_known'], true), "\n";

// a generator as the source: its keys and its return value come through
function source(): Generator
{
    yield 'a' => "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"one\"}}]}\n\n";
    yield 'a' => "data: [DONE]\n\n";
    return 'the source returned';
}
$stream = Spectra::stream(source(), 'openai', 'gpt-4o');
var_dump($stream instanceof Generator);
foreach ($stream as $key => $value) {
    echo $key, ' ';
}
echo "\n", $stream->getReturn(), "\n";

// a PSR-7 body is read in pieces of 8 KiB
final class Body implements Psr\Http\Message\StreamInterface
{
    public int $reads = 0;
    private int $at = 0;
    public function __construct(private string $bytes) {}
    public function eof(): bool { return $this->at >= strlen($this->bytes); }
    public function read(int $length): string { $this->reads++; $piece = substr($this->bytes, $this->at, $length); $this->at += strlen($piece); return $piece; }
}
$bytes = stream_bytes(['file' => 'anthropic_messages.sse', 'framing' => 'sse']);
$bytes = str_repeat(": keep-alive padding\n", 1000) . $bytes; // SSE comments: ignored, but make the body span 3 reads
$body = new Body($bytes);
[$r, $seen] = stream_through($body, 'anthropic', 'claude-sonnet-4-5');
var_dump($seen === $bytes, $body->reads);
echo $r['prompt_tokens'], '+', $r['completion_tokens'], ' cached ', $r['cached_tokens'], ' ', $r['snapshot'], "\n";

// inside withoutTracking() and with the extension disabled at runtime: passed through, no record
$GLOBALS['stream_records'] = [];
$seen = Spectra::withoutTracking(function () {
    $out = '';
    foreach (Spectra::stream(['x' => 'data: [DONE]'], 'openai', 'gpt-4o') as $k => $piece) {
        $out .= "$k=$piece";
    }
    return $out;
});
var_dump($seen, count($GLOBALS['stream_records']));
}
?>
--EXPECT--
bool(true)
bool(true)
10+3 gpt-4o-mini-2024-07-18 stop true
bool(true)
a a 
the source returned
bool(true)
int(3)
2520+89 cached 2048 claude-sonnet-4-5-20250929
string(14) "x=data: [DONE]"
int(0)
