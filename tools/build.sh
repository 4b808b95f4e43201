#!/usr/bin/env bash
# Builds modules/spectra.so with phpize (warnings are errors).
#   SPECTRA_ASAN=1 tools/build.sh   builds with AddressSanitizer + UBSan instead
set -euo pipefail
cd "$(dirname "$0")/.."
extra_cflags="-O2 -g"
extra_ldflags=""
if [ "${SPECTRA_ASAN:-0}" = 1 ]; then
  extra_cflags="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer"
  extra_ldflags="-fsanitize=address,undefined"
fi
if [ ! -f configure ] || [ config.m4 -nt configure ] || [ "${SPECTRA_REBUILD:-0}" = 1 ]; then
  phpize >/dev/null 2>&1
fi
if [ ! -f Makefile ] || [ configure -nt Makefile ] || [ "${SPECTRA_REBUILD:-0}" = 1 ]; then
  CFLAGS="$extra_cflags" LDFLAGS="$extra_ldflags" ./configure --enable-spectra --enable-spectra-werror >/dev/null
fi
# a new inode, never an in-place rewrite: processes that mapped the old .so keep working
rm -f modules/spectra.so modules/spectra.la
make -j"${SPECTRA_JOBS:-2}" >/dev/null
echo "built $(pwd)/modules/spectra.so"
