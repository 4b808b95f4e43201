#!/usr/bin/env bash
# The 1 000 000-call burst of issue 9 against a healthy loopback collector (bench/otlp_sink.php,
# which answers every POST 200 at once and stores nothing). Reports the timing and the
# exporter's queued/sent/dropped counters; exits 1 (loudly) when any span was dropped.
#
#   bench/burst.sh [CALLS (1000000)] [MODE (after_response)]
# Environment: SPECTRA_SO (default modules/spectra.so), PHP (default php), extra INI settings
#   in SPECTRA_INI ("-d k=v -d k=v").
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SO=${SPECTRA_SO:-$ROOT/modules/spectra.so}
PHP=${PHP:-php}
CALLS=${1:-1000000}
MODE=${2:-after_response}
[ -f "$SO" ] || { echo "burst.sh: $SO not found" >&2; exit 2; }
PORT=$("$PHP" -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')
"$PHP" -n -S "127.0.0.1:$PORT" "$ROOT/bench/otlp_sink.php" >/dev/null 2>&1 &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null || true; wait $SINK_PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -s "http://127.0.0.1:$PORT/ready" >/dev/null 2>&1 && break
  sleep 0.05
done
# shellcheck disable=SC2086
"$PHP" -n -d "extension=$SO" -d spectra.otel.enabled=1 -d "spectra.otel.endpoint=http://127.0.0.1:$PORT/v1/traces" \
  -d "spectra.export_mode=$MODE" ${SPECTRA_INI:-} "$ROOT/bench/burst.php" "$CALLS"
