#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: dependencies, build, install, demo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh
make install >/dev/null && echo "installed into $(php-config --extension-dir)"
bash tools/demo.sh
