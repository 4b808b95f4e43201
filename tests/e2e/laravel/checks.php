<?php
/*
 * The checks of tests/e2e/laravel/run.sh, run after the requests were made:
 *
 *     php -n checks.php APP_DIR OUT_DIR RECEIVER_DIR FPM_CONF_DIR TRACE_ID PARENT_SPAN_ID [faults]
 *
 * OUT_DIR holds NAME.status / NAME.body of each request; RECEIVER_DIR what the OTLP receiver
 * stored. Prints one line per check, "ok<TAB>name<TAB>detail" or "fail<TAB>name<TAB>why".
 * With "faults": only the checks of the fault-injection requests (E2E_LARAVEL_FAULTS=1); with
 * "capture": those of the automatic-capture pool (RECEIVER_DIR and FPM_CONF_DIR are its own).
 */

declare(strict_types=1);

[, $app, $out, $recv, $fpmDir, $traceId, $parentSpan, $mode] = $argv + array_fill(0, 8, '');

const MODEL = 'gpt-4o-mini';
const REPLY = 'Hello from the local mock provider.';
const REQUESTS = 10; // chat, failure, again1..4, raw_{laravel,symfony}_{200,429}

function check(string $name, bool $ok, string $detail): void
{
    echo $ok ? 'ok' : 'fail', "\t", $name, "\t", str_replace(["\t", "\n"], ' ', $detail), "\n";
}

function response(string $out, string $name): array
{
    $status = (int) @file_get_contents("$out/$name.status");
    $body = (string) @file_get_contents("$out/$name.body");
    return [$status, json_decode($body, true), substr(trim(strip_tags($body)), 0, 200)];
}

/** Flattens OTLP attributes to key => scalar (or list of strings). */
function attrs(array $list): array
{
    $result = [];
    foreach ($list as $kv) {
        $v = $kv['value'] ?? [];
        $result[$kv['key']] = match (true) {
            array_key_exists('stringValue', $v) => $v['stringValue'],
            array_key_exists('intValue', $v) => (int) $v['intValue'],
            array_key_exists('doubleValue', $v) => (float) $v['doubleValue'],
            array_key_exists('boolValue', $v) => (bool) $v['boolValue'],
            array_key_exists('arrayValue', $v) => array_map(fn ($x) => $x['stringValue'] ?? null, $v['arrayValue']['values'] ?? []),
            default => null,
        };
    }
    return $result;
}

function j(mixed $value): string
{
    return json_encode($value, JSON_UNESCAPED_SLASHES);
}

/** All spans the receiver stored, each with '_resource' (flattened) and '_content_type'. */
function received_spans(string $recv): array
{
    $bodies = glob("$recv/*.bin") ?: [];
    sort($bodies);
    $spans = [];
    foreach ($bodies as $file) {
        $meta = json_decode((string) @file_get_contents(substr($file, 0, -4) . '.json'), true);
        $request = json_decode((string) file_get_contents($file), true);
        foreach ($request['resourceSpans'] ?? [] as $rs) {
            foreach ($rs['scopeSpans'] ?? [] as $ss) {
                foreach ($ss['spans'] ?? [] as $span) {
                    $span['_resource'] = attrs($rs['resource']['attributes'] ?? []);
                    $span['_content_type'] = $meta['content-type'] ?? '?';
                    $span['_body'] = basename($file);
                    $spans[] = $span;
                }
            }
        }
    }
    return $spans;
}

function span_for_trace(array $spans, string $traceId): ?array
{
    foreach ($spans as $span) {
        if (($span['traceId'] ?? '') === $traceId) {
            return $span;
        }
    }
    return null;
}

