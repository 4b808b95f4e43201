#!/usr/bin/env bash
# End-to-end: a real Laravel application (laravel/framework from Composer) served by php-fpm
# behind nginx, with ext-spectra loaded in the pool. Proves, over real HTTP:
#   - App\Services\ChatService wraps Http::post(<mock provider>/v1/chat/completions) in
#     Spectra::track('openai', 'gpt-4o-mini', ...), called from a controller route;
#   - php.ini spectra.event_dispatcher=event hands RequestTracked to Laravel's event(), and a
#     listener registered with Event::listen() in AppServiceProvider writes what it got to
#     storage/app/spectra-events.jsonl;
#   - php.ini spectra.otel.span_builder=App\Tracing\SpanBuilder is autoloaded by Composer and
#     shapes the span the loopback OTLP receiver gets (http/json);
#   - started_at/completed_at are Carbon\CarbonImmutable in the app's timezone.
#
#     bash tests/e2e/laravel/run.sh      # one check per line, then "N passed, N failed"
#
# The app is assembled in a temp dir on every run from the overlay in app/ (routes, service,
# listener, provider, span builder, config, .env template) plus vendor/ from Composer. The
# Composer result is cached as a template in $SPECTRA_LARAVEL_CACHE (default
# ~/.cache/spectra-laravel), keyed by a hash of the overlay (composer.json included), so only
# the first run (or a run after an overlay change) talks to the registry.
# Knobs: SPECTRA_LARAVEL_CACHE, E2E_SPECTRA_SO (see ../lib.sh), E2E_KEEP_TMP=1 (keep the app,
# logs and received spans for a look after the run).
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OVERLAY=$HERE/app
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

# What the pool needs besides spectra.so (php-fpm runs with -n): Laravel's extensions, and
# opcache as in production.
export E2E_FPM_EXTENSIONS=${E2E_FPM_EXTENSIONS:-"ctype mbstring tokenizer xml dom simplexml xmlwriter fileinfo iconv curl pdo pdo_sqlite"}
export E2E_FPM_INI=${E2E_FPM_INI:-"zend_extension=opcache opcache.enable=1"}

CACHE=${SPECTRA_LARAVEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/spectra-laravel}
TRACE_ID=4bf92f3577b34da6a3ce929d0e0e4736
PARENT_SPAN=00f067aa0ba902b7

finish() {
  e2e_summary
  exit $?
}

# ---------------------------------------------------------------- app template (Composer)
overlay_key() {
  (
    cd "$OVERLAY" || exit 1
    find . -type f -print | LC_ALL=C sort | while read -r f; do
      echo "== $f"
      cat "$f"
    done
    php -r 'echo PHP_VERSION, "\n";'
  ) | sha256sum | cut -c1-16
}

build_template() { # dir
  local dir=$1 staging
  mkdir -p "$CACHE" || return 1
  rm -rf "$CACHE"/staging.* # left by an interrupted run (we hold the cache lock)
  staging=$(mktemp -d "$CACHE/staging.XXXXXX") || return 1
  cp -a "$OVERLAY/." "$staging/"
  echo "laravel: composer is installing laravel/framework into $dir (cached for later runs)" >&2
  if ! (cd "$staging" && COMPOSER_NO_INTERACTION=1 timeout 900 composer update --no-dev --prefer-dist \
    --no-progress --no-audit) >"$staging/composer.log" 2>&1; then
    echo "laravel: composer failed; last lines:" >&2
    tail -n 25 "$staging/composer.log" | sed 's/^/laravel:   /' >&2
    rm -rf "$staging"
    return 1
  fi
  rm -rf "$dir"
  mv "$staging" "$dir"
  # templates of older overlays
  find "$CACHE" -mindepth 1 -maxdepth 1 -name 'template-*' ! -path "$dir" -exec rm -rf {} +
}

command -v composer >/dev/null || { e2e_fail "laravel app assembled" "composer is not installed (bash tools/install-deps.sh)"; finish; }
key=$(overlay_key)
template=$CACHE/template-$key
tmp=$(e2e_tmpdir) || exit 1
app=$tmp/app
mkdir -p "$CACHE" && exec 9>"$CACHE/.lock" && flock 9 # runs in parallel share the cache
if [ ! -f "$template/vendor/autoload.php" ]; then
  build_template "$template" || { e2e_fail "laravel app assembled" "composer could not install laravel/framework (see above)"; finish; }
