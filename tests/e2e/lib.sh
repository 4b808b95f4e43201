# shellcheck shell=bash
# Shared helpers for the end-to-end suites (tests/e2e/*/run.sh, bench/fpm_*.sh): a loopback
# OTLP receiver, the local mock provider, a real php-fpm8.2 behind a real nginx, and
# pass/fail counters. Source it:
#
#     . "$(dirname "$0")/../lib.sh"          # sets an EXIT trap that calls e2e_stop_all
#     tmp=$(e2e_tmpdir)
#     mkdir "$tmp/recv"; recv_port=$(e2e_start_receiver "$tmp/recv")
#     mock_port=$(e2e_start_mock_provider)
#     fpm=$(e2e_start_fpm "$tmp/fpm" "$docroot" 'pm.max_children = 1' \
#           "php_admin_value[spectra.otel.endpoint] = http://127.0.0.1:$recv_port/v1/traces")
#     web_port=$(e2e_start_nginx "$tmp/nginx" "$docroot" "$fpm")
#     curl -s "http://127.0.0.1:$web_port/x.php" ...; e2e_ok name / e2e_fail name "why"
#     e2e_summary                            # "N passed, N failed"; non-zero if any failed
#
# Every e2e_start_* function is meant to be called in a command substitution ($(...)): the
# processes are recorded in a state directory rather than in shell variables, so the
# sourcing shell's e2e_stop_all (run by the EXIT trap, or called by hand) stops them all.
# If you set your own EXIT trap, call e2e_stop_all from it.
# Besides the functions above: e2e_spectra_so (the extension snapshot the pools load),
# e2e_start_gated_receiver / e2e_gate_held / e2e_gate_open (a receiver that holds every POST
# until released: "answered before the collector did" as an order of events),
# e2e_stop_server CONF_DIR (stop one php-fpm or nginx early),
# e2e_receiver_count PORT, e2e_receiver_wait PORT N SECONDS. e2e_start_fpm echoes the FastCGI
# address (127.0.0.1:PORT) that e2e_start_nginx takes.
# All processes are started in their own process group (setsid) and stopped by that id.
#
# Knobs (environment, read when a function runs):
#   E2E_SPECTRA_SO        extension loaded in FPM pools (default: a private copy of
#                         <repo>/modules/spectra.so, see e2e_spectra_so; "none" = do not load it)
#   E2E_FPM_EXTENSIONS    extra shared extensions for php-fpm, loaded in the master with -d,
#                         in order (e.g. "ctype mbstring tokenizer xml dom pdo pdo_sqlite");
#                         php-fpm runs with -n, so nothing from /etc/php is loaded otherwise
#   E2E_FPM_INI           extra "-d name=value" settings for the php-fpm master (space separated)
#   E2E_SPECTRA_IN_MASTER 1: the master loads the extension at startup (-d extension=), as
#                         php.ini does, instead of the pool's php_admin_value[extension] line
#   E2E_FPM_PROCESS_CONTROL_TIMEOUT  [global] process_control_timeout of the pools (default 10s)
#   E2E_RECEIVER_WORKERS  PHP_CLI_SERVER_WORKERS for the receiver (default 8: a slow receiver
#                         mode must not serialize all POSTs and the /count polls)
#   E2E_START_TIMEOUT     seconds to wait for a server to come up (default 15)

E2E_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_PHP=${E2E_PHP:-$(command -v php || echo /usr/bin/php)}
E2E_FPM_BIN=${E2E_FPM_BIN:-/usr/sbin/php-fpm8.2}
E2E_NGINX_BIN=${E2E_NGINX_BIN:-/usr/sbin/nginx}
E2E_PASSED=0
E2E_FAILED=0
E2E_OWNER_PID=${BASHPID:-$$}
E2E_STATE=$(mktemp -d /tmp/spectra-e2e-state.XXXXXX)
: >"$E2E_STATE/procs"
: >"$E2E_STATE/dirs"

e2e__log() { echo "$*" >&2; }

e2e__timeout() { echo "${E2E_START_TIMEOUT:-15}"; }

# Records a started process: pid, kind (fpm|nginx|php), a log file to show on trouble.
e2e__register() { echo "$1 $2 $3" >>"$E2E_STATE/procs"; }

e2e__alive() { kill -0 "$1" 2>/dev/null; }

