#!/usr/bin/env bash
# Benchmark (not a test): time to last byte of a tracked request under php-fpm8.2 + nginx
# while the OTLP collector answers after 2 s, for three pools that differ in one thing only:
#   on     spectra.so loaded, export to the slow receiver (after_response mode)
#   off    spectra.so loaded, spectra.otel.exporter = none
#   noext  spectra.so not loaded (the app calls the provider directly)
# Each pool: pm = static, 2 workers; the app (tests/e2e/fpm/app/track.php) POSTs a chat
# completion to the local mock provider inside Spectra::track(). Requests are sequential and
# interleaved on|off|noext so drift and neighbours' load hit all three alike; a warm-up round
# is discarded. Prints n, median, p95 (ms) per pool and the on-off delta (target: within 1 ms).
#
#   bash bench/fpm_ttlb.sh [REQUESTS_PER_POOL (default 300, at least 50)]
#
# Needs php8.2-fpm, nginx-light, curl and a built modules/spectra.so. Everything it starts
# is stopped on exit (tests/e2e/lib.sh's EXIT trap).
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../tests/e2e/lib.sh
. "$root/tests/e2e/lib.sh"
app=$root/tests/e2e/fpm/app
n=${1:-300}
[ "$n" -ge 50 ] 2>/dev/null || { echo "requests per pool must be a number >= 50" >&2; exit 2; }
warmup=20

for bin in "$E2E_FPM_BIN" "$E2E_NGINX_BIN"; do
  [ -x "$bin" ] || { echo "$bin is not installed (bash tools/install-deps.sh)" >&2; exit 1; }
done
# a private copy of modules/spectra.so (a rebuild in place would crash the workers mid-run)
so=$(e2e_spectra_so) || exit 1
export E2E_SPECTRA_SO=$so

tmp=$(e2e_tmpdir) || exit 1
mock=$(e2e_start_mock_provider) || exit 1
mkdir -p "$tmp/recv"
echo '{"delay_ms":2000}' >"$tmp/recv/mode"
recv=$(e2e_start_receiver "$tmp/recv") || exit 1

common=("pm = static" "pm.max_children = 2" "env[SPECTRA_E2E_MOCK_URL] = http://127.0.0.1:$mock"
  "php_admin_value[spectra.otel.enabled] = 1"
  "php_admin_value[spectra.otel.endpoint] = http://127.0.0.1:$recv/v1/traces")
declare -A web
fpm=$(e2e_start_fpm "$tmp/on-fpm" "$app" "${common[@]}") || exit 1
web[on]=$(e2e_start_nginx "$tmp/on-nginx" "$app" "$fpm") || exit 1
fpm=$(e2e_start_fpm "$tmp/off-fpm" "$app" "${common[@]}" "php_admin_value[spectra.otel.exporter] = none") || exit 1
web[off]=$(e2e_start_nginx "$tmp/off-nginx" "$app" "$fpm") || exit 1
fpm=$(E2E_SPECTRA_SO=none e2e_start_fpm "$tmp/noext-fpm" "$app" "${common[@]}") || exit 1
web[noext]=$(e2e_start_nginx "$tmp/noext-nginx" "$app" "$fpm") || exit 1

pools=(on off noext)
errors=0
one() { # POOL ID OUT_FILE
  local r code t
  r=$(curl -sS -m 30 -o "$tmp/body" -w '%{http_code} %{time_total}' "http://127.0.0.1:${web[$1]}/track.php?id=$2" 2>/dev/null)
  read -r code t <<<"$r"
  if [ "$code" != 200 ] || ! grep -q 'Hello from the local mock provider' "$tmp/body"; then
    errors=$((errors + 1))
    [ "$errors" -le 3 ] && echo "  $1 request $2: HTTP $code $(head -c 200 "$tmp/body")" >&2
    return
  fi
  [ -n "$3" ] && echo "$t" >>"$3"
}

echo "fpm_ttlb: $n sequential requests per pool (after $warmup warm-up each), interleaved; collector delay 2000 ms"
for ((i = 1; i <= warmup; i++)); do
  for p in "${pools[@]}"; do one "$p" "w$i" ""; done
done
for ((i = 1; i <= n; i++)); do
  for p in "${pools[@]}"; do one "$p" "$i" "$tmp/$p.times"; done
done

declare -A median p95
printf '%-6s %5s %10s %10s %10s %10s\n' pool n min_ms median_ms p95_ms max_ms
for p in "${pools[@]}"; do
  line=$("$E2E_PHP" -n "$root/tests/e2e/fpm/check.php" percentiles "$tmp/$p.times")
  # n=300 min=1.234 median=2.345 p95=3.456 max=9.876
  eval "$(sed 's/\([a-z0-9]*\)=/local_\1=/g' <<<"$line")"
  # shellcheck disable=SC2154
  printf '%-6s %5s %10s %10s %10s %10s\n' "$p" "$local_n" "$local_min" "$local_median" "$local_p95" "$local_max"
  median[$p]=$local_median
  p95[$p]=$local_p95
done
delta() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%+.3f", a - b }'; }
d_med=$(delta "${median[on]}" "${median[off]}")
d_p95=$(delta "${p95[on]}" "${p95[off]}")
echo "on - off:   median $d_med ms, p95 $d_p95 ms"
echo "on - noext: median $(delta "${median[on]}" "${median[noext]}") ms, p95 $(delta "${p95[on]}" "${p95[noext]}") ms"
echo "off - noext: median $(delta "${median[off]}" "${median[noext]}") ms, p95 $(delta "${p95[off]}" "${p95[noext]}") ms"
if awk -v d="$d_med" 'BEGIN { exit !(d <= 1.0 && d >= -1.0) }'; then
  echo "target (export on vs off within 1 ms at the median): met"
else
  echo "target (export on vs off within 1 ms at the median): MISSED"
fi
# the export pool's backlog at the end (the 2 s collector takes one POST per worker at a time)
stats=$(curl -sS -m 10 "http://127.0.0.1:${web[on]}/stats.php" 2>/dev/null)
echo "export pool, one worker's stats: $("$E2E_PHP" -n -r '$s = json_decode($argv[1], true) ?: [];
  printf("queued=%s sent=%s failed=%s dropped=%s queue_bytes=%s", $s["queued"] ?? "?", $s["sent"] ?? "?",
    $s["failed"] ?? "?", $s["dropped"] ?? "?", $s["queue_bytes"] ?? "?");' "$stats"); receiver stored $(e2e_receiver_count "$recv") bodies so far"
[ "$errors" -eq 0 ] || echo "errors: $errors requests failed (not counted)"
lost=$("$E2E_PHP" -n -r '$s = json_decode($argv[1], true) ?: []; echo ($s["dropped"] ?? 0) + ($s["failed"] ?? 0);' "$stats")
echo "stopping (the export pool's workers flush for up to spectra.shutdown_timeout_ms, then drop the backlog)"
e2e_stop_all
if [ "${lost:-0}" != 0 ]; then
  echo "FAILED: the export pool's worker dropped or failed $lost spans: the timings above are of a sender that skipped work" >&2
  exit 1
fi
