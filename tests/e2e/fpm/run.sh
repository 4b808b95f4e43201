#!/usr/bin/env bash
# End-to-end checks of the extension under a real php-fpm8.2 behind a real nginx, exporting
# to the loopback OTLP receiver (tests/tools/otlp_receiver.php), the app calling the local
# mock provider (tests/tools/mock_provider.php) over HTTP. Scenarios:
#   (a) a collector that holds every export unanswered until released: all requests are answered
#       before the collector answered any export (an order of events, no stopwatch); then every
#       span arrives
#   (b) pm.max_requests = 1 (static and ondemand): every worker exits after one request; no span lost
#   (c) collector down: requests all succeed while the exporter is still retrying, the pool keeps
#       serving, and worker shutdown is ended by spectra.shutdown_timeout_ms (its own log line),
#       not by FPM killing the workers
# No check compares a duration with a threshold: times are shown, not asserted (time to last
# byte is measured by bench/fpm_ttlb.sh).
#   (d) Spectra::stats() and phpinfo() under FPM, deterministic with one worker
#   (e) request isolation of the request-scoped globals; incoming traceparent continued
#   (f) FPM's default process_control_timeout = 0: the extension warns at startup, and on stop
#       (SIGQUIT then SIGTERM at once) each worker logs the count of spans it dies with
#   (g) batching across requests: 300 requests on 2 workers recycled every 60 requests make far
#       fewer POSTs than requests, and every span arrives (recycling drains at worker exit)
# E2E_FPM_SCENARIOS="c f" runs only those scenarios (default: all).
# Prints one PASS/FAIL line per check, ends with "N passed, N failed"; exit status 1 on failure.
# Spans are checked decoded (protobuf via tests/tools/otlp-decode.js when tests/tools/node_modules
# is there, else the pools export http/json), not only counted.
set -u
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=../lib.sh
. "$here/../lib.sh"
app=$here/app

check() { "$E2E_PHP" -n "$here/check.php" "$@"; }

want() { [[ " ${E2E_FPM_SCENARIOS:-a b c d e f g} " == *" $1 "* ]]; }

# Feeds "ok NAME text" / "fail NAME text" lines from check.php to the counters.
results() {
  local status name text
  while read -r status name text; do
    case $status in
      ok) e2e_ok "$name" "$text" ;;
      fail) e2e_fail "$name" "$text" ;;
      *) echo "     $status $name $text" ;;
    esac
  done
}

info() { echo "     $*"; }

hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

# GET: get URL BODY_FILE [curl args...] -> prints "HTTP_CODE TIME_TOTAL"
get() {
  local url=$1 body=$2
  shift 2
  curl -sS -m 30 -o "$body" -w '%{http_code} %{time_total}' "$@" "$url" 2>/dev/null || echo "000 30"
}

# Sequential tracked requests: seq_requests WEB_PORT PREFIX N BODIES_JSONL TIMES_FILE
# TIMES_FILE gets "seconds code id" lines; returns the number of answers that were not
# 200 with the mock provider's reply.
# With SEQ_STOP_ON_BAD=1 the first bad answer ends the run (the rest count as bad).
seq_requests() {
  local port=$1 prefix=$2 n=$3 bodies=$4 times=$5 i code t bad=0 body
  body=$(mktemp "$tmp/body.XXXXXX")
  for ((i = 1; i <= n; i++)); do
    read -r code t < <(get "http://127.0.0.1:$port/track.php?id=$prefix$i" "$body")
    echo "$t $code $prefix$i" >>"$times"
    if [ "$code" = 200 ] && grep -q 'Hello from the local mock provider' "$body"; then
      cat "$body" >>"$bodies"
    else
      bad=$((bad + 1))
      [ "$bad" -le 3 ] && info "request $prefix$i: HTTP $code: $(head -c 300 "$body")"
      if [ "${SEQ_STOP_ON_BAD:-0}" = 1 ]; then
        bad=$((bad + n - i))
        break
      fi
    fi
  done
  rm -f "$body"
  return "$bad"
}

