<?php
/*
 * Checks for tests/e2e/fpm/run.sh, run with `php -n`. Each check prints lines
 *     ok NAME [details]        or        fail NAME message
 * which run.sh turns into e2e_ok / e2e_fail. Spans are decoded from the receiver's stored
 * bodies: protobuf with the OpenTelemetry JS decoder (tests/tools/otlp-decode.js), OTLP/JSON
 * with json_decode, chosen per body by the Content-Type the receiver recorded.
 *
 *   decoder                                       "protobuf" if the node decoder is usable (and
 *                                                 SPECTRA_E2E_PROTOCOL is not "json"), else "json"
 *   spans DIR                                     the decoded spans as JSON (debugging)
 *   delivered NAME DIR PREFIX N BODIES            spans of requests PREFIX1..PREFIXN: each exactly once,
 *                                                 with the attributes the mock call implies and the ids
 *                                                 the app saw (BODIES: the app's answers, one JSON a line)
 *   isolation NAME DIR BODIES FIXED TP_TRACE TP_PARENT
 *   stats NAME STATS_JSON EXPECTED_SENT ENDPOINT  one worker's Spectra::stats() after a flush
 *   invariant NAME STATS_JSONL [N WORKERS]        queued == sent + failed + dropped per worker
 *   phpinfo NAME HTML STATS_JSON
 *   percentiles FILE                              "n= min= median= p95= max=" (seconds in, ms out)
 */
declare(strict_types=1);

const TOOLS = __DIR__ . '/../../tools';

function out(bool $ok, string $name, string $text = ''): void
{
    echo ($ok ? 'ok ' : 'fail ') . $name . ($text !== '' ? ' ' . str_replace("\n", ' ', $text) : '') . "\n";
}

function node_decoder_usable(): bool
{
    static $usable = null;
    if ($usable === null) {
        $usable = is_file(TOOLS . '/node_modules/@opentelemetry/otlp-transformer/build/src/generated/root.js')
            && trim((string) shell_exec('command -v node 2>/dev/null')) !== '';
    }
    return $usable;
}