if ($mode === 'capture') {
    /*
     * spectra.auto_capture=1 (run.sh's second pool): the app's Http calls recorded with no
     * Spectra code, one record per call, none inside withoutTracking() or to another host,
     * one (enriched) for a call inside track(). Traces: ca..01 single, 02 pool, 03 quiet,
     * 04 other_host, 05 tracked.
     */
    $trace = fn (int $n) => sprintf('ca%030x', $n);
    $eventsFile = "$app/storage/app/spectra-events.jsonl";
    $events = array_values(array_filter(array_map(fn ($l) => json_decode($l, true),
        is_file($eventsFile) ? file($eventsFile, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) : [])));
    $spans = received_spans($recv);
    $of = fn (array $list, int $n, string $key) => array_values(array_filter($list, fn ($x) => ($x[$key] ?? '') === $trace($n)));
    $tokens = function (array $spans): array {
        $t = array_map(fn ($s) => attrs($s['attributes'] ?? [])['gen_ai.usage.input_tokens'] ?? null, $spans);
        sort($t);
        return $t;
    };
    $expected = ['single' => [1, [3]], 'pool' => [2, [1, 2, 3, 4, 5]], 'quiet' => [3, [2]], 'other_host' => [4, [2]]];
    foreach ($expected as $name => [$n, $appSaw]) {
        [$status, $body, $raw] = response($out, "captured_$name");
        $saw = $body['prompt_tokens'] ?? null;
        if (is_array($saw)) {
            sort($saw);
        }
        check("captured $name: the app's Http call answered unchanged", $status === 200 && $saw === $appSaw,
            "HTTP $status, app read " . ($body !== null ? j($saw) : $raw));
    }
    [$e, $s] = [$of($events, 1, 'trace_id'), $of($spans, 1, 'traceId')];
    check('Http::post with no track(): one record with usage, cost, endpoint and server, no tags',
        count($e) === 1 && $e[0]['prompt_tokens'] === 3 && $e[0]['completion_tokens'] === 12 && $e[0]['cost_known'] === true
            && abs((float) $e[0]['total_cost_in_cents'] - 0.000765) < 1e-9 && $e[0]['tags'] === []
            && $e[0]['endpoint'] === '/v1/chat/completions' && $e[0]['server_address'] === '127.0.0.1'
            && $e[0]['provider'] === 'openai' && $e[0]['model'] === MODEL && $e[0]['status_code'] === 200,
        j(array_map(fn ($x) => array_intersect_key($x, array_flip(['provider', 'model', 'prompt_tokens', 'completion_tokens',
            'total_cost_in_cents', 'tags', 'endpoint', 'server_address', 'status_code'])), $e)));
    check('... and its span, through the app\'s span builder, child of the incoming traceparent',
        count($s) === 1 && $s[0]['name'] === 'laravel chat ' . MODEL && $tokens($s) === [3] && ($s[0]['parentSpanId'] ?? '') === $parentSpan,
        j(array_map(fn ($x) => [$x['name'], $x['parentSpanId'] ?? null], $s)) . ' tokens ' . j($tokens($s)));
    [$e, $s] = [$of($events, 2, 'trace_id'), $of($spans, 2, 'traceId')];
    $prompts = array_column($e, 'prompt_tokens');
    sort($prompts);
    check('Http::pool of 5 concurrent calls: 5 records, each its own usage and id',
        count($e) === 5 && $prompts === [1, 2, 3, 4, 5] && count(array_unique(array_column($e, 'id'))) === 5,
        count($e) . ' records, prompt tokens ' . j($prompts));
    check('... and 5 spans with their own span ids',
        count($s) === 5 && $tokens($s) === [1, 2, 3, 4, 5] && count(array_unique(array_column($s, 'spanId'))) === 5,
        count($s) . ' spans, tokens ' . j($tokens($s)));
    foreach (['inside Spectra::withoutTracking()' => 3, 'to a host that is no provider\'s' => 4] as $what => $n) {
        check("a call $what: no record, no span",
            $of($events, $n, 'trace_id') === [] && $of($spans, $n, 'traceId') === [],
            count($of($events, $n, 'trace_id')) . ' records, ' . count($of($spans, $n, 'traceId')) . ' spans');
    }
    [$status, $answer, $raw] = response($out, 'captured_tracked');
    [$e, $s] = [$of($events, 5, 'trace_id'), $of($spans, 5, 'traceId')];
    check('a call inside track(): one record, enriched by the capture (endpoint, server), one span',
        $status === 200 && ($answer['status'] ?? 0) === 200 && count($e) === 1 && $e[0]['tags'] === ['raw-laravel']
            && $e[0]['prompt_tokens'] === 4 && $e[0]['endpoint'] === '/v1/chat/completions' && $e[0]['server_address'] === '127.0.0.1'
            && count($s) === 1,
        "HTTP $status; " . count($e) . ' records ' . j(array_map(fn ($x) => [$x['tags'], $x['endpoint'], $x['server_address']], $e))
            . ', ' . count($s) . ' spans');
    check('7 spans in all, nothing duplicated', count($spans) === 7 && count(array_unique(array_column($spans, 'spanId'))) === 7,
        count($spans) . ' spans');
    $leaks = [];
    foreach (array_merge(glob("$recv/*") ?: [], [$eventsFile, "$fpmDir/php-errors.log", "$fpmDir/php-fpm.log"]) as $file) {
        if (is_file($file) && str_contains((string) file_get_contents($file), 'sk-e2e-not-a-real-key')) {
            $leaks[] = basename($file);
        }
    }
    check('the API key is in no span, event or log', $leaks === [], $leaks === [] ? 'absent' : 'found in ' . j($leaks));
    $errors = is_file("$fpmDir/php-errors.log") ? trim((string) file_get_contents("$fpmDir/php-errors.log")) : '';
    check('capture pool: no PHP warnings or spectra lines', $errors === '', $errors === '' ? 'php-errors.log clean' : substr($errors, 0, 300));
    exit(0);
}