# Concurrent tracked requests: par_requests WEB_PORT PREFIX N CONCURRENCY BODIES_JSONL TIMES_FILE
par_requests() {
  local port=$1 prefix=$2 n=$3 conc=$4 bodies=$5 times=$6 dir line bad=0 id code t
  dir=$(mktemp -d "$tmp/par.XXXXXX")
  seq 1 "$n" | xargs -P "$conc" -I{} curl -sS -m 30 -o "$dir/{}.body" \
    -w '%{time_total} %{http_code} '"$prefix"'{}\n' "http://127.0.0.1:$port/track.php?id=$prefix{}" >>"$times" 2>/dev/null
  while read -r t code id; do
    if [ "$code" = 200 ] && grep -q 'Hello from the local mock provider' "$dir/${id#"$prefix"}.body"; then
      cat "$dir/${id#"$prefix"}.body" >>"$bodies"
    else
      bad=$((bad + 1))
      [ "$bad" -le 3 ] && info "request $id: HTTP $code: $(head -c 300 "$dir/${id#"$prefix"}.body" 2>/dev/null)"
    fi
  done <"$times"
  local answered
  answered=$(wc -l <"$times")
  [ "$answered" -lt "$n" ] && bad=$((bad + n - answered))
  rm -rf "$dir"
  return "$bad"
}

# check.php delivered, as soon as every span has arrived (or after SECONDS): a backlog is
# coalesced into fewer bodies than requests, so the number of bodies says nothing.
delivered_wait() { # NAME DIR PREFIX N BODIES_JSONL SECONDS
  local out i limit=$(($6 * 2))
  for ((i = 0; i <= limit; i++)); do
    out=$(check delivered "$1" "$2" "$3" "$4" "$5")
    grep -q "^ok $1-spans-delivered" <<<"$out" && break
    sleep 0.5
  done
  printf '%s\n' "$out"
}

# Spectra pool lines: spectra_pool RECEIVER_PORT -> array "pool"
spectra_pool() {
  pool=(
    "php_admin_value[spectra.otel.enabled] = 1"
    "php_admin_value[spectra.otel.endpoint] = http://127.0.0.1:$1/v1/traces"
    "php_admin_value[spectra.otel.service_name] = spectra-e2e-fpm"
    "env[SPECTRA_E2E_MOCK_URL] = http://127.0.0.1:$mock_port"
  )
  [ "$protocol" = json ] && pool+=("php_admin_value[spectra.otel.protocol] = http/json")
  return 0
}

# Crash check: FPM logs "child N exited on signal 11 (SIGSEGV)" and the like.
no_crash() { # NAME CONF_DIR
  local crashes
  crashes=$(grep -E 'exited on signal (4|6|7|8|11)|SIGSEGV|SIGABRT|SIGBUS|core dumped' "$2/php-fpm.log" 2>/dev/null | head -n 5)
  if [ -z "$crashes" ]; then
    e2e_ok "$1-no-worker-crash"
  else
    e2e_fail "$1-no-worker-crash" "$crashes"
  fi
}

spectra_log_lines() { # CONF_DIR: the extension's stderr lines (rate-limited export errors)
  local lines
  lines=$(grep -h 'spectra:' "$1/php-fpm.log" 2>/dev/null | sort | uniq -c | sort -rn | head -n 3)
  [ -n "$lines" ] && info "worker stderr: $(echo "$lines" | tr -s ' ' | paste -sd '|' -)"
  return 0
}

echo "== e2e fpm: php-fpm8.2 + nginx + spectra.so"

# ---- prerequisites ----------------------------------------------------------------------
missing=""
[ -x "$E2E_FPM_BIN" ] || missing+=" $E2E_FPM_BIN (php8.2-fpm)"
[ -x "$E2E_NGINX_BIN" ] || missing+=" $E2E_NGINX_BIN (nginx-light)"
command -v curl >/dev/null 2>&1 || missing+=" curl"
if [ -n "$missing" ]; then
  e2e_fail prerequisites "not installed:$missing - run: bash tools/install-deps.sh"
  e2e_summary
  exit 1
fi
# a private snapshot of modules/spectra.so (rebuilt in place now and then), loadable in php -n
if ! so=$(e2e_spectra_so); then
  e2e_fail prerequisites "${E2E_SPECTRA_SO:-$E2E_ROOT/modules/spectra.so} is missing or does not load"
  e2e_summary
  exit 1
fi
info "extension: $so (snapshot of modules/spectra.so, built $(date -r "$E2E_ROOT/modules/spectra.so" '+%F %T' 2>/dev/null))"

protocol=$(check decoder)
info "span decoding: $protocol ($([ "$protocol" = protobuf ] && echo 'OTLP protobuf, OpenTelemetry JS decoder' || echo 'pools export http/json'))"
tmp=$(e2e_tmpdir) || exit 1
mock_port=$(e2e_start_mock_provider) || { e2e_fail setup "mock provider did not start"; e2e_summary; exit 1; }
suite_started=$(date +%s)

if want a; then
# ---- (a) collector holding the exports -------------------------------------------------
echo "-- (a) collector holding every export until released: 20 requests answered before any export is, then every span delivered"
A_N=20
mkdir -p "$tmp/a-recv"
if recv_a=$(e2e_start_gated_receiver "$tmp/a-recv") && spectra_pool "$recv_a" \
  && pool+=("php_admin_value[spectra.otel.timeout] = 120") \
  && fpm_a=$(e2e_start_fpm "$tmp/a-fpm" "$app" "pm = static" "pm.max_children = 4" "${pool[@]}") \
  && web_a=$(e2e_start_nginx "$tmp/a-nginx" "$app" "$fpm_a"); then
  # spectra.otel.timeout = 120: a held POST must not time out while the gate is closed. A
  # request that waited for its export would wait for the gate, which opens only after the
  # last response: it would hang (curl -m 30 gives up), so the first bad answer ends the run.
  SEQ_STOP_ON_BAD=1 seq_requests "$web_a" a- "$A_N" "$tmp/a-bodies.jsonl" "$tmp/a-times"
  bad=$?
  [ "$bad" = 0 ] && e2e_ok a-all-200 "$A_N/$A_N answered 200 with the provider's reply" \
    || e2e_fail a-all-200 "$bad of $A_N requests failed"
  # the exports were made (they reach the gate; bounded wait) and none was answered yet
  for ((i = 0; i < 300 && $(e2e_gate_held "$tmp/a-recv") < 1; i++)); do sleep 0.1; done
  held=$(e2e_gate_held "$tmp/a-recv")
  answered=$(e2e_receiver_count "$recv_a")
  if [ "$bad" = 0 ] && [ "$held" -ge 1 ] && [ "$answered" = 0 ]; then
    e2e_ok a-answered-before-export "all $A_N responses arrived while the collector had answered none of the $held export POST(s) it held"
  else
    e2e_fail a-answered-before-export "$bad bad answers; collector held $held export POST(s), answered $answered before it was released"
  fi
  info "time to last byte, not asserted (bench/fpm_ttlb.sh measures it): $(check percentiles "$tmp/a-times") ms"
  e2e_gate_open "$tmp/a-recv"
  results < <(delivered_wait a "$tmp/a-recv" a- "$A_N" "$tmp/a-bodies.jsonl" 90)
  info "receiver stored $(e2e_receiver_count "$recv_a") bodies (backlogs coalesced)"
  # per-worker counters: ask each worker (accept order spreads these over the 4) after a flush
  : >"$tmp/a-stats.jsonl"
  for ((i = 0; i < 12; i++)); do
    code=$(curl -sS -m 30 -D "$tmp/a-hdr" -o "$tmp/a-stats.json" -w '%{http_code}' "http://127.0.0.1:$web_a/stats.php?flush=10000" 2>/dev/null)
    flushed=$(tr -d '\r' <"$tmp/a-hdr" | awk -F': ' 'tolower($1) == "x-spectra-flushed" { print $2 }')
    [ "$code" = 200 ] && echo "${flushed:-?} $(cat "$tmp/a-stats.json")" >>"$tmp/a-stats.jsonl"
  done
  results < <(check invariant a "$tmp/a-stats.jsonl" "$A_N" 4)
  spectra_log_lines "$tmp/a-fpm"
  no_crash a "$tmp/a-fpm"
else
  e2e_fail a-setup "receiver, php-fpm or nginx did not start"
fi
e2e_stop_server "$tmp/a-nginx"
e2e_stop_server "$tmp/a-fpm"
fi

if want b; then
# ---- (b) worker recycling after every request ------------------------------------------
for pm in static ondemand; do
  echo "-- (b) pm = $pm, pm.max_requests = 1: 100 requests (4 at a time), each worker exits after one"
  B_N=100
  mkdir -p "$tmp/b-$pm-recv"
  if recv_b=$(e2e_start_receiver "$tmp/b-$pm-recv") && spectra_pool "$recv_b" \
    && fpm_b=$(e2e_start_fpm "$tmp/b-$pm-fpm" "$app" "pm = $pm" "pm.max_children = 4" "pm.max_requests = 1" \
      "pm.process_idle_timeout = 10s" "${pool[@]}") \
    && web_b=$(e2e_start_nginx "$tmp/b-$pm-nginx" "$app" "$fpm_b"); then
    started=$(date +%s.%N)
    par_requests "$web_b" "b$pm-" "$B_N" 4 "$tmp/b-$pm-bodies.jsonl" "$tmp/b-$pm-times"
    bad=$?
    elapsed=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    [ "$bad" = 0 ] && e2e_ok "b-$pm-all-200" "$B_N/$B_N answered 200 in ${elapsed}s; $(check percentiles "$tmp/b-$pm-times") ms" \
      || e2e_fail "b-$pm-all-200" "$bad of $B_N requests failed"
    pids=$("$E2E_PHP" -n -r 'foreach (file($argv[1]) as $l) { $p[json_decode($l, true)["pid"] ?? 0] = 1; } echo count($p ?? []);' "$tmp/b-$pm-bodies.jsonl")
    [ "$pids" = "$B_N" ] && e2e_ok "b-$pm-recycled" "$pids distinct worker pids for $B_N requests" \
      || e2e_fail "b-$pm-recycled" "$pids distinct worker pids for $B_N requests (pm.max_requests = 1 should give $B_N)"
    got=$(e2e_receiver_wait "$recv_b" "$B_N" 30)
    info "receiver stored $got bodies"
    results < <(check delivered "b-$pm" "$tmp/b-$pm-recv" "b$pm-" "$B_N" "$tmp/b-$pm-bodies.jsonl")
    spectra_log_lines "$tmp/b-$pm-fpm"
    no_crash "b-$pm" "$tmp/b-$pm-fpm"
  else
    e2e_fail "b-$pm-setup" "receiver, php-fpm or nginx did not start"
  fi
  e2e_stop_server "$tmp/b-$pm-nginx"
  e2e_stop_server "$tmp/b-$pm-fpm"
done
fi

if want c; then
# ---- (c) collector down -------------------------------------------------------------------
echo "-- (c) collector down (closed port): 30 requests answered while the exporter retries, the pool keeps serving"
C_N=30
closed_port=$(e2e_free_port)
spectra_pool "$closed_port"
# spectra.otel.timeout = 300: every export may be retried for 300 s (the retry budget is the
# exporter timeout), far longer than this scenario. So a request that waited for the retries
# would hang (curl -m 30 gives up), the exporter is still retrying when the requests are
# done, and only spectra.shutdown_timeout_ms can end the workers' final flush in time.
pool+=("php_admin_value[spectra.otel.timeout] = 300" "php_admin_value[spectra.shutdown_timeout_ms] = 1000")
if fpm_c=$(e2e_start_fpm "$tmp/c-fpm" "$app" "pm = static" "pm.max_children = 2" "${pool[@]}") \
  && web_c=$(e2e_start_nginx "$tmp/c-nginx" "$app" "$fpm_c"); then
  started=$(date +%s.%N)
  SEQ_STOP_ON_BAD=1 seq_requests "$web_c" c- "$C_N" "$tmp/c-bodies.jsonl" "$tmp/c-times"
  bad=$?
  elapsed=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  [ "$bad" = 0 ] && e2e_ok c-all-200 "$C_N/$C_N answered 200 with the app's normal body" \
    || e2e_fail c-all-200 "$bad of $C_N requests failed"
  info "$C_N requests in ${elapsed}s, not asserted; time to last byte: $(check percentiles "$tmp/c-times") ms"
  read -r code t < <(get "http://127.0.0.1:$web_c/track.php?id=c-final" "$tmp/c-final.body")
  if [ "$code" = 200 ] && grep -q 'Hello from the local mock provider' "$tmp/c-final.body"; then
    e2e_ok c-still-serving "a final request answered 200"
  else
    e2e_fail c-still-serving "final request: HTTP $code $(head -c 200 "$tmp/c-final.body")"
  fi
  # Ask the workers (accept order spreads these over both) until one reports its export being
  # retried: retries >= 1 with failed = 0 after every request was answered means the requests
  # did not wait for the exporter to give up. sent must be 0 in every answer.
  : >"$tmp/c-stats.jsonl"
  for ((i = 0; i < 40; i++)); do
    if curl -sS -m 10 -o "$tmp/c-stats.json" "http://127.0.0.1:$web_c/stats.php" 2>/dev/null; then
      cat "$tmp/c-stats.json" >>"$tmp/c-stats.jsonl"
      "$E2E_PHP" -n -r '$s = json_decode(file_get_contents($argv[1]), true) ?: [];
        exit(($s["retries"] ?? 0) >= 1 && ($s["failed"] ?? 1) === 0 ? 0 : 1);' "$tmp/c-stats.json" && break
    fi
    sleep 0.1
  done
  "$E2E_PHP" -n -r '$all = array_map(fn ($l) => json_decode($l, true) ?: [], file($argv[1], FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
    $last = end($all) ?: [];
    printf("     last answer (pid %s): queued=%s sent=%s failed=%s dropped=%s retries=%s last_status=%s last_error=\"%s\"\n",
      $last["pid"] ?? "?", $last["queued"] ?? "?", $last["sent"] ?? "?", $last["failed"] ?? "?", $last["dropped"] ?? "?",
      $last["retries"] ?? "?", $last["last_status"] ?? "?", $last["last_error"] ?? "?");
    $retrying = array_filter($all, fn ($s) => ($s["retries"] ?? 0) >= 1 && ($s["failed"] ?? 1) === 0);
    $sent = array_filter($all, fn ($s) => ($s["sent"] ?? 1) !== 0);
    echo $retrying ? "ok" : "fail", " c-answered-while-retrying ", count($all), " stats answers, ",
      $retrying ? "pid " . reset($retrying)["pid"] . " still retrying its export (retries " . reset($retrying)["retries"] . ", failed 0) after all requests were answered"
                : "none showed an export still being retried (retries >= 1, failed 0)", "\n";
    echo $all && !$sent ? "ok" : "fail", " c-nothing-sent ", $all && !$sent ? "stats: sent = 0 in all " . count($all) . " answers with the collector down"
      : "stats say something was sent to a closed port (or no stats answer): " . substr(json_encode(array_values($sent)), 0, 300), "\n";' \
    "$tmp/c-stats.jsonl" | results
  no_crash c "$tmp/c-fpm"
  e2e_stop_server "$tmp/c-nginx"
  # graceful stop (SIGQUIT): each worker's MSHUTDOWN flush is cut by spectra.shutdown_timeout_ms,
  # which the extension reports as "shutdown timeout (T ms): N spans dropped (...)". Had it not been,
  # the workers would still be retrying (300 s budget): FPM would kill them after its
  # process_control_timeout ("exited on signal") or the stop would escalate to SIGTERM
  # ("Terminating"). Checked from those log lines, not from how long the stop took.
  stop_started=$(date +%s.%N)
  e2e_stop_server "$tmp/c-fpm"
  stop_s=$(awk -v s="$stop_started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  flog="$tmp/c-fpm/php-fpm.log"
  cut=$(grep -c 'spectra: shutdown timeout ([0-9]* ms): [0-9]* spans dropped' "$flog" 2>/dev/null)
  killed=$(grep -E 'exited on signal|killed by the process management|Terminating' "$flog" 2>/dev/null | head -n 3)
  if [ "${cut:-0}" -ge 1 ] && [ -z "$killed" ] && grep -q 'Finishing' "$flog" && grep -q 'exiting, bye-bye' "$flog"; then
    e2e_ok c-shutdown-bounded "graceful stop: $cut worker(s) cut their flush at shutdown_timeout_ms with spans still queued, none killed (stop took ${stop_s}s, not asserted)"
  else
    e2e_fail c-shutdown-bounded "shutdown-timeout lines: ${cut:-0}; killed/terminated: ${killed:-none}; $(grep -E 'Finishing|bye-bye' "$flog" | tr '\n' ' ')"
  fi
  spectra_log_lines "$tmp/c-fpm"
  no_crash c-shutdown "$tmp/c-fpm"
else
  e2e_fail c-setup "php-fpm or nginx did not start"
  e2e_stop_server "$tmp/c-nginx"
  e2e_stop_server "$tmp/c-fpm"
fi
fi

if want d; then
# ---- (d) stats() and phpinfo() under FPM ------------------------------------------------
echo "-- (d) Spectra::stats() and phpinfo() with pm = static, pm.max_children = 1"
D_N=10
mkdir -p "$tmp/d-recv"
if recv_d=$(e2e_start_receiver "$tmp/d-recv") && spectra_pool "$recv_d" \
  && fpm_d=$(e2e_start_fpm "$tmp/d-fpm" "$app" "pm = static" "pm.max_children = 1" "${pool[@]}") \
  && web_d=$(e2e_start_nginx "$tmp/d-nginx" "$app" "$fpm_d"); then
  seq_requests "$web_d" d- "$D_N" "$tmp/d-bodies.jsonl" "$tmp/d-times"
  bad=$?
  [ "$bad" = 0 ] || e2e_fail d-requests "$bad of $D_N requests failed"
  code=$(curl -sS -m 30 -D "$tmp/d-hdr" -o "$tmp/d-stats.json" -w '%{http_code}' "http://127.0.0.1:$web_d/stats.php?flush=5000" 2>/dev/null)
  flushed=$(tr -d '\r' <"$tmp/d-hdr" | awk -F': ' 'tolower($1) == "x-spectra-flushed" { print $2 }')
  [ "$code" = 200 ] && [ "$flushed" = 1 ] && e2e_ok d-flush "Spectra::flush(5000) returned true" \
    || e2e_fail d-flush "stats.php?flush: HTTP $code, flush returned '${flushed:-?}'"
  results < <(check stats d "$tmp/d-stats.json" "$D_N" "http://127.0.0.1:$recv_d/v1/traces")
  code=$(curl -sS -m 30 -o "$tmp/d-phpinfo.html" -w '%{http_code}' "http://127.0.0.1:$web_d/phpinfo.php" 2>/dev/null)
  [ "$code" = 200 ] || e2e_fail d-phpinfo "phpinfo.php: HTTP $code"
  results < <(check phpinfo d "$tmp/d-phpinfo.html" "$tmp/d-stats.json")
  got=$(e2e_receiver_wait "$recv_d" "$D_N" 15)
  results < <(check delivered d "$tmp/d-recv" d- "$D_N" "$tmp/d-bodies.jsonl")
  no_crash d "$tmp/d-fpm"
else
  e2e_fail d-setup "receiver, php-fpm or nginx did not start"
fi
e2e_stop_server "$tmp/d-nginx"
e2e_stop_server "$tmp/d-fpm"
fi

if want e; then
# ---- (e) request isolation, traceparent ------------------------------------------------
echo "-- (e) request isolation on one worker; incoming traceparent continued"
mkdir -p "$tmp/e-recv"
if recv_e=$(e2e_start_receiver "$tmp/e-recv") && spectra_pool "$recv_e" \
  && fpm_e=$(e2e_start_fpm "$tmp/e-fpm" "$app" "pm = static" "pm.max_children = 1" "${pool[@]}") \
  && web_e=$(e2e_start_nginx "$tmp/e-nginx" "$app" "$fpm_e"); then
  fixed=$(hex 16)
  tp_trace=$(hex 16)
  tp_parent=$(hex 8)
  : >"$tmp/e-bodies.jsonl"
  ebad=0
  e_request() { # PATH [curl args]
    local path=$1 code t
    shift
    read -r code t < <(get "http://127.0.0.1:$web_e/$path" "$tmp/e.body" "$@")
    if [ "$code" = 200 ]; then cat "$tmp/e.body" >>"$tmp/e-bodies.jsonl"; else
      ebad=$((ebad + 1)); info "$path: HTTP $code $(head -c 300 "$tmp/e.body")"; fi
  }
  e_request "isolation.php?dirty=1&id=e-dirty&trace=$fixed"
  e_request "isolation.php?id=e-clean"
  e_request "track.php?id=e-tp" -H "traceparent: 00-$tp_trace-$tp_parent-01"
  e_request "track.php?id=e-after"
  [ "$ebad" = 0 ] || e2e_fail e-requests "$ebad requests failed"
  curl -sS -m 30 -o /dev/null "http://127.0.0.1:$web_e/stats.php?flush=5000" 2>/dev/null
  got=$(e2e_receiver_wait "$recv_e" 4 15)
  results < <(check isolation e "$tmp/e-recv" "$tmp/e-bodies.jsonl" "$fixed" "$tp_trace" "$tp_parent")
  no_crash e "$tmp/e-fpm"
else
  e2e_fail e-setup "receiver, php-fpm or nginx did not start"
fi
e2e_stop_server "$tmp/e-nginx"
e2e_stop_server "$tmp/e-fpm"
fi

if want f; then
# ---- (f) process_control_timeout = 0 ------------------------------------------------------
echo "-- (f) process_control_timeout = 0 (FPM's default): startup warning; a stop with spans unsent logs their count"
F_N=12
mkdir -p "$tmp/f-recv"
# the collector holds every export, so all F_N spans are still unsent when FPM is stopped; the
# extension is loaded in the master (as from php.ini), which is where the startup check runs
if recv_f=$(e2e_start_gated_receiver "$tmp/f-recv") && spectra_pool "$recv_f" \
  && pool+=("php_admin_value[spectra.otel.timeout] = 120") \
  && fpm_f=$(E2E_FPM_PROCESS_CONTROL_TIMEOUT=0 E2E_SPECTRA_SO=none E2E_FPM_EXTENSIONS="${E2E_FPM_EXTENSIONS:-} $so" \
    e2e_start_fpm "$tmp/f-fpm" "$app" "pm = static" "pm.max_children = 2" "${pool[@]}") \
  && web_f=$(e2e_start_nginx "$tmp/f-nginx" "$app" "$fpm_f"); then
  seq_requests "$web_f" f- "$F_N" "$tmp/f-bodies.jsonl" "$tmp/f-times"
  bad=$?
  [ "$bad" = 0 ] || e2e_fail f-requests "$bad of $F_N requests failed"
  flog="$tmp/f-fpm/php-fpm.log"
  warned=$(grep -c 'spectra: php-fpm process_control_timeout is 0 in ' "$flog" "$tmp/f-fpm/php-fpm.stdout" 2>/dev/null | awk -F: '{ n += $NF } END { print n + 0 }')
  [ "$warned" = 1 ] && e2e_ok f-startup-warning "the master warned once: $(grep -h -o 'process_control_timeout is 0 in [^:]*' "$flog" "$tmp/f-fpm/php-fpm.stdout" | head -n 1)" \
    || e2e_fail f-startup-warning "$warned warning lines about process_control_timeout = 0"
  e2e_stop_server "$tmp/f-nginx"
  e2e_stop_server "$tmp/f-fpm"
  lost=$(grep -h -o 'spectra: SIGTERM: [0-9]* spans not sent are lost' "$flog" 2>/dev/null | awk '{ n += $3 } END { print n + 0 }')
  lines=$(grep -c 'spectra: SIGTERM: ' "$flog" 2>/dev/null)
  if [ "$bad" = 0 ] && [ "$lost" = "$F_N" ]; then
    e2e_ok f-stop-loss-logged "$lines worker(s) killed by SIGTERM logged $lost lost spans, all $F_N of the requests"
  else
    e2e_fail f-stop-loss-logged "SIGTERM lines: ${lines:-0}, spans logged lost: $lost, expected $F_N; $(grep -h 'spectra:' "$flog" | head -n 3 | paste -sd '|' -)"
  fi
  e2e_gate_open "$tmp/f-recv"
else
  e2e_fail f-setup "receiver, php-fpm or nginx did not start"
  e2e_stop_server "$tmp/f-nginx"
  e2e_stop_server "$tmp/f-fpm"
fi
fi

if want g; then
# ---- (g) batching across requests, with recycling ------------------------------------------
echo "-- (g) 300 requests (4 at a time) on 2 workers recycled every 60: far fewer POSTs than requests, every span delivered"
G_N=300
mkdir -p "$tmp/g-recv"
if recv_g=$(e2e_start_receiver "$tmp/g-recv") && spectra_pool "$recv_g" \
  && fpm_g=$(e2e_start_fpm "$tmp/g-fpm" "$app" "pm = static" "pm.max_children = 2" "pm.max_requests = 60" "${pool[@]}") \
  && web_g=$(e2e_start_nginx "$tmp/g-nginx" "$app" "$fpm_g"); then
  par_requests "$web_g" g- "$G_N" 4 "$tmp/g-bodies.jsonl" "$tmp/g-times"
  bad=$?
  [ "$bad" = 0 ] && e2e_ok g-all-200 "$G_N/$G_N answered 200" || e2e_fail g-all-200 "$bad of $G_N requests failed"
  results < <(delivered_wait g "$tmp/g-recv" g- "$G_N" "$tmp/g-bodies.jsonl" 30)
  posts=$(curl -fsS -m 5 "http://127.0.0.1:$recv_g/attempts" 2>/dev/null || echo 0)
  # one POST per request was the old behaviour; recycling adds one final flush per worker exit (10 here)
  if [ "$posts" -ge 1 ] && [ "$posts" -le $((G_N / 5)) ]; then
    e2e_ok g-batched "$posts POSTs for $G_N requests ($G_N spans)"
  else
    e2e_fail g-batched "$posts POSTs for $G_N requests (want at most $((G_N / 5)))"
  fi
  spectra_log_lines "$tmp/g-fpm"
  no_crash g "$tmp/g-fpm"
else
  e2e_fail g-setup "receiver, php-fpm or nginx did not start"
fi
e2e_stop_server "$tmp/g-nginx"
e2e_stop_server "$tmp/g-fpm"
fi

# ---- PHP errors in any pool -----------------------------------------------------------------
errors=$(cat "$tmp"/*-fpm/php-errors.log 2>/dev/null | grep -v '^$' | head -n 5)
if [ -z "$errors" ]; then
  e2e_ok no-php-errors "no PHP warnings or errors logged by any pool"
else
  e2e_fail no-php-errors "$(echo "$errors" | paste -sd '|' -)"
fi

info "suite time: $(( $(date +%s) - suite_started ))s"
e2e_stop_all
e2e_summary
