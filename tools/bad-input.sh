#!/usr/bin/env bash
# The bad-input lane: tests/bad_input/cases.php, a seeded generator of hostile calls (wrong
# types, huge and deep values, invalid UTF-8, NULs, throwing/exiting callbacks, Fibers,
# re-entrant API calls, broken responses, span builders and pricing files), run in chunks
# of PHP processes against the ASan+UBSan build. A chunk fails on a sanitizer report, a
# fatal error, a crash or an unexpected exit status, a missing summary, or growth: resident
# memory rising by more than 128 MiB after the first quarter of the chunk, or a queue over
# its byte cap. Each chunk runs with another exporter setup and a generated pricing file.
#
#   tools/bad-input.sh --short                 the fixed CI run (seed 1, 1 200 cases)
#   tools/bad-input.sh --cases 200000 --seed $RANDOM --chunk 500    a long run
#   tools/bad-input.sh --seed S --from N --cases 1 --chunk 1          replay case N alone
#   SPECTRA_BAD_INPUT_BUILD=normal tools/bad-input.sh ...   against modules/spectra.so instead
#
# Ends with "N passed, N failed" (cases of chunks that held / of chunks that did not);
# failing chunks leave their output in $SPECTRA_BAD_INPUT_LOGS (default tests/logs/bad-input).
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seed=1 cases=1200 chunk=150 from=0
while [ $# -gt 0 ]; do
  case $1 in
    --short) seed=1 cases=1200 chunk=150 from=0 ;;
    --seed) seed=$2; shift ;;
    --cases) cases=$2; shift ;;
    --chunk) chunk=$2; shift ;;
    --from) from=$2; shift ;;
    *) echo "usage: $0 [--short] [--seed S] [--cases N] [--chunk N] [--from N]" >&2; exit 2 ;;
  esac
  shift
done
logs=${SPECTRA_BAD_INPUT_LOGS:-$root/tests/logs/bad-input}
mkdir -p "$logs"
rm -f "$logs"/chunk-*.log

if [ "${SPECTRA_BAD_INPUT_BUILD:-asan}" = normal ]; then
  module=$root/modules/spectra.so
  [ -f "$module" ] || { echo "modules/spectra.so is missing: build first (tools/build.sh)"; echo "0 passed, 1 failed"; exit 1; }
else
  source "$root/tools/asan-env.sh" || { echo "the ASan build failed"; echo "0 passed, 1 failed"; exit 1; }
  module=$asan_module
  # a small quarantine: freed memory ASan holds back (256 MiB by default) would read as growth
  export ASAN_OPTIONS="$ASAN_OPTIONS:quarantine_size_mb=16:thread_local_quarantine_size_kb=256"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
queue_cap=262144
# exporter setups, one per chunk in turn: protobuf and JSON to a port nothing listens on
# (every POST fails: retries, drops, shutdown deadline), the console exporter (encodes every
# span on the request thread), background mode, tracking off, span export off
setups=(
  "-d spectra.otel.enabled=1 -d spectra.otel.exporter=otlp -d spectra.otel.endpoint=http://127.0.0.1:9 -d spectra.otel.protocol=http/protobuf"
  "-d spectra.otel.enabled=1 -d spectra.otel.exporter=otlp -d spectra.otel.endpoint=http://127.0.0.1:9 -d spectra.otel.protocol=http/json -d spectra.span_compat=1"
  "-d spectra.otel.enabled=1 -d spectra.otel.exporter=console"
  "-d spectra.otel.enabled=1 -d spectra.otel.exporter=otlp -d spectra.otel.endpoint=http://127.0.0.1:9 -d spectra.export_mode=background"
  "-d spectra.enabled=0"
  "-d spectra.otel.enabled=0"
)
passed=0 failed=0 chunks=0 bad_chunks=0 reports=0
for ((start = from; start < from + cases; start += chunk)); do
  count=$chunk
  [ $((start + count)) -le $((from + cases)) ] || count=$((from + cases - start))
  setup=${setups[$((chunks % ${#setups[@]}))]}
  chunks=$((chunks + 1))
  pricing=$work/prices-$start.json
  if ! USE_ZEND_ALLOC=1 LD_PRELOAD= php -n -d memory_limit=1G "$root/tests/bad_input/cases.php" --seed "$seed" --from "$start" --pricing-file "$pricing"; then
    echo "writing the pricing file of chunk $start failed"
    failed=$((failed + count)); bad_chunks=$((bad_chunks + 1))
    continue
  fi
  log=$work/chunk-$start.log
  # shellcheck disable=SC2086 # $setup is a list of options
  php -n -d "extension=$module" $setup -d spectra.pricing_file="$pricing" -d spectra.shutdown_timeout_ms=200 \
    -d spectra.queue.max_bytes=$queue_cap -d memory_limit=2G -d display_errors=stderr -d log_errors=0 \
    "$root/tests/bad_input/cases.php" --seed "$seed" --from "$start" --count "$count" >"$log" 2>&1
  status=$?
  problems=()
  [ $status -eq 0 ] || problems+=("exit status $status")
  grep -aqE '^(chunk done|exiting in case)' "$log" || problems+=("no summary")
  if grep -aqE 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault|Assertion .* failed' "$log"; then
    problems+=("sanitizer report")
    reports=$((reports + 1))
  fi
  grep -aqE 'PHP Fatal error|^Fatal error' "$log" && problems+=("fatal error")
  warmup= end=
  read -r warmup end < <(sed -n 's/^maxrss_kb: warmup=\([0-9]*\) end=\([0-9]*\)$/\1 \2/p' "$log") || true
  if [ -n "${warmup:-}" ] && [ "$warmup" -gt 0 ] && [ $((end - warmup)) -gt $((128 * 1024)) ]; then
    problems+=("memory grew by $(((end - warmup) / 1024)) MiB after warm-up")
  fi
  queue_bytes=$(sed -n 's/^spans: .* queue_bytes=\([0-9]*\)$/\1/p' "$log")
  if [ -n "$queue_bytes" ] && [ "$queue_bytes" -gt $queue_cap ]; then
    problems+=("queue at $queue_bytes bytes, over its cap of $queue_cap")
  fi
  if [ ${#problems[@]} -eq 0 ]; then
    passed=$((passed + count))
  else
    failed=$((failed + count))
    bad_chunks=$((bad_chunks + 1))
    cp "$log" "$logs/chunk-$start.log"
    echo "chunk of cases $start..$((start + count - 1)) (seed $seed, setup: $setup): ${problems[*]}"
    echo "  replay: tools/bad-input.sh --seed $seed --from $start --cases $count --chunk $count  (log: $logs/chunk-$start.log)"
    grep -aE 'AddressSanitizer|runtime error:|Fatal error|^case ' "$log" | tail -n 3 | sed 's/^/  | /'
  fi
  echo "  chunk $start: $(sed -n 's/^cases: //p' "$log" | tail -n 1); growth after warm-up: $(((${end:-0} - ${warmup:-0}) / 1024)) MiB"
done
echo "bad-input: $cases cases (seed $seed) in $chunks chunks; $bad_chunks chunks failed; sanitizer reports: $reports"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