if ($mode === 'faults') {
    /*
     * README: "Callbacks called from C (listeners, transformer, span builder, ...) are
     * isolated: an exception there becomes one E_WARNING ...; your return value or exception
     * is untouched". Laravel's error handler turns every warning into an ErrorException.
     */
    $spans = received_spans($recv);
    foreach (['listener' => 'laravel chat ' . MODEL, 'span_builder' => 'chat ' . MODEL] as $fault => $expectedName) {
        [$status, $body, $raw] = response($out, "fault_$fault");
        check("$fault throws: Spectra::track() still returns the provider's reply",
            $status === 200 && ($body['reply'] ?? '') === REPLY,
            "HTTP $status " . ($body !== null ? j($body) : $raw));
        $span = span_for_trace($spans, trim((string) @file_get_contents("$out/fault_$fault.trace")));
        check("$fault throws: span exported as \"$expectedName\"",
            $span !== null && $span['name'] === $expectedName,
            $span === null ? 'no span for that trace' : 'name ' . j($span['name']));
    }
    exit(0);
}

// ---------------------------------------------------------------- the app's answers
$laravel = '';
foreach (json_decode((string) file_get_contents("$app/vendor/composer/installed.json"), true)['packages'] ?? [] as $package) {
    if ($package['name'] === 'laravel/framework') {
        $laravel = ltrim($package['version'], 'v');
    }
}

[$status, $health, $raw] = response($out, 'health');
check('health: Laravel boots in php-fpm with spectra loaded and the INI lines applied',
    $status === 200 && ($health['laravel'] ?? '') === $laravel && ($health['sapi'] ?? '') === 'fpm-fcgi'
        && ($health['spectra'] ?? false) === true && ($health['event_dispatcher'] ?? '') === 'event'
        && ($health['span_builder'] ?? '') === 'App\\Tracing\\SpanBuilder',
    "HTTP $status " . ($health !== null ? j($health) : $raw));

[$status, $chat, $raw] = response($out, 'chat');
check('chat route: controller -> ChatService -> Http::post to the mock provider',
    $status === 200 && ($chat['reply'] ?? '') === REPLY,
    "HTTP $status " . ($chat !== null ? j($chat) : $raw));
