<?php
/*
 * OTLP/HTTP trace receiver for tests: a router script for PHP's built-in web server.
 *
 * Start it (any free loopback port; the directory must exist and be writable):
 *
 *     mkdir -p /tmp/recv
 *     SPECTRA_RECEIVER_DIR=/tmp/recv php -n -S 127.0.0.1:4318 tests/tools/otlp_receiver.php
 *
 * and point the exporter at http://127.0.0.1:4318/v1/traces. -n keeps php.ini (and so the
 * spectra extension itself) out of the receiver; it needs only the json and zlib functions.
 * Wait until GET /count answers before sending, and stop it with SIGTERM.
 *
 * Endpoints
 *   POST /v1/traces   the receiver. Each request the receiver answers with 2xx is stored as
 *                     NNNNNN.bin (the request body, gunzipped when Content-Encoding: gzip) and
 *                     NNNNNN.json, numbered from 000001 in arrival order. The .json records
 *                     {"method","path","content-type","content-encoding","user-agent",
 *                      "header_names" (lower-case, in order), "headers" (lower-case name =>
 *                      value), "raw_bytes" (as received), "bytes" (as stored)}.
 *                     Requests answered with an error status are not stored, only counted.
 *   GET  /count       number of stored bodies (plain text integer).
 *   GET  /attempts    number of POSTs received, whatever the answer (plain text integer).
 *   anything else     404.
 *
 * Behaviour: the JSON file SPECTRA_RECEIVER_DIR/mode, re-read on every request (absent =
 * {"status":200}). Keys, all optional:
 *   "status"           HTTP status to answer (default 200).
 *   "times"            answer "status" only to the first N requests made under this mode
 *                      content, then 200. Rewriting the file with different content starts
 *                      counting again. Without "times", "status" applies to every request.
 *   "retry_after"      Retry-After value (seconds) sent along with a non-2xx status.
 *   "delay_ms"         sleep this long before answering (a slow collector). The body is
 *                      stored after the delay, even if the client gave up meanwhile.
 *   "partial_rejected" on a 2xx answer, report partial_success with this many rejected spans,
 *   "message"          and this error_message (also the message of error answers).
 * Examples:
 *   {"status":503,"retry_after":1,"times":2}   two 503s with Retry-After: 1, then 200s
 *   {"status":429,"times":1}                   one 429 without Retry-After, then 200s
 *   {"status":400,"message":"bad data"}        every request rejected, not retryable
 *   {"delay_ms":2000}                          answers 200 after two seconds
 *   {"partial_rejected":3,"message":"too old"} 200 with partial_success
 *
 * Answers use the request's Content-Type: protobuf ExportTraceServiceResponse (empty when
 * fully accepted) or its JSON mapping ({} when fully accepted); error bodies are a
 * google.rpc.Status (code, message) in the same encoding.
 *
 * The server is single-threaded unless PHP_CLI_SERVER_WORKERS is set; numbering and the
 * "times" counter are kept under a lock file either way.
 */

declare(strict_types=1);

function receiver_reply(int $status, string $contentType, string $body, array $headers = []): bool
{
    http_response_code($status);
    header('Content-Type: ' . $contentType);
    foreach ($headers as $line) {
        header($line);
    }
    echo $body;
    return true;
}

function receiver_varint(int $value): string
{
    $bytes = '';
    do {
        $byte = $value & 0x7f;
        $value >>= 7;
        $bytes .= chr($value ? $byte | 0x80 : $byte);
    } while ($value);
    return $bytes;
}

/* Protobuf field helpers for the two small messages the receiver answers with. */
function receiver_pb_varint_field(int $field, int $value): string
{
    return receiver_varint($field << 3) . receiver_varint($value);
}

function receiver_pb_bytes_field(int $field, string $bytes): string
{
    return receiver_varint(($field << 3) | 2) . receiver_varint(strlen($bytes)) . $bytes;
}

function receiver_stored_count(string $dir): int
{
    return count(glob($dir . '/*.bin') ?: []);
}

function receiver_read_counter(string $file): int
{
    return is_file($file) ? (int) trim((string) file_get_contents($file)) : 0;
}

$dir = getenv('SPECTRA_RECEIVER_DIR');
if ($dir === false || $dir === '' || !is_dir($dir)) {
    return receiver_reply(500, 'text/plain', "SPECTRA_RECEIVER_DIR is not set to a directory\n");
}
$dir = rtrim($dir, '/');
$method = $_SERVER['REQUEST_METHOD'] ?? 'GET';
$path = (string) parse_url($_SERVER['REQUEST_URI'] ?? '/', PHP_URL_PATH);

