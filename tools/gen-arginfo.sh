#!/usr/bin/env bash
# Regenerates stubs/spectra_arginfo.h from stubs/spectra.stub.php with php-src's gen_stub.php.
# gen_stub.php would download nikic/php-parser next to itself; we give it Debian's
# php-parser package instead (apt-get install php8.2-dev php-parser), so no network is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
gen_stub=$(ls /usr/lib/php/*/build/gen_stub.php | head -n1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$gen_stub" "$work/gen_stub.php"
version=$(sed -n 's/.*\$version = "\([0-9.]*\)";.*/\1/p' "$work/gen_stub.php" | head -n1)
mkdir -p "$work/PHP-Parser-$version/lib"
ln -s /usr/share/php/PhpParser "$work/PHP-Parser-$version/lib/PhpParser"
php "$work/gen_stub.php" -f stubs/spectra.stub.php