check('Spectra::currentTraceId() continues the incoming traceparent',
    ($chat['trace_id'] ?? '') === $traceId, 'trace_id ' . j($chat['trace_id'] ?? null) . ", sent $traceId");

[$status, $failure, $raw] = response($out, 'failure');
check('failing provider call: RequestException reaches the controller unchanged',
    $status === 502 && ($failure['error'] ?? '') === 'Illuminate\\Http\\Client\\RequestException' && ($failure['status'] ?? 0) === 503,
    "HTTP $status " . ($failure !== null ? j($failure) : $raw));

$again = [];
foreach (range(1, 4) as $i) {
    [$status, $body] = response($out, "again$i");
    $again[] = $status === 200 && ($body['reply'] ?? '') === REPLY ? ($body['pid'] ?? '?') : "HTTP $status";
}
check('four more chat requests answered', count(array_filter($again, 'is_int')) === 4, 'worker pids ' . j($again));

// ---------------------------------------------------------------- the listener's file
$eventsFile = "$app/storage/app/spectra-events.jsonl";
$events = array_values(array_filter(array_map(fn ($l) => json_decode($l, true),
    is_file($eventsFile) ? file($eventsFile, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) : [])));
$byTrace = [];
foreach ($events as $e) {
    $byTrace[$e['trace_id']][] = $e;
}
$event = $byTrace[$traceId][0] ?? null;
check('event() dispatcher: RequestTracked reached the Event::listen() listener',
    $event !== null && ($event['listener'] ?? '') === 'App\\Listeners\\RecordAiCall'
        && $event['provider'] === 'openai' && $event['model'] === MODEL,
    $event === null ? (is_file($eventsFile) ? 'no event with trace id ' . $traceId : "no $eventsFile")
        : j(array_intersect_key($event, array_flip(['listener', 'provider', 'model', 'id']))));
check('one event per tracked call, each with its own record id and trace id',
    count($events) === REQUESTS && count(array_unique(array_column($events, 'id'))) === REQUESTS
        && count($byTrace) === REQUESTS,
    count($events) . ' events, ' . count($byTrace) . ' trace ids (expected ' . REQUESTS . ')');
// "hello there friend" + "You are terse." = 6 words = 6 prompt tokens; the mock answers 12.
// gpt-4o-mini: 15 cents per 1M input tokens, 60 per 1M output -> 6*15e-6 + 12*60e-6 cents.
check('listener got usage and cost: 6 + 12 = 18 tokens, 0.00081 cents, snapshot model',
    $event !== null && $event['prompt_tokens'] === 6 && $event['completion_tokens'] === 12 && $event['total_tokens'] === 18
        && $event['cost_known'] === true && abs((float) $event['total_cost_in_cents'] - 0.00081) < 1e-9
        && $event['snapshot'] === 'gpt-4o-mini-2024-07-18' && $event['is_failed'] === false && $event['status_code'] === 200,
    $event === null ? 'no event' : j(array_intersect_key($event, array_flip(['prompt_tokens', 'completion_tokens',
        'total_tokens', 'total_cost_in_cents', 'cost_known', 'snapshot', 'is_failed', 'status_code']))));
check('listener got tags, context metadata and the server address',
    $event !== null && $event['tags'] === ['laravel-e2e'] && $event['metadata'] === ['route' => 'chat']
        && $event['server_address'] === '127.0.0.1',
    $event === null ? 'no event' : j([$event['tags'], $event['metadata'], $event['server_address']]));
$carbonEverywhere = $events !== [] && array_filter($events, fn ($e) => $e['started_at_class'] !== 'Carbon\\CarbonImmutable'
    || $e['completed_at_class'] !== 'Carbon\\CarbonImmutable') === [];
