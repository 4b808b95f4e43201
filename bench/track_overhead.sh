#!/usr/bin/env bash
# What Spectra::track() adds per call, with export off, on, and with a listener.
# Starts a loopback OTLP sink (bench/otlp_sink.php under `php -n -S`), runs
# bench/track_overhead.php once per configuration, prints a table, then (when valgrind is
# installed) counts instructions per track() with callgrind. Reports, never asserts.
#
#   bench/track_overhead.sh
# Environment: SPECTRA_SO (default modules/spectra.so), PHP (default php),
#   BATCHES (200), CALLS (1000 per batch and loop), CG_ITERATIONS (20000),
#   SKIP_CALLGRIND=1 to skip the instruction counts.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SO=${SPECTRA_SO:-$ROOT/modules/spectra.so}
PHP=${PHP:-php}
BATCHES=${BATCHES:-200}
CALLS=${CALLS:-1000}
CG_ITERATIONS=${CG_ITERATIONS:-20000}
BENCH=$ROOT/bench/track_overhead.php

if [ ! -f "$SO" ]; then
	echo "track_overhead.sh: $SO not found (build the extension first, or set SPECTRA_SO)" >&2
	exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/spectra-bench.XXXXXX")
SINK_PID=
cleanup() {
	if [ -n "$SINK_PID" ]; then
		kill "$SINK_PID" 2>/dev/null || true
		wait "$SINK_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$("$PHP" -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')
"$PHP" -n -S "127.0.0.1:$PORT" "$ROOT/bench/otlp_sink.php" >/dev/null 2>&1 &
SINK_PID=$!
for _ in $(seq 100); do
	if "$PHP" -n -r 'exit(@file_get_contents($argv[1]) === "ok\n" ? 0 : 1);' "http://127.0.0.1:$PORT/ready"; then
		break
	fi
	sleep 0.05
done
ENDPOINT="http://127.0.0.1:$PORT/v1/traces"

BASE=(-n -d "extension=$SO" -d spectra.enabled=1 -d spectra.export_mode=after_response)
OFF=(-d spectra.otel.exporter=none)
ON=(-d spectra.otel.enabled=1 -d spectra.otel.exporter=otlp -d "spectra.otel.endpoint=$ENDPOINT" -d spectra.otel.protocol=http/protobuf)

echo "Spectra::track() overhead, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "$("$PHP" -n -r 'echo "PHP ", PHP_VERSION;'), export_mode=after_response, native span builder, $BATCHES batches x $CALLS calls per loop"
echo
echo "added = per-batch mean of (track() - callback alone), microseconds; median / p10 / p90 over batches"
printf "%-22s %8s %8s %8s %10s %9s %9s %8s %7s\n" config added p10 p90 track_med bare_med sent dropped failed
"$PHP" "${BASE[@]}" "${OFF[@]}" "$BENCH" time "export off" "$BATCHES" "$CALLS"
"$PHP" "${BASE[@]}" "${ON[@]}" "$BENCH" time "export on" "$BATCHES" "$CALLS"
"$PHP" "${BASE[@]}" "${OFF[@]}" "$BENCH" time "export off + listener" "$BATCHES" "$CALLS" listener
"$PHP" "${BASE[@]}" "${ON[@]}" "$BENCH" time "export on + listener" "$BATCHES" "$CALLS" listener

if [ "${SKIP_CALLGRIND:-0}" = 1 ] || ! command -v valgrind >/dev/null; then
	echo
	echo "(instruction counts skipped: SKIP_CALLGRIND=1 or no valgrind)"
	exit 0
fi

# Sum of the instructions of one thread (-01 = the PHP thread) or of all the others.
thread_ir() { # file_prefix main|others
	local total=0 f n
	for f in "$1"-[0-9]*; do
		n=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$f")
		case "$f" in
			*-01) [ "$2" = main ] && total=$((total + n)) ;;
			*) [ "$2" = others ] && total=$((total + n)) ;;
		esac
	done
	echo "$total"
}

count_config() { # label listener-arg ini...
	local label=$1 listener=$2
	shift 2
	local which
	for which in track bare; do
		valgrind -q --tool=callgrind --separate-threads=yes --callgrind-out-file="$WORK/cg.$which" \
			"$PHP" "${BASE[@]}" -d pcre.jit=0 "$@" "$BENCH" count "$which" "$CG_ITERATIONS" $listener \
			>/dev/null 2>"$WORK/valgrind.log" || {
			cat "$WORK/valgrind.log" >&2
			return 1
		}
	done
	local track_main bare_main track_other bare_other
	track_main=$(thread_ir "$WORK/cg.track" main)
	bare_main=$(thread_ir "$WORK/cg.bare" main)
	track_other=$(thread_ir "$WORK/cg.track" others)
	bare_other=$(thread_ir "$WORK/cg.bare" others)
	printf "%-22s %14d %16d\n" "$label" $(((track_main - bare_main) / CG_ITERATIONS)) \
		$(((track_other - bare_other) / CG_ITERATIONS))
	rm -f "$WORK"/cg.*
}

echo
echo "instructions per track() (callgrind, $CG_ITERATIONS iterations, (track run - bare run) / iterations)"
printf "%-22s %14s %16s\n" config "PHP thread" "sender thread"
count_config "export off" "" "${OFF[@]}"
count_config "export on" "" "${ON[@]}"
count_config "export off + listener" listener "${OFF[@]}"
count_config "export on + listener" listener "${ON[@]}"