if ($method === 'GET' && $path === '/count') {
    return receiver_reply(200, 'text/plain', receiver_stored_count($dir) . "\n");
}
if ($method === 'GET' && $path === '/attempts') {
    return receiver_reply(200, 'text/plain', receiver_read_counter($dir . '/.attempts') . "\n");
}
if ($method !== 'POST' || $path !== '/v1/traces') {
    return receiver_reply(404, 'text/plain', "not found\n");
}

$raw = (string) file_get_contents('php://input');
$headers = [];
foreach (getallheaders() as $name => $value) {
    $headers[strtolower((string) $name)] = (string) $value;
}
$contentType = $headers['content-type'] ?? '';
$isJson = stripos($contentType, 'application/json') === 0;
$replyType = $isJson ? 'application/json' : 'application/x-protobuf';
$encoding = $headers['content-encoding'] ?? '';
$body = $raw;
if (strcasecmp($encoding, 'gzip') === 0) {
    $body = @gzdecode($raw);
    if ($body === false) {
        return receiver_reply(400, 'text/plain', "body is not valid gzip\n");
    }
}

$modeText = is_file($dir . '/mode') ? (string) file_get_contents($dir . '/mode') : '';
$mode = trim($modeText) === '' ? [] : json_decode($modeText, true);
if (!is_array($mode)) {
    return receiver_reply(500, 'text/plain', "mode file is not a JSON object\n");
}
$delayMs = (int) ($mode['delay_ms'] ?? 0);
if ($delayMs > 0) {
    usleep($delayMs * 1000);
}

$lock = fopen($dir . '/.lock', 'c');
flock($lock, LOCK_EX);
file_put_contents($dir . '/.attempts', (string) (receiver_read_counter($dir . '/.attempts') + 1));
/* "times" counts requests made under the current mode content only. */
$modeKey = md5($modeText);
$state = is_file($dir . '/.mode_state') ? json_decode((string) file_get_contents($dir . '/.mode_state'), true) : null;
$hits = (is_array($state) && ($state['key'] ?? '') === $modeKey) ? (int) $state['hits'] : 0;
$hits++;
file_put_contents($dir . '/.mode_state', json_encode(['key' => $modeKey, 'hits' => $hits]));

$status = (int) ($mode['status'] ?? 200);
if (isset($mode['times']) && $hits > (int) $mode['times']) {
    $status = 200;
}
$ok = $status >= 200 && $status < 300;
if ($ok) {
    $number = sprintf('%06d', receiver_stored_count($dir) + 1);
    file_put_contents($dir . '/' . $number . '.json', json_encode([
        'method' => $method,
        'path' => $path,
        'content-type' => $contentType,
        'content-encoding' => $encoding,
        'user-agent' => $headers['user-agent'] ?? '',
        'header_names' => array_keys($headers),
        'headers' => $headers,
        'raw_bytes' => strlen($raw),
        'bytes' => strlen($body),
    ], JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
    /* the .bin last: /count counts .bin files, so a counted body has its .json ready */
    file_put_contents($dir . '/' . $number . '.bin.tmp', $body);
    rename($dir . '/' . $number . '.bin.tmp', $dir . '/' . $number . '.bin');
}
flock($lock, LOCK_UN);
fclose($lock);

$message = (string) ($mode['message'] ?? '');
if ($ok) {
    $rejected = (int) ($mode['partial_rejected'] ?? 0);
    if ($rejected === 0 && $message === '') {
        return receiver_reply($status, $replyType, $isJson ? '{}' : '');
    }
    if ($isJson) {
        /* int64 fields are decimal strings in OTLP JSON */
        $partial = json_encode(['partialSuccess' => [
            'rejectedSpans' => (string) $rejected,
            'errorMessage' => $message,
        ]]);
        return receiver_reply($status, $replyType, $partial);
    }
    /* ExportTraceServiceResponse { partial_success = 1 { rejected_spans = 1; error_message = 2 } } */
    $inner = ($rejected ? receiver_pb_varint_field(1, $rejected) : '')
        . ($message !== '' ? receiver_pb_bytes_field(2, $message) : '');
    return receiver_reply($status, $replyType, receiver_pb_bytes_field(1, $inner));
}

$extra = [];
if (isset($mode['retry_after'])) {
    $extra[] = 'Retry-After: ' . $mode['retry_after'];
}
/* google.rpc.Status: UNAVAILABLE (14) for throttling/unavailable, INVALID_ARGUMENT (3) else */
$rpcCode = in_array($status, [429, 502, 503, 504], true) ? 14 : 3;
$rpcMessage = $message !== '' ? $message : 'receiver mode answered ' . $status;
if ($isJson) {
    return receiver_reply($status, $replyType, json_encode(['code' => $rpcCode, 'message' => $rpcMessage]), $extra);
}
return receiver_reply($status, $replyType,
    receiver_pb_varint_field(1, $rpcCode) . receiver_pb_bytes_field(2, $rpcMessage), $extra);
