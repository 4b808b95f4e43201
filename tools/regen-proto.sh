#!/bin/sh
# Regenerates the protobuf-c sources in src/otlp/gen/ from our .proto files in proto/.
# Needs protoc-c (Debian/Ubuntu: protobuf-c-compiler). The output is committed, so the
# extension build itself never needs protoc-c.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

out=src/otlp/gen
rm -rf "$out/opentelemetry"
mkdir -p "$out"

protoc-c --c_out="$out" -Iproto \
	proto/opentelemetry/proto/common/v1/common.proto \
	proto/opentelemetry/proto/resource/v1/resource.proto \
	proto/opentelemetry/proto/trace/v1/trace.proto \
	proto/opentelemetry/proto/collector/trace/v1/trace_service.proto

echo "regenerated $(find "$out" -name '*.pb-c.[ch]' | wc -l) files in $out ($(protoc-c --version | head -n 1))"
