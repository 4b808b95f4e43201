#!/usr/bin/env bash
# The whole test suite: C unit tests of the pure-C stages, the phpt suite, and the phpt
# suite again under valgrind (USE_ZEND_ALLOC=0). Ends with "N passed, N failed" and exits
# non-zero on any failure or leak. Lanes can be skipped: SPECTRA_SKIP_FAKETIME=1 (the
# faketime lane below), SPECTRA_SKIP_VALGRIND=1, SPECTRA_SKIP_ASAN=1, SPECTRA_SKIP_E2E=1.
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
  local log=$1 p f l names
  # a log may hold several run-tests summaries (the valgrind lane runs two): add them up
  p=$(sed -n 's/^Tests passed *: *\([0-9]*\).*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
  f=$(sed -n 's/^Tests failed *: *\([0-9]*\).*/\1/p' "$log" | awk '{s += $1} END {print s + 0}')
  l=$(grep -c '^LEAK' "$log" || true)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${l:-0}))
  # the names go on the count line itself: CI keeps only part of the output, and a failure
  # nobody can name cannot be fixed
  # (run-tests colours its verdicts even into a file: the escapes go first)
  local plain
  plain=$(sed 's/\x1b\[[0-9;]*m//g; s/\r//g' "$log")
  names=$(sed -n 's/^\(FAIL\|LEAK\|BORK\) .*\[\(.*\.phpt\)\] *$/\2/p' <<<"$plain" | sed "s|^$PWD/||" | sort -u | tr '\n' ' ')
  echo "    phpt: ${p:-0} passed, ${f:-0} failed, ${l:-0} leaked${names:+ (not passed: ${names% })}"
  if ! grep -q '^Tests passed' "$log"; then
    # run-tests never got to its summary (a build or startup failure): that is a failure
    echo "    no run-tests summary in $log: counted as a failure"
    failed=$((failed + 1))
  fi
  grep -E '^(FAIL|LEAK|BORK) ' <<<"$plain" | sed 's/^/    | /' || true
  # and each failed test's diff, briefly
  local diff
  for diff in $(sed -n 's/^\(FAIL\|LEAK\) .*\[\(.*\)\.phpt\] *$/\2.diff/p' <<<"$plain" | sort -u); do
    [ -f "$diff" ] && head -n 30 "$diff" | sed '$a\' | sed "s#^#    | ${diff##*/}: #"
  done
  return 0
}