# Is something listening on 127.0.0.1:PORT (IPv4 LISTEN entry in /proc/net/tcp)?
e2e__listening() {
  local hex
  hex=$(printf '%04X' "$1")
  grep -qE "^ *[0-9]+: (0100007F|00000000):$hex 00000000:0000 0A " /proc/net/tcp
}

# Waits (bounded) until PORT listens, as long as PID lives; returns 1 otherwise.
e2e__wait_listen() { # pid port
  local pid=$1 port=$2 i limit
  limit=$(( $(e2e__timeout) * 20 ))
  for ((i = 0; i < limit; i++)); do
    e2e__alive "$pid" || return 1
    e2e__listening "$port" && return 0
    sleep 0.05
  done
  return 1
}

# e2e_spectra_so: echoes the spectra.so the FPM pools load. Unless E2E_SPECTRA_SO is set, a
# private copy of <repo>/modules/spectra.so taken once per run: modules/spectra.so is rebuilt
# in place now and then, and overwriting a mapped .so kills the workers using it (SIGSEGV).
# Waits (bounded, E2E_SO_WAIT seconds, default 180) until the build loads in php -n.
e2e_spectra_so() {
  if [ -n "${E2E_SPECTRA_SO:-}" ]; then
    echo "$E2E_SPECTRA_SO"
    return 0
  fi
  local snap="$E2E_STATE/spectra.so" src="$E2E_ROOT/modules/spectra.so" i limit tmpcopy
  if [ -f "$snap" ]; then
    echo "$snap"
    return 0
  fi
  limit=$(( ${E2E_SO_WAIT:-180} / 5 ))
  tmpcopy="$E2E_STATE/spectra.so.$BASHPID"
  for ((i = 0; i <= limit; i++)); do
    if [ -f "$src" ] && cp "$src" "$tmpcopy" 2>/dev/null \
      && "$E2E_PHP" -n -d "extension=$tmpcopy" -r 'exit(class_exists("Spectra\\Spectra") ? 0 : 1);' >/dev/null 2>&1; then
      mv -f "$tmpcopy" "$snap"
      echo "$snap"
      return 0
    fi
    rm -f "$tmpcopy"
    [ "$i" = 0 ] && e2e__log "e2e: waiting for a loadable $src (being rebuilt?)"
    [ "$i" -lt "$limit" ] && sleep 5
  done
  e2e__log "e2e: $src is missing or does not load"
  return 1
}

# Private temp dir under /tmp, removed by e2e_stop_all (at exit).
e2e_tmpdir() {
  local dir
  dir=$(mktemp -d /tmp/spectra-e2e.XXXXXX) || return 1
  chmod 755 "$dir"
  echo "$dir" >>"$E2E_STATE/dirs"
  echo "$dir"
}

# A free TCP port on 127.0.0.1 (free when asked; servers are started with a retry).
e2e_free_port() {
  "$E2E_PHP" -n -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m);
    if (!$s) { fwrite(STDERR, "no free port: $m\n"); exit(1); }
    echo explode(":", stream_socket_get_name($s, false))[1], "\n";'
}

# Starts PHP's built-in server in its own process group; echoes the pid or fails.
e2e__start_php_server() { # log port router [VAR=value...]
  local log=$1 port=$2 router=$3
  shift 3
  env "$@" setsid "$E2E_PHP" -n -S "127.0.0.1:$port" "$router" </dev/null >>"$log" 2>&1 &
  local pid=$!
  e2e__register "$pid" php "$log"
  echo "$pid"
}

# e2e_start_receiver DIR [ROUTER]: tests/tools/otlp_receiver.php (or ROUTER) storing into
# DIR; echoes the port once GET /count answers. Receiver behaviour: write DIR/mode (see the
# receiver's header).
e2e_start_receiver() {
  local dir=$1 router=${2:-$E2E_ROOT/tests/tools/otlp_receiver.php} attempt port pid i limit
  [ -d "$dir" ] || mkdir -p "$dir" || return 1
  limit=$(( $(e2e__timeout) * 20 ))
  for attempt in 1 2 3; do
    port=$(e2e_free_port) || return 1
    pid=$(e2e__start_php_server "$E2E_STATE/receiver-$port.log" "$port" "$router" \
      "SPECTRA_RECEIVER_DIR=$dir" "PHP_CLI_SERVER_WORKERS=${E2E_RECEIVER_WORKERS:-8}")
    for ((i = 0; i < limit; i++)); do
      e2e__alive "$pid" || break
      if curl -fsS -m 2 "http://127.0.0.1:$port/count" >/dev/null 2>&1; then
        echo "$port"
        return 0
      fi
      sleep 0.05
    done
    e2e__stop_pid "$pid" php
  done
  e2e__log "e2e: the OTLP receiver did not start:"
  tail -n 5 "$E2E_STATE/receiver-$port.log" 2>/dev/null | sed 's/^/e2e:   /' >&2
  return 1
}

