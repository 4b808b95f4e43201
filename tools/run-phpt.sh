#!/usr/bin/env bash
# Runs the phpt suite against the freshly built modules/spectra.so.
#   tools/run-phpt.sh [test paths]
# With SPECTRA_OPCACHE=1 the tests run with opcache and the tracing JIT on.
# With SPECTRA_VALGRIND=1 every test runs under valgrind (-m, USE_ZEND_ALLOC=0). Tests that
# start their own PHP children (tests/export) run normally then, with the children under
# valgrind instead: valgrind cannot run inside valgrind.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f modules/spectra.so ] || { echo "modules/spectra.so is missing: build first (tools/build.sh)" >&2; exit 2; }
runner=run-tests.php
[ -f "$runner" ] || runner=$(ls /usr/lib/php/*/build/run-tests.php | head -n1)
args=(-P -n -q --show-diff -d "extension=$root/modules/spectra.so" -d display_errors=1 -d error_reporting=-1)
if [ "${SPECTRA_OPCACHE:-0}" = 1 ]; then
  # second lane: opcache + tracing JIT, as production FPM runs (observer/JIT interplay)
  args+=(-d zend_extension=opcache -d opcache.enable=1 -d opcache.enable_cli=1 -d opcache.jit=tracing -d opcache.jit_buffer_size=32M)
fi
export NO_INTERACTION=1 REPORT_EXIT_STATUS=1 TEST_PHP_EXECUTABLE=$(command -v php)
# Under libfaketime (`faketime OFFSET tools/test.sh`): PHP dlopen()s extensions with
# RTLD_DEEPBIND, which binds spectra.so's clock calls straight to libc, past the preloaded
# libfaketime; the shim drops that flag so the extension sees the clock PHP sees.
if [[ "${LD_PRELOAD:-}" == *faketime* && "${LD_PRELOAD:-}" != *no_deepbind* ]]; then
  shim=${TMPDIR:-/tmp}/spectra-no-deepbind-$(id -u).so
  [ "$shim" -nt tools/no_deepbind.c ] || gcc -shared -fPIC -O1 -o "$shim" tools/no_deepbind.c -ldl
  export LD_PRELOAD="$shim:$LD_PRELOAD"
fi
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(tests)
if [ "${SPECTRA_VALGRIND:-0}" != 1 ]; then
  exec php "$runner" "${args[@]}" "${paths[@]}"
fi
# Split the paths: directories whose tests spawn children vs the rest.
in_process=() children=()
for p in "${paths[@]}"; do
  while IFS= read -r t; do
    if grep -q 'spectra_child(' "$t"; then children+=("$t"); else in_process+=("$t"); fi
  done < <(find "$p" -name '*.phpt' | sort)
done
status=0
if [ ${#in_process[@]} -gt 0 ]; then
  # PCRE JIT code confuses memcheck (uninitialised-value reports in JIT frames)
  USE_ZEND_ALLOC=0 php "$runner" "${args[@]}" -m -d pcre.jit=0 "${in_process[@]}" || status=$?
fi
if [ ${#children[@]} -gt 0 ]; then
  SPECTRA_CHILD_VALGRIND=1 php "$runner" "${args[@]}" "${children[@]}" || status=$?
fi
exit $status
