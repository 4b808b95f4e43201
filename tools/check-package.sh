#!/usr/bin/env bash
# Packaging checks: package.xml lists every shipped file and validates, `pear package`
# makes a tarball that builds on its own (what `pecl install` does), composer.json (PIE)
# validates. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0 failed=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
check "package.xml lists every shipped file" php tools/gen-package-xml.php --check
check "pear package-validate" bash -c 'pear package-validate package.xml | grep -q "0 error(s), 0 warning(s)"'
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build_tarball() {
  git archive HEAD | tar -x -C "$work" &&
  (cd "$work" && pear package package.xml >/dev/null) &&
  mkdir "$work/unpacked" && tar -xzf "$work"/spectra-*.tgz -C "$work/unpacked" &&
  (cd "$work"/unpacked/spectra-* && phpize >/dev/null 2>&1 && ./configure >/dev/null && make -j"$(nproc)" >/dev/null) &&
  php -n -d "extension=$(ls "$work"/unpacked/spectra-*/modules/spectra.so)" -r 'exit(class_exists("Spectra\\Spectra") ? 0 : 1);'
}
check "pear package tarball builds and loads" build_tarball
check "composer.json (PIE) validates" bash -c 'composer validate --no-check-publish --no-interaction >/dev/null 2>&1'
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
