#!/usr/bin/env bash
# What spectra.auto_capture=1 adds per curl request (bench/curl_capture.php) to a loopback
# host, against PHP without the extension. The host is bench/otlp_sink (C, keep-alive,
# answers every POST 200 at once), so the server costs little and the same each time.
#   rows  no extension | loaded, auto_capture=0 | auto_capture=1, a non-provider host |
#         auto_capture=1 with the host made a provider (spectra.providers.openai.hosts: every
#         request a record) | the same request inside Spectra::track(), auto_capture=0
#   time       median of per-batch means (ns per request), and the ratio to no extension;
#              the configurations run interleaved, batch by batch, so drift hits them alike
#   callgrind  instructions per request of the PHP process (when valgrind is installed):
#              the difference of two runs with different request counts, per request; and
#              of those, the ones in PHP itself, ext/curl and the extension (their own code,
#              not libcurl's or libc's, which move with timing by a few hundred either way)
# Export is off (spectra.otel.exporter=none). Timings are reported, never asserted.
# Environment: PHP (php), SPECTRA_SO (modules/spectra.so), ROUNDS (15), CALLS (500 per
# batch), CG_CALLS (2000), SKIP_CALLGRIND=1.
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
declare -A ARGS=(
	[none]="-n -d extension=curl"
	[loaded]="-n -d extension=curl ${EXT[*]} -d spectra.auto_capture=0"
	[capture]="-n -d extension=curl ${EXT[*]} -d spectra.auto_capture=1"
	[capture_ai]="-n -d extension=curl ${EXT[*]} -d spectra.auto_capture=1 -d spectra.providers.openai.hosts=127.0.0.1"
	[track]="-n -d extension=curl ${EXT[*]} -d spectra.auto_capture=0"
)
ROWS=(none loaded capture capture_ai track)
declare -A LABEL=(
	[none]="no extension"
	[loaded]="loaded, auto_capture=0"
	[capture]="auto_capture=1, other host"
	[capture_ai]="auto_capture=1, provider host (a record each)"
	[track]="track() around it, auto_capture=0"
)

for round in $(seq "$ROUNDS"); do
	for row in "${ROWS[@]}"; do
		extra=""
		[ "$row" = track ] && extra=track
		# shellcheck disable=SC2086
		"$PHP" ${ARGS[$row]} "$BENCH" "$URL" 1 "$CALLS" $extra >>"$WORK/$row.ns"
	done
done

median() { sort -n "$1" | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
base=$(median "$WORK/none.ns")
printf '%-48s %12s %8s %10s\n' "curl request to a loopback host" "median ns" "ratio" "added ns"
for row in "${ROWS[@]}"; do
	m=$(median "$WORK/$row.ns")
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
		extra=""
		[ "$row" = track ] && extra=track
		counts=()
		in_observers=()
		php_sides=()
		for n in $((CG_CALLS / 2)) "$CG_CALLS"; do
			# shellcheck disable=SC2086
			valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" -q "$PHP" ${ARGS[$row]} -d pcre.jit=0 \
				"$BENCH" "$URL" 1 "$n" $extra >/dev/null 2>"$WORK/cg.err" || { cat "$WORK/cg.err" >&2; exit 1; }
			counts+=("$(awk '/^summary:/ {print $2}' "$WORK/cg.out")")
			in_observers+=("$(observed "$WORK/cg.out")")
			php_sides+=("$(php_side "$WORK/cg.out")")
		done
		PER[$row]=$(( (counts[1] - counts[0]) / (CG_CALLS / 2) ))
		PHP_SIDE[$row]=$(( (php_sides[1] - php_sides[0]) / (CG_CALLS / 2) ))
		printf '%-48s %14s %12s %14s %12s\n' "${LABEL[$row]}" "${PER[$row]}" "$((PER[$row] - ${PER[none]}))" \
			"$(( (in_observers[1] - in_observers[0]) / (CG_CALLS / 2) ))" "$((PHP_SIDE[$row] - ${PHP_SIDE[none]}))"
	done
	echo "(whole-process differences include libcurl's own variation with timing, a few hundred"
	echo " instructions either way; \"in observers\" is the observer calls alone, ours inside them;"
	echo " \"PHP+ext added\" counts only PHP's, ext/curl's and the extension's own instructions, the"
	echo " engine's observer machinery included, against no extension)"
fi