/** Decodes every stored body of a receiver directory; returns the OTLP requests in order. */
function decode_dir(string $dir): array
{
    $bins = glob(rtrim($dir, '/') . '/*.bin') ?: [];
    sort($bins);
    $requests = [];
    $protobuf = [];
    foreach ($bins as $i => $bin) {
        $meta = json_decode((string) @file_get_contents(substr($bin, 0, -4) . '.json'), true) ?: [];
        if (stripos((string) ($meta['content-type'] ?? ''), 'application/json') === 0) {
            $requests[$i] = json_decode((string) file_get_contents($bin), true);
            if (!is_array($requests[$i])) {
                throw new RuntimeException(basename($bin) . ': not valid OTLP/JSON');
            }
        } else {
            $protobuf[$i] = $bin;
        }
    }
    if ($protobuf && !node_decoder_usable()) {
        throw new RuntimeException(count($protobuf) . ' protobuf bodies but no node decoder (npm ci in tests/tools)');
    }
    // a few node processes at a time: one per body
    $running = [];
    $queue = $protobuf;
    while ($queue || $running) {
        while ($queue && count($running) < 8) {
            $i = array_key_first($queue);
            $bin = $queue[$i];
            unset($queue[$i]);
            $process = proc_open(['node', TOOLS . '/otlp-decode.js', $bin],
                [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
            if (!is_resource($process)) {
                throw new RuntimeException('cannot run node');
            }
            $running[$i] = [$process, $pipes, $bin];
        }
        $i = array_key_first($running);
        [$process, $pipes, $bin] = $running[$i];
        unset($running[$i]);
        $json = stream_get_contents($pipes[1]);
        $err = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $status = proc_close($process);
        $decoded = json_decode((string) $json, true);
        if ($status !== 0 || !is_array($decoded)) {
            throw new RuntimeException(basename($bin) . ': decoder failed: ' . trim($err));
        }
        $requests[$i] = $decoded;
    }
    ksort($requests);
    return array_values($requests);
}

function attributes(array $list): array
{
    $out = [];
    foreach ($list as $kv) {
        $value = $kv['value'] ?? [];
        if (array_key_exists('stringValue', $value)) {
            $out[$kv['key']] = $value['stringValue'];
        } elseif (array_key_exists('intValue', $value)) {
            $out[$kv['key']] = (int) $value['intValue'];
        } elseif (array_key_exists('doubleValue', $value)) {
            $out[$kv['key']] = (float) $value['doubleValue'];
        } elseif (array_key_exists('boolValue', $value)) {
            $out[$kv['key']] = (bool) $value['boolValue'];
        } elseif (array_key_exists('arrayValue', $value)) {
            $out[$kv['key']] = array_map(fn ($v) => $v['stringValue'] ?? null, $value['arrayValue']['values'] ?? []);
        } else {
            $out[$kv['key']] = null; // an int 0 / false left out as default
        }
    }
    return $out;
}

/** Flattened spans: traceId, spanId, parentSpanId (hex, '' when absent), name, attrs, req. */
function spans(string $dir): array
{
    $spans = [];
    foreach (decode_dir($dir) as $request) {
        foreach ($request['resourceSpans'] ?? [] as $rs) {
            $resource = attributes($rs['resource']['attributes'] ?? []);
            foreach ($rs['scopeSpans'] ?? [] as $ss) {
                foreach ($ss['spans'] ?? [] as $span) {
                    $attrs = attributes($span['attributes'] ?? []);
                    $spans[] = [
                        'req' => isset($attrs['spectra.metadata.e2e_req']) ? (string) $attrs['spectra.metadata.e2e_req'] : null,
                        'traceId' => strtolower((string) ($span['traceId'] ?? '')),
                        'spanId' => strtolower((string) ($span['spanId'] ?? '')),
                        'parentSpanId' => strtolower((string) ($span['parentSpanId'] ?? '')),
                        'name' => (string) ($span['name'] ?? ''),
                        'kind' => (int) ($span['kind'] ?? 0),
                        'attrs' => $attrs,
                        'resource' => $resource,
                    ];
                }
            }
        }
    }
    return $spans;
}

function bodies(string $file): array
{
    $byId = [];
    foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
        $body = json_decode($line, true);
        if (is_array($body) && isset($body['id'])) {
            $byId[(string) $body['id']] = $body;
        }
    }
    return $byId;
}

function spans_by_req(array $spans): array
{
    $byReq = [];
    foreach ($spans as $span) {
        if ($span['req'] !== null) {
            $byReq[$span['req']][] = $span;
        }
    }
    return $byReq;
}

/** What every span of the mock call must say; returns the problems. */
function span_problems(array $span, ?array $body): array
{
    $a = $span['attrs'];
    $expect = [
        'gen_ai.operation.name' => 'chat',
        'gen_ai.provider.name' => 'openai',
        'gen_ai.request.model' => 'gpt-4o-mini',
        'gen_ai.response.model' => 'gpt-4o-mini-2024-07-18',
        'gen_ai.usage.input_tokens' => 7,
        'gen_ai.usage.output_tokens' => 12,
        'server.address' => '127.0.0.1',
    ];
    $problems = [];
    foreach ($expect as $key => $value) {
        if (($a[$key] ?? null) !== $value) {
            $problems[] = "$key=" . json_encode($a[$key] ?? null) . ' (expected ' . json_encode($value) . ')';
        }
    }
    if ($span['name'] !== 'chat gpt-4o-mini') {
        $problems[] = "name \"{$span['name']}\"";
    }
    if ($span['kind'] !== 3) {
        $problems[] = "kind {$span['kind']} (expected 3 = CLIENT)";
    }
    if (!preg_match('/^[0-9a-f]{32}$/', $span['traceId']) || !preg_match('/^[0-9a-f]{16}$/', $span['spanId'])) {
        $problems[] = "bad ids {$span['traceId']}/{$span['spanId']}";
    }
    if ($body !== null) {
        if (strtolower((string) ($body['trace_id'] ?? '')) !== $span['traceId']) {
            $problems[] = "traceId {$span['traceId']} but the app's record said " . ($body['trace_id'] ?? 'null');
        }
        if (strtolower((string) ($body['span_id'] ?? '')) !== $span['spanId']) {
            $problems[] = "spanId {$span['spanId']} but the app's record said " . ($body['span_id'] ?? 'null');
        }
    }
    return $problems;
}

function check_delivered(string $name, string $dir, string $prefix, int $n, string $bodiesFile): void
{
    $byReq = spans_by_req(spans($dir));
    $bodies = bodies($bodiesFile);
    $missing = [];
    $duplicated = [];
    $problems = [];
    $delivered = 0;
    for ($i = 1; $i <= $n; $i++) {
        $id = $prefix . $i;
        $list = $byReq[$id] ?? [];
        if (!$list) {
            $missing[] = $id;
            continue;
        }
        $delivered++;
        if (count($list) > 1) {
            $duplicated[] = $id . 'x' . count($list);
        }
        foreach (span_problems($list[0], $bodies[$id] ?? null) as $p) {
            $problems[] = "$id: $p";
        }
    }
    $expected = [];
    for ($i = 1; $i <= $n; $i++) {
        $expected[$prefix . $i] = true;
    }
    $stray = array_filter(array_map('strval', array_keys($byReq)),
        fn (string $r) => str_starts_with($r, $prefix) && !isset($expected[$r]));
    out(!$missing && !$duplicated && !$stray, "$name-spans-delivered", "spans delivered $delivered/$n"
        . ($missing ? '; missing: ' . implode(',', array_slice($missing, 0, 20)) : '')
        . ($duplicated ? '; duplicated: ' . implode(',', $duplicated) : '')
        . ($stray ? '; unexpected: ' . implode(',', $stray) : ''));
    out(!$problems && $delivered > 0, "$name-span-content", $problems
        ? count($problems) . ' problems: ' . implode('; ', array_slice($problems, 0, 5))
        : "$delivered decoded spans: name, CLIENT kind, model, tokens 7/12, server.address, ids match the app's records");
}

function check_isolation(string $name, string $dir, string $bodiesFile, string $fixed, string $tpTrace, string $tpParent): void
{
    $byReq = spans_by_req(spans($dir));
    $bodies = bodies($bodiesFile);
    $get = fn (string $id) => $byReq[$id][0] ?? null;
    $dirty = $get('e-dirty');
    $clean = $get('e-clean');
    $tp = $get('e-tp');
    $after = $get('e-after');
    foreach (['e-dirty' => $dirty, 'e-clean' => $clean, 'e-tp' => $tp, 'e-after' => $after] as $id => $span) {
        if ($span === null) {
            out(false, "$name-spans", "no span for $id at the receiver");
            return;
        }
    }
    $pids = array_unique(array_map(fn ($id) => $bodies[$id]['pid'] ?? null, ['e-dirty', 'e-clean', 'e-tp', 'e-after']));
    out(count($pids) === 1 && reset($pids) !== null, "$name-same-worker", 'all four requests served by pid ' . implode(',', $pids));

    // the globals did apply to the request that set them (so their absence later means something)
    $tags = (array) ($dirty['attrs']['spectra.tags'] ?? []);
    $ok = in_array('leaky-tag', $tags, true) && ($dirty['attrs']['spectra.metadata.leaky'] ?? null) === 'yes'
        && $dirty['traceId'] === $fixed && ($dirty['attrs']['spectra.trackable.type'] ?? null) === 'App\Models\Team'
        && ($dirty['attrs']['spectra.pricing_tier'] ?? null) === 'batch';
    out($ok, "$name-globals-applied", 'dirty span: tags ' . json_encode($tags) . ', metadata.leaky='
        . json_encode($dirty['attrs']['spectra.metadata.leaky'] ?? null) . ", traceId {$dirty['traceId']}, trackable "
        . json_encode($dirty['attrs']['spectra.trackable.type'] ?? null) . ', tier ' . json_encode($dirty['attrs']['spectra.pricing_tier'] ?? null));

    $leaks = [];
    $cleanTags = (array) ($clean['attrs']['spectra.tags'] ?? []);
    if (in_array('leaky-tag', $cleanTags, true)) {
        $leaks[] = 'tag leaky-tag';
    }
    if (array_key_exists('spectra.metadata.leaky', $clean['attrs'])) {
        $leaks[] = 'metadata leaky';
    }
    if ($clean['traceId'] === $fixed) {
        $leaks[] = 'withTraceId trace id';
    }
    if (isset($clean['attrs']['spectra.trackable.type']) || isset($clean['attrs']['spectra.trackable.id'])) {
        $leaks[] = 'trackable';
    }
    if (($clean['attrs']['spectra.pricing_tier'] ?? 'standard') === 'batch') {
        $leaks[] = 'pricing tier batch';
    }
    $record = $bodies['e-clean'] ?? [];
    if (in_array('leaky-tag', (array) ($record['tags'] ?? []), true) || isset(((array) ($record['metadata'] ?? []))['leaky'])
        || strtolower((string) ($record['trace_id'] ?? '')) === $fixed || ($record['trackable_type'] ?? null) !== null) {
        $leaks[] = 'in the listener record: ' . json_encode(array_intersect_key($record, array_flip(['tags', 'metadata', 'trace_id', 'trackable_type'])));
    }
    out(!$leaks, "$name-no-leak", $leaks ? 'leaked into the next request: ' . implode(', ', $leaks)
        : 'next request on the same worker: tags ' . json_encode($cleanTags) . ", new traceId {$clean['traceId']}, no metadata/trackable/tier");

    out($tp['traceId'] === $tpTrace && $tp['parentSpanId'] === $tpParent, "$name-traceparent-continued",
        "sent 00-$tpTrace-$tpParent-01; span traceId {$tp['traceId']} parentSpanId " . ($tp['parentSpanId'] ?: '(none)'));
    out($after['traceId'] !== $tpTrace && $after['parentSpanId'] === '', "$name-traceparent-not-kept",
        "next request without the header: traceId {$after['traceId']} parentSpanId " . ($after['parentSpanId'] ?: '(none)'));
}

function check_stats(string $name, string $file, int $n, string $endpoint): void
{
    $s = json_decode((string) file_get_contents($file), true);
    if (!is_array($s)) {
        out(false, "$name-stats", 'not JSON: ' . substr((string) file_get_contents($file), 0, 200));
        return;
    }
    $summary = sprintf('queued=%s sent=%s failed=%s dropped=%s pending=%s queue_bytes=%s last_status=%s retries=%s',
        $s['queued'] ?? '?', $s['sent'] ?? '?', $s['failed'] ?? '?', $s['dropped'] ?? '?', $s['pending'] ?? '?',
        $s['queue_bytes'] ?? '?', $s['last_status'] ?? '?', $s['retries'] ?? '?');
    out(($s['exporter'] ?? null) === 'otlp' && ($s['mode'] ?? null) === 'after_response' && ($s['endpoint'] ?? null) === $endpoint,
        "$name-stats-config", 'exporter=' . ($s['exporter'] ?? '?') . ' mode=' . ($s['mode'] ?? '?') . ' endpoint=' . ($s['endpoint'] ?? '?'));
    out(($s['queued'] ?? -1) === $n && ($s['sent'] ?? -1) === $n && ($s['failed'] ?? -1) === 0 && ($s['dropped'] ?? -1) === 0
        && ($s['pending'] ?? -1) === 0 && ($s['queue_bytes'] ?? -1) === 0 && ($s['last_status'] ?? 0) === 200,
        "$name-stats-deterministic", "after $n tracked requests + flush: $summary");
    out(($s['queued'] ?? -1) === ($s['sent'] ?? 0) + ($s['failed'] ?? 0) + ($s['dropped'] ?? 0) + ($s['pending'] ?? 0),
        "$name-stats-add-up", 'queued == sent + failed + dropped + pending');
}

/** STATS_JSONL: "FLUSHED JSON" lines from stats.php?flush=MS. With WORKERS and N: when every
 *  worker answered, the workers' queued and sent must add up to N. */
function check_invariant(string $name, string $file, int $n = 0, int $expectWorkers = 0): void
{
    $workers = [];
    $flushedAll = true;
    foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
        [$flushed, $json] = explode(' ', $line, 2) + [1 => ''];
        $s = json_decode($json, true);
        if (!is_array($s)) {
            out(false, "$name-stats-per-worker", 'not JSON: ' . substr($json, 0, 200));
            return;
        }
        $flushedAll = $flushedAll && $flushed === '1';
        $workers[$s['pid']] = $s; // the latest answer of each worker
    }
    $bad = [];
    $parts = [];
    foreach ($workers as $pid => $s) {
        $sum = $s['sent'] + $s['failed'] + $s['dropped'] + $s['pending'];
        $parts[] = "pid $pid: queued {$s['queued']} = sent {$s['sent']} + failed {$s['failed']} + dropped {$s['dropped']} + pending {$s['pending']}";
        if ($s['queued'] !== $sum || $s['queue_bytes'] !== 0) {
            $bad[] = $pid;
        }
    }
    out($workers && !$bad && $flushedAll, "$name-stats-per-worker", (count($workers) . ' workers' . ($flushedAll ? '' : ', a flush timed out') . ': ')
        . implode('; ', $parts));
    if ($expectWorkers > 0) {
        $queued = array_sum(array_column($workers, 'queued'));
        $sent = array_sum(array_column($workers, 'sent'));
        if (count($workers) === $expectWorkers) {
            out($queued === $n && $sent === $n, "$name-stats-total", "all $expectWorkers workers: queued $queued, sent $sent (expected $n)");
        } else {
            echo "info $name-stats-total only " . count($workers) . "/$expectWorkers workers answered: queued $queued, sent $sent of $n\n";
        }
    }
}

