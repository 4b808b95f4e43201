#!/usr/bin/env bash
# Runs the phpt suite against the freshly built modules/spectra.so.
#   tools/run-phpt.sh [run-tests.php options] [test paths]
# With SPECTRA_VALGRIND=1 every test also runs under valgrind (-m, USE_ZEND_ALLOC=0).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f modules/spectra.so ] || { echo "modules/spectra.so is missing: build first (tools/build.sh)" >&2; exit 2; }
runner=run-tests.php
[ -f "$runner" ] || runner=$(ls /usr/lib/php/*/build/run-tests.php | head -n1)
args=(-P -n -q --show-diff -d "extension=$root/modules/spectra.so" -d display_errors=1 -d error_reporting=-1)
if [ "${SPECTRA_VALGRIND:-0}" = 1 ]; then
  export USE_ZEND_ALLOC=0
  args+=(-m)
fi
paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(tests)
export NO_INTERACTION=1 REPORT_EXIT_STATUS=1 TEST_PHP_EXECUTABLE=$(command -v php)
exec php "$runner" "${args[@]}" "${paths[@]}"
