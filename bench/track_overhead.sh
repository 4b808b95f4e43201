#!/usr/bin/env bash
# What Spectra::track() adds per call, with export off, on, and with a listener.
# Starts a loopback OTLP sink that discards (bench/sink.sh: bench/otlp_sink, C; SINK=php for
# bench/otlp_sink.php), runs bench/track_overhead.php once per configuration and section:
#   time      wall time added per track() against the bare callback (table 1)
#   cpu       total CPU per tracked call, all threads, after the sender drained (table 2)
#   callgrind instructions per track(), request thread and sender thread (when valgrind is
#             installed)
# Timings are reported, never asserted; the script exits 1 when any row dropped, failed
# or did not send a span (the rows still print).
#
#   bench/track_overhead.sh
# Environment: SPECTRA_SO (default modules/spectra.so), PHP (default php),
#   BATCHES (200), CALLS (1000 per batch and loop), CPU_BATCHES (31), CPU_CALLS (5000),
#   CG_ITERATIONS (20000), SECTIONS ("time cpu callgrind"), SKIP_CALLGRIND=1 (= no
#   callgrind section), SINK (c or php).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SO=${SPECTRA_SO:-$ROOT/modules/spectra.so}
PHP=${PHP:-php}
BATCHES=${BATCHES:-200}
CALLS=${CALLS:-1000}
CPU_BATCHES=${CPU_BATCHES:-31}
CPU_CALLS=${CPU_CALLS:-5000}
CG_ITERATIONS=${CG_ITERATIONS:-20000}
SECTIONS=${SECTIONS:-time cpu callgrind}
if [ "${SKIP_CALLGRIND:-0}" = 1 ]; then
	SECTIONS=${SECTIONS//callgrind/}
fi
BENCH=$ROOT/bench/track_overhead.php
FAILED=0
# runs one row; a row that lost spans marks the whole run failed but the others still run
row() {
	"$@" || FAILED=1
}

if [ ! -f "$SO" ]; then
	echo "track_overhead.sh: $SO not found (build the extension first, or set SPECTRA_SO)" >&2
	exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/spectra-bench.XXXXXX")
. "$ROOT/bench/sink.sh"
trap 'stop_sink; rm -rf "$WORK"' EXIT
start_sink "$WORK"
ENDPOINT="http://127.0.0.1:$SINK_PORT/v1/traces"

BASE=(-n -d "extension=$SO" -d spectra.enabled=1 -d spectra.export_mode=after_response)
OFF=(-d spectra.otel.exporter=none)
ON=(-d spectra.otel.enabled=1 -d spectra.otel.exporter=otlp -d "spectra.otel.endpoint=$ENDPOINT" -d spectra.otel.protocol=http/protobuf)

echo "Spectra::track() overhead, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "$("$PHP" -n -r 'echo "PHP ", PHP_VERSION;'), export_mode=after_response, native span builder, ${SINK:-c} sink"

if [[ " $SECTIONS " == *" time "* ]]; then
	echo
	echo "added = per-batch mean of (track() - callback alone), microseconds; median / p10 / p90 over $BATCHES batches x $CALLS calls"
	printf "%-22s %8s %8s %8s %10s %9s %9s %9s %8s %7s\n" config added p10 p90 track_med bare_med queued sent dropped failed
	row "$PHP" "${BASE[@]}" "${OFF[@]}" "$BENCH" time "export off" "$BATCHES" "$CALLS"
	row "$PHP" "${BASE[@]}" "${ON[@]}" "$BENCH" time "export on" "$BATCHES" "$CALLS"
	row "$PHP" "${BASE[@]}" "${OFF[@]}" "$BENCH" time "export off + listener" "$BATCHES" "$CALLS" listener
	row "$PHP" "${BASE[@]}" "${ON[@]}" "$BENCH" time "export on + listener" "$BATCHES" "$CALLS" listener
fi

if [[ " $SECTIONS " == *" cpu "* ]]; then
	echo
	echo "CPU per call, all threads (getrusage), microseconds; medians over $CPU_BATCHES batches x $CPU_CALLS calls, each tracked batch flushed"
	printf "%-22s %9s %9s %9s %9s %9s %9s %9s %9s %8s %7s\n" config tracked bare added request sender ratio queued sent dropped failed
	row "$PHP" "${BASE[@]}" "${OFF[@]}" "$BENCH" cpu "export off" "$CPU_BATCHES" "$CPU_CALLS"
	row "$PHP" "${BASE[@]}" "${ON[@]}" "$BENCH" cpu "export on" "$CPU_BATCHES" "$CPU_CALLS"
fi

if [[ " $SECTIONS " != *" callgrind "* ]] || ! command -v valgrind >/dev/null; then
	if [[ " $SECTIONS " == *" callgrind "* ]]; then
		echo
		echo "(instruction counts skipped: no valgrind)"
	fi
	exit "$FAILED"
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
row count_config "export off" "" "${OFF[@]}"
row count_config "export on" "" "${ON[@]}"
row count_config "export off + listener" listener "${OFF[@]}"
row count_config "export on + listener" listener "${ON[@]}"
exit "$FAILED"
