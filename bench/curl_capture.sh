#!/usr/bin/env bash
# What spectra.auto_capture=1 adds per curl request (bench/curl_capture.php) to a loopback
# host, against PHP without the extension. The host is bench/otlp_sink (C, keep-alive,
# answers every POST 200 at once), so the server costs little and the same each time.
#   rows  no extension | loaded, auto_capture=0 | auto_capture=1, a non-provider host |
#         auto_capture=1 with the host made a provider (spectra.providers.openai.hosts: every
#         request a record) | the same request inside Spectra::track(), auto_capture=0;
#         then the same non-provider request without the network ("offline": libcurl refuses
#         the protocol at once), a new handle each time and one handle reused with
#         curl_reset(), each against no extension: a loopback round trip costs ~200 µs and
#         varies by more than the few hundred ns capture adds, offline it is ~6-25 µs
#   time       median of per-batch means (ns per request), and the ratio to its baseline
#              (no extension, same flow); the configurations run interleaved, batch by
#              batch, so drift hits them alike
#   callgrind  instructions per request of the PHP process (when valgrind is installed):
#              the difference of two runs with different request counts, per request; and
#              of those, the ones in PHP itself, ext/curl and the extension (their own code,
#              not libcurl's or libc's, which move with timing by a few hundred either way)
# Then the engine's own price per PHP call once an observer exists (bench/observer_tax.php),
# counted and timed; the timed loop gives ns per instruction of PHP's code on this machine,
# to read the added instructions as time.
# Export is off (spectra.otel.exporter=none). Timings are reported, never asserted; run it
# on an idle machine.
# Environment: PHP (php), SPECTRA_SO (modules/spectra.so), ROUNDS (15), CALLS (500 per
# batch; offline rows 20x), CG_CALLS (2000), SKIP_CALLGRIND=1.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SO=${SPECTRA_SO:-$ROOT/modules/spectra.so}
PHP=${PHP:-php}
ROUNDS=${ROUNDS:-15}
CALLS=${CALLS:-500}
CG_CALLS=${CG_CALLS:-2000}
[ -f "$SO" ] || { echo "curl_capture.sh: $SO not found (build first)" >&2; exit 2; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/spectra-curl-bench.XXXXXX")
. "$ROOT/bench/sink.sh"
trap 'stop_sink; rm -rf "$WORK"' EXIT
start_sink "$WORK"
URL="http://127.0.0.1:$SINK_PORT/v1/traces"
BENCH=$ROOT/bench/curl_capture.php

EXT=(-d "extension=$SO" -d spectra.otel.exporter=none)
NONE="-n -d extension=curl"
CAPTURE="-n -d extension=curl ${EXT[*]} -d spectra.auto_capture=1"
declare -A ARGS=(
	[none]="$NONE"
	[loaded]="-n -d extension=curl ${EXT[*]} -d spectra.auto_capture=0"
	[capture]="$CAPTURE"
	[capture_ai]="$CAPTURE -d spectra.providers.openai.hosts=127.0.0.1"
	[track]="-n -d extension=curl ${EXT[*]} -d spectra.auto_capture=0"
	[off_none]="$NONE" [off_capture]="$CAPTURE" [reuse_none]="$NONE" [reuse_capture]="$CAPTURE"
)
# the flags bench/curl_capture.php takes, and the row each is measured against
declare -A FLAGS=([track]=track [off_none]=offline [off_capture]=offline [reuse_none]="reuse offline"
	[reuse_capture]="reuse offline")
declare -A BASE=([off_none]=off_none [off_capture]=off_none [reuse_none]=reuse_none [reuse_capture]=reuse_none)
ROWS=(none loaded capture capture_ai track off_none off_capture reuse_none reuse_capture)
declare -A LABEL=(
	[none]="no extension"
	[loaded]="loaded, auto_capture=0"
	[capture]="auto_capture=1, other host"
	[capture_ai]="auto_capture=1, provider host (a record each)"
	[track]="track() around it, auto_capture=0"
	[off_none]="offline, new handle: no extension"
	[off_capture]="offline, new handle: auto_capture=1"
	[reuse_none]="offline, reused handle: no extension"
	[reuse_capture]="offline, reused handle: auto_capture=1"
)

for round in $(seq "$ROUNDS"); do
	for row in "${ROWS[@]}"; do
		calls=$CALLS
		case "${FLAGS[$row]:-}" in *offline*) calls=$((CALLS * 20)) ;; esac
		# shellcheck disable=SC2086
		"$PHP" ${ARGS[$row]} "$BENCH" "$URL" 1 "$calls" ${FLAGS[$row]:-} >>"$WORK/$row.ns"
	done
done