function check_phpinfo(string $name, string $htmlFile, string $statsFile): void
{
    $html = (string) file_get_contents($htmlFile);
    $s = json_decode((string) file_get_contents($statsFile), true) ?: [];
    $section = (bool) preg_match('#<h2><a name="module_spectra"[^>]*>spectra</a></h2>#', $html);
    $row = function (string $label) use ($html): ?string {
        return preg_match('#<tr><td class="e">' . preg_quote($label, '#') . '\s*</td><td class="v">([^<]*)</td></tr>#', $html, $m)
            ? trim($m[1]) : null;
    };
    $sent = $row('Export sent');
    $dropped = $row('Export dropped');
    out($section && $sent !== null && $dropped !== null, "$name-phpinfo-section",
        'spectra section ' . ($section ? 'present' : 'MISSING') . ', "Export sent" = ' . json_encode($sent) . ', "Export dropped" = ' . json_encode($dropped));
    out($sent !== null && (int) $sent === ($s['sent'] ?? -1) && (int) $dropped === ($s['dropped'] ?? -1),
        "$name-phpinfo-matches-stats", "phpinfo sent=$sent dropped=$dropped, stats() sent=" . ($s['sent'] ?? '?') . ' dropped=' . ($s['dropped'] ?? '?'));
}

/** Seconds (one per line, first field) -> ms figures. */
function percentiles(string $file): void
{
    $values = [];
    foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
        $values[] = 1000.0 * (float) explode(' ', trim($line))[0];
    }
    sort($values);
    $n = count($values);
    if ($n === 0) {
        echo "n=0\n";
        return;
    }
    $at = fn (float $q) => $values[min($n - 1, max(0, (int) ceil($q * $n) - 1))];
    $median = $n % 2 ? $values[intdiv($n, 2)] : ($values[$n / 2 - 1] + $values[$n / 2]) / 2;
    printf("n=%d min=%.3f median=%.3f p95=%.3f max=%.3f\n", $n, $values[0], $median, $at(0.95), $values[$n - 1]);
}