check('started_at/completed_at are Carbon\\CarbonImmutable in the app timezone',
    $event !== null && $carbonEverywhere && $event['started_at_timezone'] === 'Europe/Paris' && $event['app_timezone'] === 'Europe/Paris',
    $event === null ? 'no event' : j([$event['started_at_class'], $event['completed_at_class'], $event['started_at'],
        $event['started_at_timezone'], 'app: ' . $event['app_timezone']]));
$failedEvents = array_values(array_filter($events, fn ($e) => $e['is_failed'] && $e['tags'] === ['laravel-e2e']));
check('failed call recorded: is_failed, error_type = exception class',
    count($failedEvents) === 1 && $failedEvents[0]['error_type'] === 'Illuminate\\Http\\Client\\RequestException'
        && $failedEvents[0]['total_tokens'] === 0,
    j(array_map(fn ($e) => [$e['error_type'], $e['status_code'], $e['total_tokens']], $failedEvents)));

// ---------------------------------------------------------------- response objects returned from track()
// "four words of prompt" = 4 prompt tokens; the mock answers 12 (0.00078 cents at 15/60 per 1M).
foreach (['laravel' => 'Illuminate\Http\Client\Response', 'symfony' => 'Symfony HttpClient ResponseInterface'] as $client => $what) {
    [$status, $answer, $raw] = response($out, "raw_{$client}_200");
    $ok = array_values(array_filter($events, fn ($e) => $e['tags'] === ["raw-$client"] && !$e['is_failed']));
    check("$what returned from track(): usage, cost and status read, body still readable by the app",
        $status === 200 && ($answer['status'] ?? 0) === 200 && ($answer['body']['choices'][0]['message']['content'] ?? '') === REPLY
            && count($ok) === 1 && $ok[0]['prompt_tokens'] === 4 && $ok[0]['completion_tokens'] === 12 && $ok[0]['status_code'] === 200
            && $ok[0]['cost_known'] === true && abs((float) $ok[0]['total_cost_in_cents'] - 0.00078) < 1e-9,
        "HTTP $status app saw " . j($answer['status'] ?? $raw) . '; events ' . j(array_map(fn ($e) => array_intersect_key($e,
            array_flip(['prompt_tokens', 'completion_tokens', 'status_code', 'total_cost_in_cents'])), $ok)));
    [$status, $answer, $raw] = response($out, "raw_{$client}_429");
    $failed = array_values(array_filter($events, fn ($e) => $e['tags'] === ["raw-$client"] && $e['is_failed']));
    check("$what with a 429 returned from track(): a failure with status 429 and the provider's error code",
        $status === 200 && ($answer['status'] ?? 0) === 429 && count($failed) === 1 && $failed[0]['status_code'] === 429
            && $failed[0]['error_type'] === 'rate_limit_exceeded' && $failed[0]['total_tokens'] === 0,
        "HTTP $status app saw " . j($answer['status'] ?? $raw) . '; events ' . j(array_map(fn ($e) => [$e['status_code'], $e['error_type']], $failed)));
}

// ---------------------------------------------------------------- what the receiver got
$spans = received_spans($recv);
$contentTypes = array_values(array_unique(array_column($spans, '_content_type')));
$resources = array_column($spans, '_resource');
$posts = count(array_unique(array_column($spans, '_body')));
check('spans exported as OTLP/HTTP JSON, one per tracked call',
    count($spans) === REQUESTS && $contentTypes === ['application/json'],
    count($spans) . " spans in $posts POSTs, content types " . j($contentTypes));
check('resource: service.name from the pool INI line',
    $resources !== [] && array_unique(array_column($resources, 'service.name')) === ['laravel-e2e'],
    j(array_values(array_unique(array_column($resources, 'service.name')))));

$span = span_for_trace($spans, $traceId);
$a = $span ? attrs($span['attributes'] ?? []) : [];
check('App\\Tracing\\SpanBuilder (from spectra.otel.span_builder) named the span',
    $span !== null && $span['name'] === 'laravel chat ' . MODEL,
    $span === null ? 'no span with trace id ' . $traceId . '; names ' . j(array_column($spans, 'name')) : 'name ' . j($span['name']));