fi
cp -a "$template/." "$app/"
exec 9>&- # unlocks
mkdir -p "$app"/storage/{app,logs,framework/{cache,sessions,views}} "$app"/bootstrap/cache "$app"/resources/views
laravel_version=$(php -n -r '$j = json_decode(file_get_contents($argv[1]), true);
  foreach ($j["packages"] ?? $j as $p) { if ($p["name"] === "laravel/framework") { echo $p["version"]; } }' \
  "$app/vendor/composer/installed.json")
if [ -n "$laravel_version" ] && [ -f "$app/public/index.php" ]; then
  e2e_ok "laravel app assembled" "laravel/framework $laravel_version, template $template"
else
  e2e_fail "laravel app assembled" "no laravel/framework in $app/vendor"
  finish
fi

# ---------------------------------------------------------------- servers
mkdir -p "$tmp/recv"
recv_port=$(e2e_start_receiver "$tmp/recv") || { e2e_fail "servers started" "OTLP receiver"; finish; }
mock_port=$(e2e_start_mock_provider) || { e2e_fail "servers started" "mock provider"; finish; }

app_key=base64:$(head -c 32 /dev/urandom | base64)
sed -e "s#@APP_KEY@#$app_key#" -e "s#@PROVIDER_URL@#http://127.0.0.1:$mock_port#" \
  "$app/.env.example" >"$app/.env"
# the FPM workers write storage/ and bootstrap/cache (package manifest)
chmod -R a+rwX "$app/storage" "$app/bootstrap/cache"
chmod -R a+rX "$app"

fpm=$(e2e_start_fpm "$tmp/fpm" "$app/public" \
  "php_admin_value[spectra.event_dispatcher] = event" \
  "php_admin_value[spectra.otel.span_builder] = App\\Tracing\\SpanBuilder" \
  "php_admin_value[spectra.otel.enabled] = 1" \
  "php_admin_value[spectra.otel.endpoint] = http://127.0.0.1:$recv_port/v1/traces" \
  "php_admin_value[spectra.otel.protocol] = http/json" \
  "php_admin_value[spectra.otel.service_name] = laravel-e2e") || { e2e_fail "servers started" "php-fpm"; finish; }
web_port=$(e2e_start_nginx "$tmp/nginx" "$app/public" "$fpm") || { e2e_fail "servers started" "nginx"; finish; }
e2e_ok "servers started" "nginx :$web_port -> php-fpm $fpm, mock provider :$mock_port, receiver :$recv_port"

# ---------------------------------------------------------------- requests
out=$tmp/out
mkdir -p "$out"
# checks.php prints "ok|fail<TAB>name<TAB>detail" lines; anything else is shown as is
report_checks() { # file
  local verdict name detail
  while IFS=$'\t' read -r verdict name detail; do
    case $verdict in
      ok) e2e_ok "$name" "$detail" ;;
      fail) e2e_fail "$name" "$detail" ;;
      *) echo "checks.php: $verdict${name:+ $name}${detail:+ $detail}" ;;
    esac
  done <"$1"
}
request() { # name path [curl args...]: body to $out/name.body, status to $out/name.status (REQUEST_PORT: another server)
  local name=$1 path=$2
  shift 2
  curl -sS -m 30 -o "$out/$name.body" -w '%{http_code}' "$@" "http://127.0.0.1:${REQUEST_PORT:-$web_port}$path" \
    >"$out/$name.status" 2>"$out/$name.curl" || true
}
request health /health
request chat '/chat?prompt=hello+there+friend' -H "traceparent: 00-$TRACE_ID-$PARENT_SPAN-01"
request failure '/chat?fail=1'
for i in 1 2 3 4; do
  request "again$i" "/chat?prompt=round+number+$i"
done
for client in laravel symfony; do
  request "raw_${client}_200" "/raw?client=$client"
  request "raw_${client}_429" "/raw?client=$client&status=429"
done

# after_response export: the spans leave after each response; wait (bounded) for all of them
wait_spans() { # receiver_dir count
  local deadline=$((SECONDS + 15)) spans
  while [ "$SECONDS" -lt "$deadline" ]; do
    spans=$(php -n -r '$n = 0; foreach (glob($argv[1] . "/*.bin") as $f) { $j = json_decode(file_get_contents($f), true);
      foreach ($j["resourceSpans"] ?? [] as $rs) { foreach ($rs["scopeSpans"] ?? [] as $ss) { $n += count($ss["spans"] ?? []); } } }
      echo $n;' "$1")
    [ "${spans:-0}" -ge "$2" ] && break
    sleep 0.1
  done
  sleep 0.3 # a late duplicate would show up in the count check
}
wait_spans "$tmp/recv" 10