# e2e_start_gated_receiver DIR: the same receiver behind a gate, to tell by the order of
# events (not by a stopwatch) whether something waited for the collector. Every POST is
# counted in DIR/held as soon as it has arrived (body read), then held unanswered until
# e2e_gate_open DIR (or, if nobody opens the gate, for at most 60 s), then stored and
# answered by otlp_receiver.php as usual. GET /count answers at once. Echoes the port.
# e2e_gate_held DIR: how many POSTs have arrived at the gate so far.
e2e_start_gated_receiver() {
  local router="$E2E_STATE/gated_receiver.php"
  cat >"$router" <<PHP
<?php
\$dir = rtrim((string) getenv('SPECTRA_RECEIVER_DIR'), '/');
if ((\$_SERVER['REQUEST_METHOD'] ?? '') === 'POST') {
    \$lock = fopen("\$dir/.held.lock", 'c');
    flock(\$lock, LOCK_EX);
    file_put_contents("\$dir/held", (string) ((int) @file_get_contents("\$dir/held") + 1));
    flock(\$lock, LOCK_UN);
    fclose(\$lock);
    for (\$i = 0; \$i < 1200 && !is_file("\$dir/gate-open"); \$i++) {
        usleep(50000);
    }
}
return require '$E2E_ROOT/tests/tools/otlp_receiver.php';
PHP
  e2e_start_receiver "$1" "$router"
}

e2e_gate_open() { touch "$1/gate-open"; }

e2e_gate_held() {
  local n
  n=$(cat "$1/held" 2>/dev/null)
  echo "${n:-0}"
}

# e2e_start_mock_provider: tests/tools/mock_provider.php; echoes the port once it answers.
e2e_start_mock_provider() {
  local attempt port pid i limit log
  limit=$(( $(e2e__timeout) * 20 ))
  log="$E2E_STATE/mock-provider.log"
  for attempt in 1 2 3; do
    port=$(e2e_free_port) || return 1
    pid=$(e2e__start_php_server "$log" "$port" "$E2E_ROOT/tests/tools/mock_provider.php" \
      "PHP_CLI_SERVER_WORKERS=${E2E_MOCK_WORKERS:-4}")
    for ((i = 0; i < limit; i++)); do
      e2e__alive "$pid" || break
      # any HTTP answer (the mock says 404 to GET /) means it is up
      if [ "$(curl -sS -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)" = 404 ]; then
        echo "$port"
        return 0
      fi
      sleep 0.05
    done
    e2e__stop_pid "$pid" php
  done
  e2e__log "e2e: the mock provider did not start:"
  tail -n 5 "$log" 2>/dev/null | sed 's/^/e2e:   /' >&2
  return 1
}

