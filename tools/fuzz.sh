#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz, one after another (needs clang and
# libclang-rt-14-dev; builds them first with make -C tests/fuzz).
#
#   tools/fuzz.sh                 every harness for 60 seconds
#   tools/fuzz.sh 300             every harness for 300 seconds (also "300s")
#   tools/fuzz.sh 50000runs       every harness for 50000 inputs (also "50000r")
#   tools/fuzz.sh --short         CI lane: 20000 inputs each, -seed=1, from the committed
#                                 seeds only, so the run is the same every time
#   tools/fuzz.sh [...] NAME...   only these harnesses (make -C tests/fuzz list names them)
#
# Long runs keep the inputs they find in tests/fuzz/build/corpus/<harness> and start from
# there next time; the committed seeds in tests/fuzz/corpus/<harness> are read, never
# written. A crash, sanitizer report, leak or failed assertion leaves the input in
# tests/fuzz/build/crashes/ (replay: tests/fuzz/build/fuzz_<harness> <input>) and fails the
# harness. Logs: tests/fuzz/build/logs/. Prints a line per harness (inputs run, seconds,
# coverage) and ends with "N passed, N failed", one count per harness; exits non-zero on a
# failure.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
fuzz=$root/tests/fuzz

mode=time
amount=60
names=()
for arg in "$@"; do
	if [[ $arg =~ ^([0-9]+)(r|runs)$ ]]; then
		mode=runs
		amount=${BASH_REMATCH[1]}
	elif [[ $arg =~ ^([0-9]+)s?$ ]]; then
		mode=time
		amount=${BASH_REMATCH[1]}
	else
		case "$arg" in
			--short) mode=short ;;
			-h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
			-*) echo "fuzz.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
			*) names+=("$arg") ;;
		esac
	fi
done

if ! make -C "$fuzz" -s all >"$fuzz/build.log" 2>&1; then
	cat "$fuzz/build.log" >&2
	echo "fuzz.sh: building the harnesses failed (needs clang and libclang-rt-14-dev)" >&2
	echo "0 passed, 1 failed"
	exit 1
fi
rm -f "$fuzz/build.log"
read -r -a known <<<"$(make -C "$fuzz" -s list)"
[ ${#names[@]} -gt 0 ] || names=("${known[@]}")
for name in "${names[@]}"; do
	[[ " ${known[*]} " == *" $name "* ]] || { echo "fuzz.sh: no harness $name (known: ${known[*]})" >&2; exit 2; }
done

# Inputs longer than any sensible value only slow a parser of short strings down.
max_len() {
	case "$1" in
		hex|traceparent|trace_id|retry_after) echo 512 ;;
		tracestate) echo 20000 ;;
		kv_list|utf8|otlp_response_protobuf) echo 4096 ;;
		*) echo 16384 ;;
	esac
}

mkdir -p "$fuzz/build/crashes" "$fuzz/build/logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
passed=0
failed=0
scratch=()
trap 'rm -rf "${scratch[@]}"' EXIT
for name in "${names[@]}"; do
	limit=()
	case "$mode" in
		short)
			work=$(mktemp -d)
			scratch+=("$work")
			limit=(-runs=20000 -seed=1)
			;;
		runs) work=$fuzz/build/corpus/$name; limit=(-runs="$amount") ;;
		time) work=$fuzz/build/corpus/$name; limit=(-max_total_time="$amount") ;;
	esac
	mkdir -p "$work"
	dict=()
	[ -f "$fuzz/dict/$name.dict" ] && dict=(-dict="$fuzz/dict/$name.dict")
	log=$fuzz/build/logs/$name.log
	# without LD_PRELOAD: under `faketime tools/test.sh` the preloaded libfaketime deadlocks
	# libFuzzer's sanitizer runtime at start; the harnesses read no clock that matters
	(cd "$fuzz" && env -u LD_PRELOAD -u FAKETIME "./build/fuzz_$name" "${limit[@]}" "${dict[@]}" -max_len="$(max_len "$name")" -timeout=25 \
		-rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="build/crashes/$name-" "$work" "corpus/$name") \
		>"$log" 2>&1
	status=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	if [ "$status" -eq 0 ] && [ -n "$execs" ]; then
		printf 'ok   %-24s %10s inputs in %4ss  %s\n' "$name" "$execs" "${seconds:-?}" "${cov:-}"
		passed=$((passed + 1))
	else
		printf 'FAIL %-24s exit %s (log: %s)\n' "$name" "$status" "$log"
		grep -E 'assertion failed|ERROR: |SUMMARY: |runtime error|artifact_prefix|Test unit written' "$log" | head -n 8 | sed 's/^/     | /'
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
