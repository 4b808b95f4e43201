#!/usr/bin/env bash
# The phpt suite against an AddressSanitizer + UBSan build of the extension. The PHP binary
# itself is not instrumented, so the ASan runtime is preloaded. Built in a copy of the tree
# so the normal build in modules/ is left alone.
#   tools/asan.sh [test paths]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# one build directory per checkout, so two suites running at once never share it
work=${SPECTRA_ASAN_DIR:-${TMPDIR:-/tmp}/spectra-asan-$(printf %s "$root" | cksum | cut -d" " -f1)}
rm -rf "$work"
mkdir -p "$work"
# the working tree as it is (committed or not), without build products
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 tar -c) | tar -x -C "$work"
[ -d "$root/tests/tools/node_modules" ] && ln -s "$root/tests/tools/node_modules" "$work/tests/tools/node_modules"
cd "$work"
# built without an inherited LD_PRELOAD (libfaketime): configure runs ASan test programs, and
# the ASan runtime refuses to start when another library was preloaded before it
env -u LD_PRELOAD SPECTRA_ASAN=1 SPECTRA_REBUILD=1 tools/build.sh >/dev/null
libasan=$(gcc -print-file-name=libasan.so)
gcc -shared -fPIC -O1 -o "$work/no_deepbind.so" tools/no_deepbind.c -ldl
# detect_leaks=0: the uninstrumented php binary keeps allocations alive until exit by
# design; leaks are valgrind's job (tools/run-phpt.sh with SPECTRA_VALGRIND=1).
export ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=0:abort_on_error=1:halt_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# only these two: libfaketime (under `faketime tools/test.sh`) deadlocks with the ASan
# runtime, so this lane runs on the real clock (the faketime lane covers the clock)
export USE_ZEND_ALLOC=0 LD_PRELOAD="$work/no_deepbind.so $libasan"
exec tools/run-phpt.sh "$@"
