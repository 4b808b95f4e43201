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
# `pear package-validate` must report no error and no warning, with one exception: in
# packaging mode PEAR_Validate::validateDate() warns 'Release Date "<date>" is not today'
# whenever <date> is not the day the check runs, so every clone would fail from the day
# after the release. Exactly that warning, for the date package.xml holds, is dropped; any
# other warning (another date included) and every error stays fatal, and a malformed or
# impossible <date> is still an error from PEAR itself.
pear_validate() {
  local out status date allowed summary errors warnings lines others
  out=$(pear package-validate package.xml 2>&1)
  status=$?
  printf '%s\n' "$out"
  [ "$status" -eq 0 ] || { echo "pear package-validate exited $status"; return 1; }
  date=$(sed -n 's:^ <date>\(.*\)</date>$:\1:p' package.xml)
  [ "$(printf '%s\n' "$date" | grep -c .)" -eq 1 ] || { echo "package.xml: expected exactly one <date>"; return 1; }
  allowed="Warning: Channel validator warning: field \"date\" - Release Date \"$date\" is not today"
  summary=$(printf '%s\n' "$out" | sed -n 's/^Validation: \([0-9]*\) error(s), \([0-9]*\) warning(s)$/\1 \2/p')
  [ -n "$summary" ] || { echo "no 'Validation: N error(s), N warning(s)' line"; return 1; }
  read -r errors warnings <<<"$summary"
  # one line per warning: a count that disagrees means output this filter does not understand
  lines=$(printf '%s\n' "$out" | grep -c '^Warning: ')
  [ "$lines" -eq "$warnings" ] || { echo "$warnings warning(s) reported but $lines 'Warning:' line(s)"; return 1; }
  others=$(printf '%s\n' "$out" | grep '^Warning: ' | grep -cvFx "$allowed")
  [ "$errors" -eq 0 ] && [ "$others" -eq 0 ] ||
    { echo "pear package-validate: $errors error(s), $others warning(s) besides the release-date one"; return 1; }
}
check "pear package-validate (no error, no warning but 'not today')" pear_validate
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
