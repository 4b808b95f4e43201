# Sourced, not run: builds the extension with AddressSanitizer + UBSan in a copy of the
# tree (the normal build in modules/ is left alone) and exports what running PHP against it
# needs. Sets $asan_work (the copy) and $asan_module (its spectra.so); leaves the current
# directory unchanged. With SPECTRA_ASAN_REUSE=1 an existing build in the copy is reused
# (tools/test.sh does so for the bad-input lane, right after the ASan phpt lane built it).
asan_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# one build directory per checkout, so two suites running at once never share it
asan_work=${SPECTRA_ASAN_DIR:-${TMPDIR:-/tmp}/spectra-asan-$(printf %s "$asan_root" | cksum | cut -d" " -f1)}
asan_module=$asan_work/modules/spectra.so
if [ "${SPECTRA_ASAN_REUSE:-0}" != 1 ] || [ ! -f "$asan_module" ] || [ ! -f "$asan_work/no_deepbind.so" ]; then
  rm -rf "$asan_work"
  mkdir -p "$asan_work"
  # the working tree as it is (committed or not), without build products
  (cd "$asan_root" && git ls-files -co --exclude-standard -z | xargs -0 tar -c) | tar -x -C "$asan_work"
  [ -d "$asan_root/tests/tools/node_modules" ] && ln -s "$asan_root/tests/tools/node_modules" "$asan_work/tests/tools/node_modules"
  [ -d "$asan_root/tests/capture/clients/vendor" ] && ln -s "$asan_root/tests/capture/clients/vendor" "$asan_work/tests/capture/clients/vendor"
  # built without an inherited LD_PRELOAD (libfaketime): configure runs ASan test programs, and
  # the ASan runtime refuses to start when another library was preloaded before it
  (cd "$asan_work" && env -u LD_PRELOAD SPECTRA_ASAN=1 SPECTRA_REBUILD=1 tools/build.sh >/dev/null)
  gcc -shared -fPIC -O1 -o "$asan_work/no_deepbind.so" "$asan_root/tools/no_deepbind.c" -ldl
fi
# detect_leaks=0: the uninstrumented php binary keeps allocations alive until exit by
# design; leaks are valgrind's job (tools/run-phpt.sh with SPECTRA_VALGRIND=1).
export ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=0:abort_on_error=1:halt_on_error=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# only these two: libfaketime (under `faketime tools/test.sh`) deadlocks with the ASan
# runtime, so this lane runs on the real clock (the faketime lane covers the clock)
export USE_ZEND_ALLOC=0 LD_PRELOAD="$asan_work/no_deepbind.so $(gcc -print-file-name=libasan.so)"
