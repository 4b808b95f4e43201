#!/usr/bin/env bash
# Checks that the committed built-in price table, src/pricing/catalog_data.c, is exactly what
# `php tools/gen_pricing.php` makes from data/ (the vendored genai-prices data and the CSVs) and
# src/record/usage_keys.h today, and that making it needs nothing outside the repository and no
# network (a fresh clone has no other data). Ends with "N passed, N failed"; exit status
# 1 when a check failed. Fix a failure with: php tools/gen_pricing.php > src/pricing/catalog_data.c
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0 failed=0
check() { # name, command...
  local name=$1; shift
  if "$@"; then echo "ok   $name"; passed=$((passed + 1)); else echo "FAIL $name"; failed=$((failed + 1)); fi
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # from the working tree's data/
  php tools/gen_pricing.php >"$work/catalog_data.c" 2>"$work/gen.err" || { cat "$work/gen.err" >&2; return 1; }
}
matches_committed() {
  [ -s "$work/catalog_data.c" ] || return 1
  diff -u src/pricing/catalog_data.c "$work/catalog_data.c" >"$work/diff" && return 0
  echo "src/pricing/catalog_data.c differs from the generator's output (first lines of the diff):" >&2
  head -n 40 "$work/diff" >&2
  echo "regenerate with: php tools/gen_pricing.php > src/pricing/catalog_data.c" >&2
  return 1
}
data_tracked() { # every file the generator reads is in git, so a clone has it
  local f ok=0
  for f in data/pricing-catalog.csv data/tool-call-pricing.csv data/VERSION data/genai-prices/data.json \
    data/genai-prices/SOURCE data/genai-prices/LICENSE src/record/usage_keys.h; do
    git ls-files --error-unmatch "$f" >/dev/null 2>&1 || { echo "$f is not tracked by git" >&2; ok=1; }
  done
  return $ok
}
self_contained() { # only tools/, data/ and the key list present, as in a fresh checkout: same output
  mkdir -p "$work/clone/tools" "$work/clone/src/pricing" "$work/clone/src/record" &&
  cp tools/gen_pricing.php "$work/clone/tools/" && cp -R data "$work/clone/" &&
  cp src/record/usage_keys.h "$work/clone/src/record/" &&
  (cd "$work/clone" && php tools/gen_pricing.php >src/pricing/catalog_data.c) &&
  cmp -s "$work/clone/src/pricing/catalog_data.c" src/pricing/catalog_data.c
}

check "gen_pricing.php runs on data/" generate
check "src/pricing/catalog_data.c is up to date with data/" matches_committed
check "the data files the generator reads are tracked" data_tracked
check "generation needs only tools/, data/ and src/record/usage_keys.h" self_contained
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