# e2e_start_fpm CONF_DIR DOCROOT [POOL_LINE...]: php-fpm8.2 -n in the foreground (in the
# background of this shell) with its own php-fpm.conf, pid and logs under CONF_DIR, one
# pool "e2e" listening on a free 127.0.0.1 port, spectra.so loaded in the pool with
# php_admin_value[extension]. Pool defaults: pm = static, pm.max_children = 2, clear_env,
# chdir = DOCROOT, errors logged to CONF_DIR/php-errors.log, worker stderr (the extension's
# "spectra:" lines) to CONF_DIR/php-fpm.log. POOL_LINEs are appended verbatim and override
# the defaults (e.g. 'pm = ondemand', 'pm.max_requests = 1',
# 'php_admin_value[spectra.otel.endpoint] = http://127.0.0.1:4318/v1/traces', 'env[X] = y').
# Echoes the FastCGI address (127.0.0.1:PORT) once the listen socket is up.
e2e_start_fpm() {
  local conf_dir=$1 docroot=$2
  shift 2
  [ -x "$E2E_FPM_BIN" ] || { e2e__log "e2e: $E2E_FPM_BIN is not installed (bash tools/install-deps.sh)"; return 1; }
  mkdir -p "$conf_dir" || return 1
  local so
  so=$(e2e_spectra_so) || return 1
  local args=(-n --nodaemonize --fpm-config "$conf_dir/php-fpm.conf")
  local ext setting attempt port pid line
  for ext in ${E2E_FPM_EXTENSIONS:-}; do args+=(-d "extension=$ext"); done
  # E2E_SPECTRA_IN_MASTER=1: the extension is loaded by the master at startup, as php.ini or
  # conf.d loads it (what automatic capture needs), instead of by the pool's line
  if [ "${E2E_SPECTRA_IN_MASTER:-0}" = 1 ] && [ "$so" != none ]; then
    args+=(-d "extension=$so")
  fi
  for setting in ${E2E_FPM_INI:-}; do args+=(-d "$setting"); done
  [ "$(id -u)" = 0 ] && args+=(--allow-to-run-as-root)
  for attempt in 1 2 3; do
    port=$(e2e_free_port) || return 1
    {
      echo "[global]"
      echo "pid = $conf_dir/php-fpm.pid"
      echo "error_log = $conf_dir/php-fpm.log"
      echo "log_level = notice"
      echo "daemonize = no"
      echo "process_control_timeout = ${E2E_FPM_PROCESS_CONTROL_TIMEOUT:-10s}"
      echo
      echo "[e2e]"
      if [ "$(id -u)" = 0 ]; then
        echo "user = root"
        echo "group = root"
      fi
      echo "listen = 127.0.0.1:$port"
      echo "listen.allowed_clients = 127.0.0.1"
      echo "listen.backlog = 511"
      echo "pm = static"
      echo "pm.max_children = 2"
      echo "pm.start_servers = 1"
      echo "pm.min_spare_servers = 1"
      echo "pm.max_spare_servers = 2"
      echo "chdir = $docroot"
      echo "clear_env = yes"
      echo "catch_workers_output = yes"
      echo "decorate_workers_output = no"
      echo "request_terminate_timeout = 60s"
      echo "php_admin_flag[log_errors] = on"
      echo "php_admin_flag[display_errors] = off"
      echo "php_admin_value[error_log] = $conf_dir/php-errors.log"
      for line in "$@"; do echo "$line"; done
      # FPM applies php_value/php_admin_value lines in reverse file order (its list is
      # built by prepending): the extension line goes last so it is loaded before the
      # spectra.* lines are applied (otherwise "Unable to set php_admin_value").
      if [ "$so" != none ] && [ "${E2E_SPECTRA_IN_MASTER:-0}" != 1 ]; then
        echo "php_admin_value[extension] = $so"
      fi
    } >"$conf_dir/php-fpm.conf"
    setsid "$E2E_FPM_BIN" "${args[@]}" </dev/null >>"$conf_dir/php-fpm.stdout" 2>&1 &
    pid=$!
    e2e__register "$pid" fpm "$conf_dir/php-fpm.log"
    if e2e__wait_listen "$pid" "$port"; then
      echo "127.0.0.1:$port"
      return 0
    fi
    e2e__stop_pid "$pid" fpm
    grep -q -i 'address already in use' "$conf_dir/php-fpm.log" 2>/dev/null || break
  done
  e2e__log "e2e: php-fpm did not start; last lines of $conf_dir/php-fpm.log:"
  tail -n 15 "$conf_dir/php-fpm.log" "$conf_dir/php-fpm.stdout" 2>/dev/null | sed 's/^/e2e:   /' >&2
  return 1
}