# ---------------------------------------------------------------- checks
php -n "$HERE/checks.php" "$app" "$out" "$tmp/recv" "$tmp/fpm" "$TRACE_ID" "$PARENT_SPAN" >"$out/checks.txt" 2>&1
checks_rc=$?
report_checks "$out/checks.txt"
[ "$checks_rc" -eq 0 ] || e2e_fail "checks.php ran" "exit code $checks_rc"

# ---------------------------------------------------------------- automatic capture
# A second php-fpm + nginx over the same app. The master loads the extension at startup, as
# php.ini or conf.d does (capture can join the engine's observer API only then), with
# spectra.auto_capture=1 and 127.0.0.1 made an OpenAI host. The /captured route's Http calls
# have no Spectra code; /raw's call is inside track() and must stay one record.
: >"$app/storage/app/spectra-events.jsonl" # the listener's file holds this pool's events from here on
mkdir -p "$tmp/recv-capture"
capture_servers() {
  recv2_port=$(e2e_start_receiver "$tmp/recv-capture") || return 1
  fpm2=$(E2E_SPECTRA_IN_MASTER=1 E2E_FPM_INI="$E2E_FPM_INI spectra.auto_capture=1 spectra.providers.openai.hosts=127.0.0.1" \
    e2e_start_fpm "$tmp/fpm-capture" "$app/public" \
    "php_admin_value[spectra.event_dispatcher] = event" \
    "php_admin_value[spectra.otel.span_builder] = App\\Tracing\\SpanBuilder" \
    "php_admin_value[spectra.otel.enabled] = 1" \
    "php_admin_value[spectra.otel.endpoint] = http://127.0.0.1:$recv2_port/v1/traces" \
    "php_admin_value[spectra.otel.protocol] = http/json" \
    "php_admin_value[spectra.otel.service_name] = laravel-e2e-capture") || return 1
  web2_port=$(e2e_start_nginx "$tmp/nginx-capture" "$app/public" "$fpm2") || return 1
}
if capture_servers; then
  e2e_ok "capture servers started" "nginx :$web2_port -> php-fpm $fpm2 (extension loaded by the master), receiver :$recv2_port"
  n=0
  for mode in single pool quiet other_host tracked; do
    n=$((n + 1))
    path="/captured?mode=$mode"
    [ "$mode" = tracked ] && path="/raw?client=laravel"
    REQUEST_PORT=$web2_port request "captured_$mode" "$path" -H "traceparent: 00-$(printf 'ca%030x' "$n")-$PARENT_SPAN-01"
  done
  wait_spans "$tmp/recv-capture" 7
  php -n "$HERE/checks.php" "$app" "$out" "$tmp/recv-capture" "$tmp/fpm-capture" "$TRACE_ID" "$PARENT_SPAN" capture \
    >"$out/capture.txt" 2>&1 || e2e_fail "capture checks ran" "exit code $?"
  report_checks "$out/capture.txt"
else
  e2e_fail "capture servers started" "receiver, php-fpm or nginx (see above)"
fi

# ---------------------------------------------------------------- fault injection (opt-in)
# E2E_LARAVEL_FAULTS=1: a listener that throws, then a span builder hook that throws. The
# README promises isolation (one E_WARNING, the callback's value untouched); under Laravel,
# whose error handler turns warnings into ErrorException, this does not hold yet (the
# request ends in a 500), so these checks are off by default. See docs/laravel.md.
if [ "${E2E_LARAVEL_FAULTS:-0}" = 1 ]; then
  n=0
  for fault in listener span_builder; do
    n=$((n + 1))
    fault_trace=$(printf '%032x' $((0xfa17 + n)))
    echo "$fault_trace" >"$out/fault_$fault.trace"
    request "fault_$fault" "/chat?e2e_fault=$fault" -H "traceparent: 00-$fault_trace-$PARENT_SPAN-01"
  done
  deadline=$((SECONDS + 15))
  while [ "$SECONDS" -lt "$deadline" ] && [ "$(curl -s "http://127.0.0.1:$recv_port/count")" -lt 8 ] 2>/dev/null; do
    sleep 0.1
  done
  php -n "$HERE/checks.php" "$app" "$out" "$tmp/recv" "$tmp/fpm" "$TRACE_ID" "$PARENT_SPAN" faults >"$out/faults.txt" 2>&1
  report_checks "$out/faults.txt"
fi

if [ "$E2E_FAILED" -gt 0 ]; then
  for f in "$app/storage/logs/laravel.log" "$tmp/fpm/php-errors.log" "$tmp/fpm/php-fpm.log" "$tmp/nginx/error.log" \
    "$tmp/fpm-capture/php-errors.log" "$tmp/fpm-capture/php-fpm.log"; do
    [ -s "$f" ] && { echo "--- last lines of $f"; tail -n 15 "$f"; }
  done
fi
finish