check('every span of every request and worker went through the PHP builder',
    $spans !== [] && array_filter($spans, fn ($s) => !str_starts_with($s['name'] ?? '', 'laravel ')) === [],
    'names ' . j(array_count_values(array_column($spans, 'name'))));
check('custom attributes from SpanBuilder::attributes()',
    ($a['app.framework'] ?? null) === "laravel/$laravel" && ($a['app.route'] ?? null) === '/chat',
    j(['app.framework' => $a['app.framework'] ?? null, 'app.route' => $a['app.route'] ?? null]));
check('native GenAI attributes kept by parent::attributes()',
    ($a['gen_ai.provider.name'] ?? null) === 'openai' && ($a['gen_ai.request.model'] ?? null) === MODEL
        && ($a['gen_ai.usage.input_tokens'] ?? null) === 6 && ($a['gen_ai.usage.output_tokens'] ?? null) === 12
        && abs((float) ($a['spectra.cost.total_cents'] ?? -1) - (float) ($event['total_cost_in_cents'] ?? -2)) < 1e-12
        && ($a['spectra.metadata.route'] ?? null) === 'chat',
    j(array_intersect_key($a, array_flip(['gen_ai.provider.name', 'gen_ai.request.model', 'gen_ai.usage.input_tokens',
        'gen_ai.usage.output_tokens', 'spectra.cost.total_cents', 'spectra.metadata.route']))));
check('span ids match the event and the incoming traceparent (parent span)',
    $span !== null && $event !== null && $span['spanId'] === $event['span_id'] && ($span['parentSpanId'] ?? '') === $parentSpan
        && $event['parent_span_id'] === $parentSpan,
    $span === null ? 'no span' : j(['spanId' => $span['spanId'], 'event span_id' => $event['span_id'] ?? null,
        'parentSpanId' => $span['parentSpanId'] ?? null]));
$failedSpan = $failedEvents === [] ? null : span_for_trace($spans, $failedEvents[0]['trace_id']);
$fa = $failedSpan ? attrs($failedSpan['attributes'] ?? []) : [];
check('failed call: span status ERROR with error.type',
    $failedSpan !== null && ($failedSpan['status']['code'] ?? 0) === 2
        && ($fa['error.type'] ?? null) === 'Illuminate\\Http\\Client\\RequestException'
        && str_starts_with($failedSpan['name'], 'laravel '),
    $failedSpan === null ? 'no span for the failed call' : j(['name' => $failedSpan['name'], 'status' => $failedSpan['status'] ?? null,
        'error.type' => $fa['error.type'] ?? null]));

// ---------------------------------------------------------------- logs stay clean
$problems = [];
$laravelLog = "$app/storage/logs/laravel.log";
if (is_file($laravelLog) && filesize($laravelLog) > 0) {
    $problems[] = 'laravel.log: ' . substr(trim((string) file_get_contents($laravelLog)), 0, 300);
}
$phpErrors = "$fpmDir/php-errors.log";
if (is_file($phpErrors) && filesize($phpErrors) > 0) {
    $problems[] = 'php-errors.log: ' . substr(trim((string) file_get_contents($phpErrors)), 0, 300);
}
foreach (is_file("$fpmDir/php-fpm.log") ? file("$fpmDir/php-fpm.log", FILE_IGNORE_NEW_LINES) : [] as $line) {
    if (stripos($line, 'spectra') !== false || stripos($line, 'warning') !== false && stripos($line, 'WARNING: [pool') === false) {
        $problems[] = "php-fpm.log: $line";
    }
}
check('no PHP warnings, Laravel log entries or spectra export errors', $problems === [],
    $problems === [] ? 'laravel.log, php-errors.log and php-fpm.log clean' : implode(' | ', array_slice($problems, 0, 3)));
