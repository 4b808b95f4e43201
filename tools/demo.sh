#!/usr/bin/env bash
# Runs examples/demo.php with the built extension against the bundled mock provider;
# the span is printed by the console exporter (no collector needed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=$(php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1];')
php -n -S "127.0.0.1:$port" tests/tools/mock_provider.php >/dev/null 2>&1 &
mock=$!
trap 'kill $mock 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  php -r "exit(@fsockopen('127.0.0.1', $port) ? 0 : 1);" && break
  sleep 0.1
done
MOCK_PROVIDER_URL="http://127.0.0.1:$port" php -n -d "extension=$root/modules/spectra.so" \
  -d spectra.otel.exporter=console -d spectra.otel.service_name=spectra-demo examples/demo.php
