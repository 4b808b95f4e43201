#!/usr/bin/env bash
# The whole test suite: C unit tests of the pure-C stages, the phpt suite, and the phpt
# suite again under valgrind (USE_ZEND_ALLOC=0). Ends with "N passed, N failed" and exits
# non-zero on any failure or leak.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
passed=0
failed=0
log_dir=${SPECTRA_TEST_LOGS:-$root/tests/logs}
mkdir -p "$log_dir"

step() { # name, command...
  local name=$1; shift
  echo "=== $name"
  if "$@" >"$log_dir/$name.log" 2>&1; then
    echo "    ok"
  else
    echo "    FAILED (log: $log_dir/$name.log)"
    tail -n 40 "$log_dir/$name.log" | sed 's/^/    | /'
    failed=$((failed + 1))
    return 1
  fi
}

# phpt summary lines -> our counters (a LEAK counts as a failure)
count_phpt() { # log
  local log=$1 p f l
  # a log may hold several run-tests summaries (the valgrind lane runs two): add them up
  p=$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
  f=$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
  l=$(grep -c '^LEAK' "$log" || true)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${l:-0}))
  echo "    phpt: ${p:-0} passed, ${f:-0} failed, ${l:-0} leaked"
  grep -E '^(FAIL|LEAK|BORK)' "$log" | sed 's/^/    | /' || true
}

count_c() { # log
  local log=$1 line
  while read -r line; do
    set -- $line
    passed=$((passed + $1)); failed=$((failed + $3))
  done < <(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log")
}

step build tools/build.sh || { echo "0 passed, 1 failed"; exit 1; }

if [ -d tests/tools ] && [ ! -d tests/tools/node_modules ]; then
  (cd tests/tools && npm ci --no-audit --no-fund >"$log_dir/npm.log" 2>&1) || echo "    npm ci failed: the independent protobuf decoder checks will be skipped (see $log_dir/npm.log)"
fi

step c-unit make -C tests/c check; count_c "$log_dir/c-unit.log"
step zts-compile tools/zts-check.sh; count_c "$log_dir/zts-compile.log"
step packaging tools/check-package.sh; count_c "$log_dir/packaging.log"

SPECTRA_VALGRIND=0 tools/run-phpt.sh >"$log_dir/phpt.log" 2>&1
echo "=== phpt"; count_phpt "$log_dir/phpt.log"

SPECTRA_OPCACHE=1 tools/run-phpt.sh tests/track tests/providers tests/pricing >"$log_dir/phpt-opcache.log" 2>&1
echo "=== phpt with opcache + tracing JIT"; count_phpt "$log_dir/phpt-opcache.log"

if [ "${SPECTRA_SKIP_VALGRIND:-0}" != 1 ]; then
  SPECTRA_VALGRIND=1 tools/run-phpt.sh >"$log_dir/phpt-valgrind.log" 2>&1
  echo "=== phpt under valgrind"; count_phpt "$log_dir/phpt-valgrind.log"
fi

if [ "${SPECTRA_SKIP_ASAN:-0}" != 1 ]; then
  tools/asan.sh >"$log_dir/phpt-asan.log" 2>&1
  echo "=== phpt with an ASan+UBSan build"; count_phpt "$log_dir/phpt-asan.log"
  # halt_on_error: any sanitizer report aborts its test, which then counts as failed
fi

for extra in tests/e2e/run.sh; do
  if [ -x "$extra" ] && [ "${SPECTRA_SKIP_E2E:-0}" != 1 ]; then
    echo "=== $extra"
    "$extra" >"$log_dir/e2e.log" 2>&1
    status=$?
    count_c "$log_dir/e2e.log"
    [ $status -eq 0 ] || { echo "    e2e exited $status"; grep -E '^(not ok|FAIL)' "$log_dir/e2e.log" | sed 's/^/    | /'; failed=$((failed + 1)); }
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
