#!/usr/bin/env bash
# End-to-end suites: tests/e2e/fpm/run.sh (php-fpm8.2 + nginx) and, when present and
# executable, tests/e2e/laravel/run.sh. Each suite's output is shown indented; then one
# "<suite>: N passed, N failed" line per suite and a final total "N passed, N failed"
# (the only line starting with a digit). Exit status 1 if any suite failed.
# php-fpm8.2 and nginx come from tools/install-deps.sh; without them this counts as a failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
summary=()

count() { # NAME "N passed, N failed"
  local p f
  p=$(sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p' <<<"$2")
  f=$(sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p' <<<"$2")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  summary+=("$1: $2")
}

missing=""
[ -x /usr/sbin/php-fpm8.2 ] || missing+=" php-fpm8.2 (/usr/sbin/php-fpm8.2, package php8.2-fpm)"
[ -x /usr/sbin/nginx ] || missing+=" nginx (/usr/sbin/nginx, package nginx-light)"
if [ -n "$missing" ]; then
  echo "e2e: not installed:$missing"
  echo "e2e: install them with: bash tools/install-deps.sh (as root); counted as a failure"
  count prerequisites "0 passed, 1 failed"
fi

# A suite runs in the background so that a TERM/INT sent to this script reaches it (its own
# EXIT trap then stops the servers it started); its output is streamed indented.
suite_pid=""
suite_log=""
on_signal() {
  if [ -n "$suite_pid" ] && kill -0 "$suite_pid" 2>/dev/null; then
    kill -TERM "$suite_pid" 2>/dev/null
    for ((i = 0; i < 600; i++)); do kill -0 "$suite_pid" 2>/dev/null || break; sleep 0.05; done
  fi
  [ -n "$suite_log" ] && rm -f "$suite_log"
  exit 130
}
trap on_signal INT TERM

run_suite() { # NAME SCRIPT
  local name=$1 script=$2 rc line tail_pid
  echo "=== e2e $name ($script)"
  suite_log=$(mktemp /tmp/spectra-e2e-suite.XXXXXX)
  "$script" >"$suite_log" 2>&1 </dev/null &
  suite_pid=$!
  tail -n +1 -f --pid="$suite_pid" "$suite_log" | sed -u 's/^/  /' &
  tail_pid=$!
  wait "$suite_pid"
  rc=$?
  wait "$tail_pid"
  suite_pid=""
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$suite_log" | tail -n 1)
  rm -f "$suite_log"
  suite_log=""
  if [ -z "$line" ]; then
    echo "  (the suite printed no summary line; exit status $rc)"
    line="0 passed, 1 failed"
  elif [ "$rc" -ne 0 ] && [[ $line == *" 0 failed" ]]; then
    echo "  (the suite exited with status $rc despite 0 failures: counted as one failure)"
    line="${line%% *} passed, 1 failed"
  fi
  count "$name" "$line"
}

run_suite fpm "$here/fpm/run.sh"
if [ -x "$here/laravel/run.sh" ]; then
  run_suite laravel "$here/laravel/run.sh"
elif [ -e "$here/laravel/run.sh" ]; then
  echo "=== e2e laravel: $here/laravel/run.sh is not executable, skipped"
fi

echo "=== e2e summary"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
