--TEST--
auto_capture: Guzzle 7 (sync, a pool of 5 concurrent requests, a 429 that throws, inside track(), a streamed answer, a timeout) and Symfony HttpClient's curl client (sync, 5 multiplexed, a stream read chunk by chunk, a 500) are recorded with no code change, and see the same bytes as with capture off
--EXTENSIONS--
curl
--SKIPIF--
<?php
if (!is_file(__DIR__ . '/clients/vendor/autoload.php')) {
    die('skip Guzzle and Symfony HttpClient are not installed (bash tools/install-capture-clients.sh)');
}
?>
--INI--
spectra.auto_capture=1
spectra.providers.openai.hosts=127.0.0.1
spectra.otel.exporter=none
--FILE--
<?php
use GuzzleHttp\Client;
use GuzzleHttp\Pool;
use GuzzleHttp\Psr7\Request;
use Spectra\Spectra;
use Symfony\Component\HttpClient\CurlHttpClient;

require __DIR__ . '/capture.inc';
require __DIR__ . '/clients/vendor/autoload.php';
$port = mock_provider_start(5);
capture_records();
$base = "http://127.0.0.1:$port";
$payload = fn (string $text) => ['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => $text]]];
function tokens(array $records): string
{
    $t = array_map(fn ($r) => $r['prompt_tokens'] . '/' . $r['status_code'], $records);
    sort($t);
    return count($records) . ' records: ' . implode(' ', $t);
}

$guzzle = new Client(['base_uri' => $base, 'headers' => ['Authorization' => 'Bearer sk-test']]);
$answer = json_decode((string) $guzzle->post('/v1/chat/completions', ['json' => $payload('one two')])->getBody(), true);
echo 'guzzle sync: application saw ', $answer['usage']['prompt_tokens'], '; ', tokens(capture_records()), "\n";

$requests = function () use ($payload) {
    foreach (['a', 'a b', 'a b c', 'a b c d', 'a b c d e'] as $text) {
        yield new Request('POST', '/v1/chat/completions', ['Content-Type' => 'application/json'], json_encode($payload($text)));
    }
};
$seen = [];
(new Pool($guzzle, $requests(), ['concurrency' => 5, 'fulfilled' => function ($response) use (&$seen) {
    $seen[] = json_decode((string) $response->getBody(), true)['usage']['prompt_tokens'];
}]))->promise()->wait();
sort($seen);
echo 'guzzle pool: application saw ', implode(',', $seen), '; ', tokens(capture_records()), "\n";

try {
    $guzzle->post('/v1/chat/completions?status=429', ['json' => $payload('x')]);
} catch (GuzzleHttp\Exception\ClientException $e) {
    echo 'guzzle 429: ', get_class($e), ' ', $e->getResponse()->getStatusCode(), "\n";
}
$r = capture_records();
echo count($r), ' record: ', $r[0]['status_code'], ' ', $r[0]['error_type'], "\n";

try {
    Spectra::track('openai', 'gpt-4o-mini', fn () => $guzzle->post('/v1/chat/completions', ['json' => $payload('a b c')]));
} catch (Throwable $e) {
    echo get_class($e), "\n";
}
$r = capture_records();
echo 'guzzle in track(): ', count($r), ' record, ', $r[0]['prompt_tokens'], ' tokens, endpoint ', $r[0]['endpoint'], ', port ', $r[0]['server_port'] === $port ? 'ok' : 'wrong', "\n";

$symfony = new CurlHttpClient(['base_uri' => $base]);
$answer = $symfony->request('POST', '/v1/chat/completions', ['json' => $payload('one two three')])->toArray();
echo 'symfony sync: application saw ', $answer['usage']['prompt_tokens'], '; ', tokens(capture_records()), "\n";
$responses = [];
foreach (['a', 'a b', 'a b c', 'a b c d', 'a b c d e'] as $text) {
    $responses[] = $symfony->request('POST', '/v1/chat/completions', ['json' => $payload($text)]);
}
$seen = [];
foreach ($symfony->stream($responses) as $response => $chunk) {
    if ($chunk->isLast()) {
        $seen[] = $response->toArray()['usage']['prompt_tokens'];
    }
}
sort($seen);
echo 'symfony multiplexed: application saw ', implode(',', $seen), '; ', tokens(capture_records()), "\n";
// the application reads the error body (getContent(false): no exception): only then has it
// surely passed through the write callback; a response dropped after getStatusCode() may be
// closed before its body arrives, and then only the status can be recorded
$failed = $symfony->request('POST', '/v1/chat/completions?status=500', ['json' => $payload('x')]);
$status = $failed->getStatusCode();
$failed->getContent(false);
unset($failed);
$r = capture_records();
echo 'symfony 500: ', $status, '; ', count($r), ' record ', $r[0]['status_code'], ' ', $r[0]['error_type'], "\n";

// streamed answers (SSE): Guzzle buffers the body through curl, Symfony hands it over chunk by chunk
$streamed = $payload('stream these words') + ['stream' => true, 'stream_options' => ['include_usage' => true]];
$guzzleBody = (string) $guzzle->post('/v1/chat/completions', ['json' => $streamed])->getBody();
$r = capture_records();
printf("guzzle stream: %d record, streaming %s, %d+%d tokens, response %s\n", count($r), var_export($r[0]['is_streaming'], true),
    $r[0]['prompt_tokens'], $r[0]['completion_tokens'], $r[0]['response_id']);
$symfonyBody = '';
$chunks = 0;
$response = $symfony->request('POST', '/v1/chat/completions', ['json' => $streamed]);
foreach ($symfony->stream($response) as $chunk) {
    $symfonyBody .= $chunk->getContent();
    $chunks++;
}
$r = capture_records();
printf("symfony stream: %d record, streaming %s, %d+%d tokens, %s chunks\n", count($r), var_export($r[0]['is_streaming'], true),
    $r[0]['prompt_tokens'], $r[0]['completion_tokens'], $chunks > 2 ? 'several' : 'too few');

// a provider slower than the client's timeout: a transport failure, recorded
try {
    $guzzle->post('/v1/chat/completions?delay_ms=3000', ['json' => $payload('slow'), 'timeout' => 0.3]);
} catch (GuzzleHttp\Exception\ConnectException $e) {
    echo 'guzzle timeout: ', get_class($e), "\n";
}
$r = capture_records();
echo count($r), ' record: failed ', var_export($r[0]['is_failed'], true), ' ', $r[0]['error_type'], "\n";

// the bytes each client handed the application, against a child with capture off
$hashes = fn (string $guzzleBody, string $symfonyBody) => md5(preg_replace('/chatcmpl-mock[0-9a-f]+|"created":\d+/', '', $guzzleBody))
    . ' ' . md5($symfonyBody);
$child = <<<'PHP'
require getenv('CLIENTS_AUTOLOAD');
$payload = ['model' => 'gpt-4o-mini', 'messages' => [['role' => 'user', 'content' => 'stream these words']], 'stream' => true,
    'stream_options' => ['include_usage' => true]];
$base = getenv('MOCK_BASE');
$g = (string) (new GuzzleHttp\Client(['base_uri' => $base]))->post('/v1/chat/completions', ['json' => $payload])->getBody();
$client = new Symfony\Component\HttpClient\CurlHttpClient(['base_uri' => $base]);
$s = '';
foreach ($client->stream($client->request('POST', '/v1/chat/completions', ['json' => $payload])) as $chunk) {
    $s .= $chunk->getContent();
}
echo base64_encode($g), ' ', base64_encode($s);
PHP;
$off = spectra_child($child, ['extension' => 'curl', 'spectra.auto_capture' => 0],
    ['CLIENTS_AUTOLOAD' => __DIR__ . '/clients/vendor/autoload.php', 'MOCK_BASE' => $base]);
echo $off['stderr'];
[$g, $sy] = array_map('base64_decode', explode(' ', trim($off['stdout'])) + [1 => '']);
echo 'same bytes with capture off: ', var_export($hashes($guzzleBody, $symfonyBody) === $hashes($g, $sy), true), "\n";
?>
--EXPECT--
guzzle sync: application saw 2; 1 records: 2/200
guzzle pool: application saw 1,2,3,4,5; 5 records: 1/200 2/200 3/200 4/200 5/200
guzzle 429: GuzzleHttp\Exception\ClientException 429
1 record: 429 rate_limit_exceeded
guzzle in track(): 1 record, 3 tokens, endpoint /v1/chat/completions, port ok
symfony sync: application saw 3; 1 records: 3/200
symfony multiplexed: application saw 1,2,3,4,5; 5 records: 1/200 2/200 3/200 4/200 5/200
symfony 500: 500; 1 record 500 server_error
guzzle stream: 1 record, streaming true, 3+7 tokens, response chatcmpl-mockstream
symfony stream: 1 record, streaming true, 3+7 tokens, several chunks
guzzle timeout: GuzzleHttp\Exception\ConnectException
1 record: failed true CURLE_OPERATION_TIMEDOUT
same bytes with capture off: true