$args = array_slice($argv, 1);
try {
    switch ($args[0] ?? '') {
        case 'decoder': // SPECTRA_E2E_PROTOCOL=json forces the fallback path
            echo node_decoder_usable() && getenv('SPECTRA_E2E_PROTOCOL') !== 'json' ? "protobuf\n" : "json\n";
            break;
        case 'spans':
            echo json_encode(spans($args[1]), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n";
            break;
        case 'delivered':
            check_delivered($args[1], $args[2], $args[3], (int) $args[4], $args[5]);
            break;
        case 'isolation':
            check_isolation($args[1], $args[2], $args[3], strtolower($args[4]), strtolower($args[5]), strtolower($args[6]));
            break;
        case 'stats':
            check_stats($args[1], $args[2], (int) $args[3], $args[4]);
            break;
        case 'invariant':
            check_invariant($args[1], $args[2], (int) ($args[3] ?? 0), (int) ($args[4] ?? 0));
            break;
        case 'phpinfo':
            check_phpinfo($args[1], $args[2], $args[3]);
            break;
        case 'percentiles':
            percentiles($args[1]);
            break;
        default:
            fwrite(STDERR, "usage: see the header of " . __FILE__ . "\n");
            exit(2);
    }
} catch (Throwable $e) {
    out(false, ($args[1] ?? 'check') . '-decode', get_class($e) . ': ' . $e->getMessage());
}
