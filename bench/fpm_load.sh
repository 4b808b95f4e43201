#!/usr/bin/env bash
# Benchmark (not a test): delivery under FPM load (issue 9). php-fpm8.2 + nginx, pm = static with
# 2 workers, REQUESTS tracked requests (tests/e2e/fpm/app/track.php, one track() each) CONCURRENCY
# at a time, against three pools that differ in one thing only:
#   on    export to a healthy loopback receiver
#   off   spectra.otel.exporter = none
#   slow  export to a receiver that answers every POST after 2 s
# Reports per pool: median and p99 time to last byte (ms), worker CPU per request (µs, utime+stime
# of the workers from /proc, sender threads included), collector POSTs per 1 000 requests, and,
# after a graceful stop (workers drain within spectra.shutdown_timeout_ms), spans received vs
# requests (lost = requests - spans decoded at the receiver). Fails (exit 1) when a pool lost spans.
#
#   bash bench/fpm_load.sh [REQUESTS (1000)] [CONCURRENCY (4)]
# Environment: POOLS (default "on off slow"), MODE (spectra.export_mode, default after_response),
#   SHUTDOWN_MS (spectra.shutdown_timeout_ms, default 10000: enough for the slow pool's last POST).
# Needs php8.2-fpm, nginx-light, curl and a built modules/spectra.so (or E2E_SPECTRA_SO=path).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../tests/e2e/lib.sh
. "$root/tests/e2e/lib.sh"
app=$root/tests/e2e/fpm/app
n=${1:-1000}
conc=${2:-4}
so=$(e2e_spectra_so) || exit 1
export E2E_SPECTRA_SO=$so
tmp=$(e2e_tmpdir) || exit 1
mock=$(e2e_start_mock_provider) || exit 1
read -r -a pools <<<"${POOLS:-on off slow}"
declare -A recv web
for p in "${pools[@]}"; do
  mkdir -p "$tmp/$p-recv"
  [ "$p" = slow ] && echo '{"delay_ms":2000}' >"$tmp/$p-recv/mode"
  recv[$p]=$(E2E_RECEIVER_WORKERS=16 e2e_start_receiver "$tmp/$p-recv") || exit 1
  lines=("pm = static" "pm.max_children = 2" "env[SPECTRA_E2E_MOCK_URL] = http://127.0.0.1:$mock"
    "php_admin_value[spectra.otel.enabled] = 1" "php_admin_value[spectra.otel.protocol] = http/json"
    "php_admin_value[spectra.shutdown_timeout_ms] = ${SHUTDOWN_MS:-10000}"
    "php_admin_value[spectra.export_mode] = ${MODE:-after_response}"
    "php_admin_value[spectra.otel.endpoint] = http://127.0.0.1:${recv[$p]}/v1/traces")
  [ "$p" = off ] && lines+=("php_admin_value[spectra.otel.exporter] = none")
  fpm=$(e2e_start_fpm "$tmp/$p-fpm" "$app" "${lines[@]}") || exit 1
  web[$p]=$(e2e_start_nginx "$tmp/$p-nginx" "$app" "$fpm") || exit 1
done

worker_ticks() { # CONF_DIR -> utime+stime ticks of the pool's workers
  local master pid sum=0 stat
  master=$(cat "$1/php-fpm.pid")
  for pid in $(ps --ppid "$master" -o pid=); do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    stat=${stat##*) }
    # fields after the command: 12 = utime, 13 = stime (1-based from state)
    sum=$((sum + $(awk '{ print $12 + $13 }' <<<"$stat")))
  done
  echo "$sum"
}
hz=$(getconf CLK_TCK)
echo "fpm_load: $n requests per pool, $conc at a time, 2 workers per pool; extension $so"
for p in "${pools[@]}"; do
  for ((i = 1; i <= 20; i++)); do curl -sS -m 30 -o /dev/null "http://127.0.0.1:${web[$p]}/track.php?id=w$p$i"; done
done
printf '%-5s %8s %9s %9s %12s %14s %10s %8s\n' pool answered med_ms p99_ms cpu_us/req posts/1000req spans_recv lost
status=0
for p in "${pools[@]}"; do
  attempts_before=$(curl -fsS -m 5 "http://127.0.0.1:${recv[$p]}/attempts")
  ticks_before=$(worker_ticks "$tmp/$p-fpm")
  seq 1 "$n" | xargs -P "$conc" -I{} curl -sS -m 60 -o /dev/null -w '%{time_total} %{http_code}\n' \
    "http://127.0.0.1:${web[$p]}/track.php?id=$p-{}" >"$tmp/$p.times" 2>/dev/null
  ticks_after=$(worker_ticks "$tmp/$p-fpm")
  awk '$2 == 200 { print $1 }' "$tmp/$p.times" >"$tmp/$p.ok"
  answered=$(wc -l <"$tmp/$p.ok")
  e2e_stop_server "$tmp/$p-nginx"
  e2e_stop_server "$tmp/$p-fpm" # graceful: workers drain their queues
  sleep 0.5
  attempts=$(( $(curl -fsS -m 5 "http://127.0.0.1:${recv[$p]}/attempts") - attempts_before ))
  spans=$("$E2E_PHP" -n -r '$n = 0; foreach (glob($argv[1] . "/*.bin") as $f) { $j = json_decode(file_get_contents($f), true);
      foreach ($j["resourceSpans"] ?? [] as $rs) foreach ($rs["scopeSpans"] ?? [] as $ss) foreach ($ss["spans"] ?? [] as $s)
        if (str_starts_with(json_encode($s), "{") && str_contains(json_encode($s), "\"'"$p"'-")) $n++; } echo $n;' "$tmp/$p-recv")
  pct=$("$E2E_PHP" -n -r '$t = array_map("floatval", file($argv[1])); sort($t); $c = count($t);
      printf("%.3f %.3f", 1000 * $t[intdiv($c, 2)], 1000 * $t[min($c - 1, (int) ceil($c * 0.99) - 1)]);' "$tmp/$p.ok")
  cpu=$(awk -v a="$ticks_before" -v b="$ticks_after" -v hz="$hz" -v n="$n" 'BEGIN { printf "%.0f", (b - a) / hz * 1e6 / n }')
  if [ "$p" = off ]; then lost=0; spans=-; else lost=$((n - spans)); fi
  printf '%-5s %8s %9s %9s %12s %14s %10s %8s\n' "$p" "$answered" ${pct} "$cpu" \
    "$(awk -v a="$attempts" -v n="$n" 'BEGIN { printf "%.1f", a * 1000 / n }')" "$spans" "$lost"
  [ "$lost" = 0 ] || status=1
done
[ "$status" = 0 ] && echo "fpm_load: no span lost" || echo "fpm_load: SPANS LOST" >&2
e2e_stop_all
exit "$status"
