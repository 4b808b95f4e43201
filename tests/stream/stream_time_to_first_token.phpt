--TEST--
Spectra::stream() over a real HTTP stream from the loopback mock provider: the first chunk comes 200 ms after the headers, so time_to_first_token_ms is at least 200; usage is exact with stream_options.include_usage; the consumer reads the same bytes as without Spectra
--FILE--
<?php
require __DIR__ . '/stream.inc';
require __DIR__ . '/../export/export.inc';
use Spectra\Spectra;

$port = free_port();
$server = proc_open([PHP_BINARY, '-n', '-S', "127.0.0.1:$port", SPECTRA_TOOLS . '/mock_provider.php'],
    [0 => ['pipe', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
register_shutdown_function(function () use ($server) { proc_terminate($server); proc_close($server); });
$deadline = monotonic_seconds() + 10;
while (monotonic_seconds() < $deadline && !@fsockopen('127.0.0.1', $port)) {
    usleep(20000);
}

/** The response body line by line, as an SSE client reads it; the request goes out on the first read. */
function sse_lines(int $port, bool $includeUsage): Generator
{
    $body = json_encode(['model' => 'gpt-4o-mini', 'stream' => true, 'messages' => [['role' => 'user', 'content' => 'say hello to me']]]
        + ($includeUsage ? ['stream_options' => ['include_usage' => true]] : []));
    $context = stream_context_create(['http' => ['method' => 'POST', 'header' => "Content-Type: application/json\r\n", 'content' => $body]]);
    $response = fopen("http://127.0.0.1:$port/v1/chat/completions?first_chunk_ms=200", 'r', false, $context);
    while (($line = fgets($response)) !== false) {
        yield $line;
    }
    fclose($response);
}

$direct = implode('', iterator_to_array(sse_lines($port, true), false));
[$r, $seen] = stream_through(sse_lines($port, true), 'openai', 'gpt-4o-mini');
var_dump($seen === $direct, substr_count($seen, 'chat.completion.chunk'));
var_dump($r['time_to_first_token_ms'] >= 200, $r['latency_ms'] >= $r['time_to_first_token_ms'], $r['tokens_per_second'] > 0);
// the mock counts 4 words of input and answers 6 words + the final chunk = 7 output tokens
echo $r['prompt_tokens'], '+', $r['completion_tokens'], ' ', $r['snapshot'], ' ', $r['response_id'], ' ', implode(',', $r['finish_reasons']), "\n";
var_dump($r['usage_estimated'], $r['cost_known'], $r['is_streaming']);

// the same stream without include_usage: estimated from "Hello from the local mock provider." (35 characters)
[$r] = stream_through(sse_lines($port, false), 'openai', 'gpt-4o-mini');
echo $r['completion_tokens'], ' estimated=', var_export($r['usage_estimated'], true), ' known=', var_export($r['cost_known'], true), ': ', $r['cost_reason'], "\n";
?>
--EXPECT--
bool(true)
int(8)
bool(true)
bool(true)
bool(true)
4+7 gpt-4o-mini-2024-07-18 chatcmpl-mockstream stop
bool(false)
bool(true)
bool(true)
9 estimated=true known=false: usage estimated from the streamed text (the stream reported none; input tokens unknown)
