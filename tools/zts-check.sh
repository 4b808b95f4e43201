#!/usr/bin/env bash
# Compile-only ZTS check: Debian ships no thread-safe PHP, but the headers are the same,
# so every source is compiled with ZTS defined (module globals through TSRM, the static
# TSRMLS cache) with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."
includes=$(php-config --includes)
status=0
for source in spectra.c $(git ls-files 'src/*.c' | grep -v '^src/otlp/gen/'); do
  if ! gcc -std=gnu11 -fsyntax-only -DZTS=1 -DCOMPILE_DL_SPECTRA=1 -DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -D_GNU_SOURCE \
      -I. $includes -Isrc/otlp/gen -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Werror "$source"; then
    echo "ZTS compile failed: $source"
    status=1
  fi
done
[ $status -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $status
