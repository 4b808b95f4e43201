#!/usr/bin/env bash
# The phpt suite against an AddressSanitizer + UBSan build of the extension. The PHP binary
# itself is not instrumented, so the ASan runtime is preloaded (tools/asan-env.sh). Built in
# a copy of the tree so the normal build in modules/ is left alone.
#   tools/asan.sh [test paths]
set -euo pipefail
source "$(dirname "$0")/asan-env.sh"
cd "$asan_work"
exec tools/run-phpt.sh "$@"