# e2e_start_nginx CONF_DIR DOCROOT FPM_ADDRESS: nginx (daemon off, own nginx.conf, pid, logs
# and temp paths under CONF_DIR) on a free 127.0.0.1 port; *.php goes to FPM_ADDRESS
# (host:port or unix:/path) with SCRIPT_FILENAME under DOCROOT, other paths that are not
# files go to /index.php (front controller). Incoming headers reach PHP as HTTP_*.
# Access log (with request and upstream times): CONF_DIR/access.log. Echoes the port.
e2e_start_nginx() {
  local conf_dir=$1 docroot=$2 fpm=$3
  [ -x "$E2E_NGINX_BIN" ] || { e2e__log "e2e: $E2E_NGINX_BIN is not installed (bash tools/install-deps.sh)"; return 1; }
  mkdir -p "$conf_dir/tmp" || return 1
  local attempt port pid
  for attempt in 1 2 3; do
    port=$(e2e_free_port) || return 1
    {
      [ "$(id -u)" = 0 ] && echo "user root root;"
      echo "daemon off;"
      echo "master_process on;"
      echo "worker_processes 2;"
      echo "pid $conf_dir/nginx.pid;"
      echo "error_log $conf_dir/error.log warn;"
      echo "events { worker_connections 512; }"
      echo "http {"
      echo "  default_type application/octet-stream;"
      echo "  log_format e2e '\$remote_addr \"\$request\" \$status \$body_bytes_sent rt=\$request_time urt=\$upstream_response_time';"
      echo "  access_log $conf_dir/access.log e2e;"
      echo "  client_body_temp_path $conf_dir/tmp/body;"
      echo "  proxy_temp_path $conf_dir/tmp/proxy;"
      echo "  fastcgi_temp_path $conf_dir/tmp/fastcgi;"
      echo "  uwsgi_temp_path $conf_dir/tmp/uwsgi;"
      echo "  scgi_temp_path $conf_dir/tmp/scgi;"
      echo "  server {"
      echo "    listen 127.0.0.1:$port;"
      echo "    server_name localhost;"
      echo "    root $docroot;"
      echo "    index index.php index.html;"
      echo "    location / { try_files \$uri \$uri/ /index.php\$is_args\$args; }"
      echo "    location ~ \\.php\$ {"
      echo "      try_files \$uri =404;"
      echo "      fastcgi_pass $fpm;"
      echo "      fastcgi_read_timeout 60s;"
      echo "      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;"
      echo "      fastcgi_param SCRIPT_NAME \$fastcgi_script_name;"
      echo "      fastcgi_param QUERY_STRING \$query_string;"
      echo "      fastcgi_param REQUEST_METHOD \$request_method;"
      echo "      fastcgi_param CONTENT_TYPE \$content_type;"
      echo "      fastcgi_param CONTENT_LENGTH \$content_length;"
      echo "      fastcgi_param REQUEST_URI \$request_uri;"
      echo "      fastcgi_param DOCUMENT_URI \$document_uri;"
      echo "      fastcgi_param DOCUMENT_ROOT \$document_root;"
      echo "      fastcgi_param SERVER_PROTOCOL \$server_protocol;"
      echo "      fastcgi_param REQUEST_SCHEME \$scheme;"
      echo "      fastcgi_param GATEWAY_INTERFACE CGI/1.1;"
      echo "      fastcgi_param SERVER_SOFTWARE nginx/\$nginx_version;"
      echo "      fastcgi_param REMOTE_ADDR \$remote_addr;"
      echo "      fastcgi_param REMOTE_PORT \$remote_port;"
      echo "      fastcgi_param SERVER_ADDR \$server_addr;"
      echo "      fastcgi_param SERVER_PORT \$server_port;"
      echo "      fastcgi_param SERVER_NAME \$server_name;"
      echo "      fastcgi_param REDIRECT_STATUS 200;"
      echo "    }"
      echo "  }"
      echo "}"
    } >"$conf_dir/nginx.conf"
    setsid "$E2E_NGINX_BIN" -p "$conf_dir" -e "$conf_dir/error.log" -c "$conf_dir/nginx.conf" \
      </dev/null >>"$conf_dir/nginx.stdout" 2>&1 &
    pid=$!
    e2e__register "$pid" nginx "$conf_dir/error.log"
    if e2e__wait_listen "$pid" "$port"; then
      echo "$port"
      return 0
    fi
    e2e__stop_pid "$pid" nginx
    grep -q -i 'address already in use' "$conf_dir/error.log" 2>/dev/null || break
  done
  e2e__log "e2e: nginx did not start; last lines of $conf_dir/error.log:"
  tail -n 15 "$conf_dir/error.log" "$conf_dir/nginx.stdout" 2>/dev/null | sed 's/^/e2e:   /' >&2
  return 1
}

# Stops one process group we started: graceful signal first (fpm/nginx: SIGQUIT, which lets
# FPM workers run MSHUTDOWN and flush), then SIGTERM, then SIGKILL, each wait bounded.
e2e__stop_pid() { # pid kind
  local pid=$1 kind=$2 sig i
  local target=$pid
  # setsid made the process a group leader: signal the whole group (FPM workers, server workers)
  if [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$pid" ]; then target=-$pid; fi
  [ "$target" = "$pid" ] && [ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" = "" ] && target=-$pid
  case $kind in
    fpm | nginx) sig=(QUIT TERM KILL) ;;
    *) sig=(TERM KILL) ;;
  esac
  local s
  for s in "${sig[@]}"; do
    e2e__group_alive "$pid" || return 0
    if [ "$s" = QUIT ]; then
      kill -QUIT "$pid" 2>/dev/null   # the master tells its workers
    else
      kill "-$s" -- "$target" 2>/dev/null
    fi
    for ((i = 0; i < 240; i++)); do   # up to 12 s per signal
      e2e__group_alive "$pid" || break
      sleep 0.05
    done
  done
  wait "$pid" 2>/dev/null
  return 0
}

