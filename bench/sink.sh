# Sourced by the benchmark scripts: start_sink starts a loopback OTLP/HTTP receiver that
# discards every body and sets SINK_PORT and SINK_PID; stop_sink ends it. SINK=c (default)
# is bench/otlp_sink (C, built here); SINK=php is bench/otlp_sink.php under `php -n -S`,
# which costs more CPU per POST on the same cores as the process being measured.
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SINK_PID=
SINK_PORT=

start_sink() { # work_dir
	local php=${PHP:-php}
	if [ "${SINK:-c}" = php ]; then
		SINK_PORT=$("$php" -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')
		"$php" -n -S "127.0.0.1:$SINK_PORT" "$BENCH_DIR/otlp_sink.php" >/dev/null 2>&1 &
		SINK_PID=$!
	else
		make -s -C "$BENCH_DIR" otlp_sink
		"$BENCH_DIR/otlp_sink" >"$1/sink.port" &
		SINK_PID=$!
		for _ in $(seq 100); do
			[ -s "$1/sink.port" ] && break
			sleep 0.02
		done
		SINK_PORT=$(cat "$1/sink.port")
	fi
	for _ in $(seq 100); do
		if "$php" -n -r 'exit(@file_get_contents($argv[1]) === "ok\n" ? 0 : 1);' "http://127.0.0.1:$SINK_PORT/ready"; then
			return 0
		fi
		sleep 0.05
	done
	echo "could not start the ${SINK:-c} sink" >&2
	return 1
}

stop_sink() {
	if [ -n "$SINK_PID" ]; then
		kill "$SINK_PID" 2>/dev/null || true
		wait "$SINK_PID" 2>/dev/null || true
		SINK_PID=
	fi
}
