#!/usr/bin/env bash
# Sender throughput to a loopback collector: starts a discarding sink (bench/sink.sh; C by
# default, SINK=php for bench/otlp_sink.php), runs bench/sender_bench against it, then
# prints how many POSTs and bytes the sink received. Exits non-zero when any span was not
# delivered (sender_bench checks the exporter's counters).
#   bench/sender.sh [spans_per_run (100000)] [runs (7)] [spans_per_item (256)] [spans_per_post (512)]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
. ./sink.sh
make -s sender_bench
WORK=$(mktemp -d "${TMPDIR:-/tmp}/spectra-sender.XXXXXX")
trap 'stop_sink; rm -rf "$WORK"' EXIT
start_sink "$WORK"
echo "receiver: ${SINK:-c} sink on 127.0.0.1:$SINK_PORT; $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
./sender_bench "http://127.0.0.1:$SINK_PORT/v1/traces" "${1:-100000}" "${2:-7}" "${3:-256}" "${4:-0}"
if [ "${SINK:-c}" != php ]; then
	php -n -r 'echo "sink received: ", file_get_contents($argv[1]);' "http://127.0.0.1:$SINK_PORT/stats"
fi
