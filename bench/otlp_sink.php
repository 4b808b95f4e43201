<?php
/*
 * Fastest possible OTLP/HTTP collector for benchmarks, a router script for PHP's built-in
 * server: every POST is answered 200 with an empty body (= an ExportTraceServiceResponse
 * accepting everything, in protobuf and, as "{}", close enough for JSON callers that
 * accept an empty body); nothing is stored. GET /ready answers "ok".
 *
 *     php -n -S 127.0.0.1:PORT bench/otlp_sink.php
 *
 * Use tests/tools/otlp_receiver.php instead when the bodies themselves matter.
 */
if (($_SERVER['REQUEST_METHOD'] ?? '') === 'POST') {
    header('Content-Type: application/x-protobuf');
    return true;
}
echo "ok\n";
return true;