count_c() { # log
  local log=$1 line
  while read -r line; do
    set -- $line
    passed=$((passed + $1)); failed=$((failed + $3))
  done < <(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log")
}

step build tools/build.sh || { echo "0 passed, 1 failed"; exit 1; }

if [ -d tests/tools ] && { [ ! -d tests/tools/node_modules ] || [ tests/tools/package-lock.json -nt tests/tools/node_modules/.package-lock.json ]; }; then
  (cd tests/tools && npm ci --no-audit --no-fund >"$log_dir/npm.log" 2>&1) || echo "    npm ci failed: the independent protobuf decoder checks will be skipped (see $log_dir/npm.log)"
fi

step c-unit make -C tests/c check; count_c "$log_dir/c-unit.log"
step zts-compile tools/zts-check.sh; count_c "$log_dir/zts-compile.log"
step packaging tools/check-package.sh; count_c "$log_dir/packaging.log"
# source checks: .clang-format style, the layering rules (no Zend outside src/php, includes
# one way, a header per .c), generated code matching its inputs
step format tools/check-format.sh && passed=$((passed + 1))
step layering python3 tools/check-layering.py; count_c "$log_dir/layering.log"
step generated tools/check-generated.sh; count_c "$log_dir/generated.log"
# the benchmarks are not run here (timings are never checked), but they must keep building
step bench-build make -C bench -s encode_bench sender_bench otlp_sink stream_bench && passed=$((passed + 1))
# every parser of untrusted bytes under libFuzzer (ASan+UBSan), a fixed short run from the
# committed seeds; tools/fuzz.sh [seconds] runs them longer
step fuzz-short tools/fuzz.sh --short; count_c "$log_dir/fuzz-short.log"

# the real HTTP clients of tests/capture/composer_clients.phpt (skipped, and it says so, without them)
bash tools/install-capture-clients.sh >"$log_dir/capture-clients.log" 2>&1 || echo "    Guzzle/Symfony HttpClient not installed: tests/capture/composer_clients.phpt will be skipped (see $log_dir/capture-clients.log)"
SPECTRA_VALGRIND=0 tools/run-phpt.sh >"$log_dir/phpt.log" 2>&1
echo "=== phpt"; count_phpt "$log_dir/phpt.log"

SPECTRA_OPCACHE=1 tools/run-phpt.sh tests/track tests/providers tests/pricing tests/stream tests/content >"$log_dir/phpt-opcache.log" 2>&1
echo "=== phpt with opcache + tracing JIT"; count_phpt "$log_dir/phpt-opcache.log"

# Faketime lane: the C unit tests, the packaging checks and the phpt suite again with the
# clock of every process 400 days ahead (libfaketime), so that nothing passes only near the
# day it was written (package.xml's release date, certificate lifetimes, timestamps compared
# with "now"). PHP dlopen()s extensions with RTLD_DEEPBIND, which binds spectra.so's
# clock_gettime() (and its sender thread's) straight to libc, past the preloaded libfaketime:
# the ASan lane's shim tools/no_deepbind.c drops the flag, so the extension sees the clock
# PHP sees. FAKE_UTIME=1 makes libfaketime shift the times a program sets on files (tar -x,
# touch) back as it shifts the ones it reads, so `pear package` + tar round trips keep
# consistent mtimes (no make "clock skew"). tests/export/export.inc passes LD_PRELOAD and
# FAKETIME* on to the PHP children it starts.
#   SPECTRA_SKIP_FAKETIME=1    skip this lane
#   SPECTRA_FAKETIME=OFFSET    another offset for faketime (default "+400 days")
if [ "${SPECTRA_SKIP_FAKETIME:-0}" != 1 ]; then
  ft_offset=${SPECTRA_FAKETIME:-+400 days}
  ft_dir=$(mktemp -d)
  if ! command -v faketime >/dev/null 2>&1; then
    echo "=== faketime lane: faketime is not installed (bash tools/install-deps.sh): counted as a failure"
    failed=$((failed + 1))
  elif ! gcc -shared -fPIC -O1 -o "$ft_dir/no_deepbind.so" tools/no_deepbind.c -ldl >"$log_dir/faketime-shim.log" 2>&1; then
    echo "=== faketime lane: building tools/no_deepbind.c failed (log: $log_dir/faketime-shim.log)"
    failed=$((failed + 1))
  else
    later() { # command...: runs it, and everything it starts, with the clock moved by $ft_offset
      FAKE_UTIME=1 LD_PRELOAD="$ft_dir/no_deepbind.so${LD_PRELOAD:+:$LD_PRELOAD}" faketime "$ft_offset" "$@"
    }
    echo "=== faketime lane (clock: $ft_offset, now $(later date -u '+%F %T UTC'))"
    step c-unit-faketime later make -C tests/c check; count_c "$log_dir/c-unit-faketime.log"
    step packaging-faketime later tools/check-package.sh; count_c "$log_dir/packaging-faketime.log"
    later env SPECTRA_VALGRIND=0 tools/run-phpt.sh >"$log_dir/phpt-faketime.log" 2>&1
    echo "=== phpt with the clock at $ft_offset"; count_phpt "$log_dir/phpt-faketime.log"
  fi
  rm -rf "$ft_dir"
fi

if [ "${SPECTRA_SKIP_VALGRIND:-0}" != 1 ]; then
  SPECTRA_VALGRIND=1 tools/run-phpt.sh >"$log_dir/phpt-valgrind.log" 2>&1
  echo "=== phpt under valgrind"; count_phpt "$log_dir/phpt-valgrind.log"
fi

if [ "${SPECTRA_SKIP_ASAN:-0}" != 1 ]; then
  tools/asan.sh >"$log_dir/phpt-asan.log" 2>&1
  echo "=== phpt with an ASan+UBSan build"; count_phpt "$log_dir/phpt-asan.log"
  # halt_on_error: any sanitizer report aborts its test, which then counts as failed
  # the bad-input lane: a fixed seeded run of hostile calls against the same ASan build
  # (tools/bad-input.sh documents the long run)
  step bad-input env SPECTRA_ASAN_REUSE=1 tools/bad-input.sh --short; count_c "$log_dir/bad-input.log"
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