# Is the process, or anything left in its process group, still running?
# (Zombies do not count: reparented processes may wait for a reaper that never comes.)
e2e__group_alive() {
  ps -e -o pid=,pgid=,stat= 2>/dev/null | awk -v g="$1" '($1 == g || $2 == g) && $3 !~ /^Z/ { found = 1 } END { exit !found }'
}

# e2e_stop_server CONF_DIR: stops (gracefully, bounded) the php-fpm or nginx started with
# that CONF_DIR, before the rest; FPM workers run MSHUTDOWN (the extension's final flush).
e2e_stop_server() {
  local dir=${1%/} pid kind log rest=()
  [ -s "$E2E_STATE/procs" ] || return 0
  while read -r pid kind log; do
    if [ "${log%/*}" = "$dir" ]; then
      e2e__stop_pid "$pid" "$kind"
    else
      rest+=("$pid $kind $log")
    fi
  done <"$E2E_STATE/procs"
  if [ ${#rest[@]} -gt 0 ]; then printf '%s\n' "${rest[@]}" >"$E2E_STATE/procs"; else : >"$E2E_STATE/procs"; fi
}

# e2e_receiver_count PORT: bodies stored by the receiver (0 if it does not answer).
e2e_receiver_count() {
  local n
  n=$(curl -fsS -m 5 "http://127.0.0.1:$1/count" 2>/dev/null | tr -d '[:space:]')
  echo "${n:-0}"
}

# e2e_receiver_wait PORT N SECONDS: waits (bounded) until the receiver stored >= N bodies;
# echoes the last count; returns non-zero on timeout.
e2e_receiver_wait() {
  local port=$1 want=$2 limit=$(( $3 * 4 )) i n=0
  for ((i = 0; i <= limit; i++)); do
    n=$(e2e_receiver_count "$port")
    [ "$n" -ge "$want" ] && { echo "$n"; return 0; }
    sleep 0.25
  done
  echo "$n"
  return 1
}

# e2e_stop_all: stops every process started by e2e_start_* (newest first) and removes the
# temp dirs. Safe to call more than once; the EXIT trap calls it.
e2e_stop_all() {
  [ "${BASHPID:-$$}" = "$E2E_OWNER_PID" ] || return 0
  [ -d "$E2E_STATE" ] || return 0
  local pid kind log
  if [ -s "$E2E_STATE/procs" ]; then
    while read -r pid kind log; do
      [ -n "$pid" ] && e2e__stop_pid "$pid" "$kind"
    done < <(tac "$E2E_STATE/procs")
    : >"$E2E_STATE/procs"
  fi
  if [ "${E2E_KEEP_TMP:-0}" != 1 ]; then
    local dir
    while read -r dir; do
      case $dir in /tmp/spectra-e2e.*) rm -rf -- "$dir" ;; esac
    done <"$E2E_STATE/dirs"
    : >"$E2E_STATE/dirs"
  fi
  return 0
}

e2e__exit_trap() {
  e2e_stop_all
  [ "${BASHPID:-$$}" = "$E2E_OWNER_PID" ] && rm -rf -- "$E2E_STATE"
}
trap e2e__exit_trap EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Counters. e2e_ok NAME [DETAILS] / e2e_fail NAME MESSAGE print one line each.
e2e_ok() {
  E2E_PASSED=$((E2E_PASSED + 1))
  echo "PASS $1${2:+ ($2)}"
}

e2e_fail() {
  E2E_FAILED=$((E2E_FAILED + 1))
  echo "FAIL $1: ${2:-failed}"
}

# Prints exactly "N passed, N failed"; returns non-zero if anything failed (or nothing ran).
e2e_summary() {
  echo "$E2E_PASSED passed, $E2E_FAILED failed"
  [ "$E2E_FAILED" -eq 0 ] && [ "$E2E_PASSED" -gt 0 ]
}