median() { sort -n "$1" | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
printf '%-48s %12s %8s %10s\n' "curl request to a loopback host" "median ns" "ratio" "added ns"
for row in "${ROWS[@]}"; do
	m=$(median "$WORK/$row.ns")
	base=$(median "$WORK/${BASE[$row]:-none}.ns")
	printf '%-48s %12s %8s %10s\n' "${LABEL[$row]}" "$m" "$(awk -v a="$m" -v b="$base" 'BEGIN {printf "%.3f", a / b}')" "$((m - base))"
done

# inclusive instructions of the observer's begin/end calls (ours inside them) in a callgrind file
observed() { # callgrind.out
	callgrind_annotate --inclusive=yes --threshold=100 "$1" 2>/dev/null |
		awk '/zend_observer_fcall_(begin|end) / {gsub(",", "", $1); s += $1} END {print s + 0}'
}

# self instructions of the php binary, ext/curl and the extension in a callgrind file (the
# cost lines under each ob=, a call's inclusive line skipped; names are given once, on ob= or cob=)
php_side() { # callgrind.out
	awk -v php="$(basename "$(readlink -f "$(command -v "$PHP")")")" -v ext="$(basename "$SO")" '
		function object(text, close_at, id) {
			close_at = index(text, ")")
			id = substr(text, 2, close_at - 2)
			if (length(text) > close_at + 1) name[id] = substr(text, close_at + 2)
			return name[id]
		}
		/^ob=/ { n = split(object(substr($0, 4)), part, "/"); current = part[n]; next }
		/^cob=/ { object(substr($0, 5)); next }
		/^calls=/ { call_line = 1; next }
		/^[0-9+*-]/ {
			if (call_line) { call_line = 0; next }
			if (current == php || current == "curl.so" || current == ext) s += $2
		}
		END { print s + 0 }' "$1"
}

if [ "${SKIP_CALLGRIND:-0}" != 1 ] && command -v valgrind >/dev/null; then
	echo
	printf '%-48s %14s %12s %14s %12s\n' "callgrind, PHP process, per request" "instructions" "added" "in observers" \
		"PHP+ext added"
	declare -A PER PHP_SIDE
	for row in "${ROWS[@]}"; do
		counts=()
		in_observers=()
		php_sides=()
		for n in $((CG_CALLS / 2)) "$CG_CALLS"; do
			# shellcheck disable=SC2086
			valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" -q "$PHP" ${ARGS[$row]} -d pcre.jit=0 \
				"$BENCH" "$URL" 1 "$n" ${FLAGS[$row]:-} >/dev/null 2>"$WORK/cg.err" || { cat "$WORK/cg.err" >&2; exit 1; }
			counts+=("$(awk '/^summary:/ {print $2}' "$WORK/cg.out")")
			in_observers+=("$(observed "$WORK/cg.out")")
			php_sides+=("$(php_side "$WORK/cg.out")")
		done
		PER[$row]=$(( (counts[1] - counts[0]) / (CG_CALLS / 2) ))
		PHP_SIDE[$row]=$(( (php_sides[1] - php_sides[0]) / (CG_CALLS / 2) ))
		printf '%-48s %14s %12s %14s %12s\n' "${LABEL[$row]}" "${PER[$row]}" "$((PER[$row] - ${PER[${BASE[$row]:-none}]}))" \
			"$(( (in_observers[1] - in_observers[0]) / (CG_CALLS / 2) ))" \
			"$((PHP_SIDE[$row] - ${PHP_SIDE[${BASE[$row]:-none}]}))"
	done
	# the engine's own price, paid by every PHP call in the process once an observer exists
	tax=()
	for args in "$NONE" "$CAPTURE"; do
		steps=()
		for n in 10000 30000; do
			# shellcheck disable=SC2086
			valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" -q "$PHP" $args "$ROOT/bench/observer_tax.php" \
				"$n" >/dev/null 2>"$WORK/cg.err" || { cat "$WORK/cg.err" >&2; exit 1; }
			steps+=("$(awk '/^summary:/ {print $2}' "$WORK/cg.out")")
		done
		tax+=($(( (steps[1] - steps[0]) / 20000 )))
	done
	printf '%-48s %14s %12s\n' "any PHP call no observer watches (engine), each" "$((tax[0] / 2))" \
		"$(( (tax[1] - tax[0]) / 2 ))"
	# the same loop timed: what an instruction of PHP's own code costs here, to read the
	# instruction counts above as time (a request's few hundred ns drown in the noise of
	# its wall time; a tight loop of the engine's code times steadily)
	for round in $(seq "$ROUNDS"); do
		# shellcheck disable=SC2086
		"$PHP" $NONE "$ROOT/bench/observer_tax.php" 200000 time >>"$WORK/tax_none.ns"
		# shellcheck disable=SC2086
		"$PHP" $CAPTURE "$ROOT/bench/observer_tax.php" 200000 time >>"$WORK/tax_capture.ns"
	done
	step_ns=$(median "$WORK/tax_none.ns")
	step_capture_ns=$(median "$WORK/tax_capture.ns")
	ns_per_instruction=$(awk -v t="$step_ns" -v i="${tax[0]}" 'BEGIN {printf "%.4f", t / i}')
	echo
	printf '%-48s %14s %12s\n' "timed (median of $ROUNDS processes)" "ns" "added ns"
	printf '%-48s %14s %12s\n' "any PHP call no observer watches, each" \
		"$(awk -v t="$step_ns" 'BEGIN {printf "%.1f", t / 2}')" \
		"$(awk -v a="$step_capture_ns" -v b="$step_ns" 'BEGIN {printf "%.1f", (a - b) / 2}')"
	echo "PHP's own code here: $ns_per_instruction ns per instruction (the loop above, no extension); so"
	for row in capture off_capture reuse_capture; do
		printf '  %-60s %6s\n' "${LABEL[$row]}: PHP+ext added, as ns" \
			"$(awk -v n="$((PHP_SIDE[$row] - ${PHP_SIDE[${BASE[$row]:-none}]}))" -v r="$ns_per_instruction" \
				'BEGIN {printf "%.0f", n * r}')"
	done
	echo "(whole-process differences include libcurl's own variation with timing, a few hundred"
	echo " instructions either way; \"in observers\" is the observer calls alone, ours inside them;"
	echo " \"PHP+ext added\" counts only PHP's, ext/curl's and the extension's own instructions, the"
	echo " engine's observer machinery included, against no extension)"
fi
