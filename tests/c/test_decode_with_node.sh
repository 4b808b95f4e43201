#!/bin/sh
# Independent decoder check: our protobuf bytes, decoded by the protobufjs decoder that
# the OpenTelemetry JS exporter ships (tests/tools, pinned @opentelemetry/otlp-transformer):
# dump_span's sample request, field by field, then the one-pass GenAI writer's requests
# (test_record_wire's records): each span must come back with the name and number of
# attributes the native builder gave it, every attribute with a key and one value.
# Skips (exit 0) when node or tests/tools/node_modules is missing; run
# `npm install` in tests/tools to enable it.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tools="$here/../tools"

if ! command -v node >/dev/null 2>&1; then
	echo "SKIP test_decode_with_node: node is not installed"
	exit 0
fi
if [ ! -d "$tools/node_modules/@opentelemetry/otlp-transformer" ]; then
	echo "SKIP test_decode_with_node: run 'npm install' in tests/tools first"
	exit 0
fi

make -s -C "$here" dump_span test_record_wire
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$here/dump_span" "$work/request.bin"
node "$tools/otlp-decode.js" "$work/request.bin" > "$work/request.json"

# Field checks in node itself (no jq needed); each failed check is named.
node -e '
const request = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const resourceSpans = request.resourceSpans[0];
const scopeSpans = resourceSpans.scopeSpans[0];
const span = scopeSpans.spans[0];
const attr = (list, key) => (list.find((kv) => kv.key === key) || {}).value || {};
const checks = {
  "one resourceSpans": request.resourceSpans.length === 1,
  "service.name": attr(resourceSpans.resource.attributes, "service.name").stringValue === "spectra-demo",
  "scope": scopeSpans.scope.name === "spectra" && scopeSpans.scope.version === "0.1.0",
  "traceId": span.traceId === "4bf92f3577b34da6a3ce929d0e0e4736",
  "spanId": span.spanId === "00f067aa0ba902b7",
  "parentSpanId": span.parentSpanId === "deadbeef01020304",
  "traceState": span.traceState === "vendor=abc",
  "name": span.name === "chat gpt-4o",
  "kind CLIENT": span.kind === 3,
  "start time": span.startTimeUnixNano === "1700000000123456789",
  "end time": span.endTimeUnixNano === "1700000000135802467",
  "string attr": attr(span.attributes, "gen_ai.provider.name").stringValue === "openai",
  "int attr": attr(span.attributes, "gen_ai.usage.input_tokens").intValue === "10",
  "int attr above 2^53": attr(span.attributes, "gen_ai.usage.output_tokens").intValue === "9007199254740993",
  "bool attr": attr(span.attributes, "gen_ai.request.stream").boolValue === true,
  "double attr": attr(span.attributes, "gen_ai.request.temperature").doubleValue === 0.7,
  "array attr": JSON.stringify(attr(span.attributes, "gen_ai.response.finish_reasons").arrayValue)
    === JSON.stringify({ values: [{ stringValue: "stop" }, { stringValue: "length" }] }),
  "invalid UTF-8 repaired": attr(span.attributes, "text.invalid_utf8").stringValue === "ok \ufffd end",
  "event": span.events.length === 1 && span.events[0].name === "exception"
    && span.events[0].timeUnixNano === "1700000000130000000"
    && attr(span.events[0].attributes, "exception.type").stringValue === "RateLimitError",
  "status": span.status.code === 2 && span.status.message === "rate limited",
};
const failed = Object.keys(checks).filter((name) => !checks[name]);
for (const name of failed) console.error("FAIL node decode: " + name);
console.log(`${Object.keys(checks).length - failed.length} passed, ${failed.length} failed (OpenTelemetry JS decoder)`);
process.exit(failed.length ? 1 : 0);
' "$work/request.json"

"$here/test_record_wire" "$work/requests.bin" > /dev/null
node "$tools/otlp-decode.js" "$work/requests.bin" > "$work/requests.json"

node -e '
const fs = require("fs");
const request = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const expected = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((line) => line !== "").map((line) => {
  const space = line.indexOf(" ");
  return { count: Number(line.slice(0, space)), name: line.slice(space + 1) };
});
const spans = [];
for (const resourceSpans of request.resourceSpans) {
  for (const scopeSpans of resourceSpans.scopeSpans) spans.push(...scopeSpans.spans);
}
const kinds = ["stringValue", "boolValue", "intValue", "doubleValue", "arrayValue"];
const problems = [];
if (spans.length !== expected.length) problems.push(`${spans.length} spans decoded, ${expected.length} written`);
spans.forEach((span, i) => {
  const want = expected[i] || {};
  const attributes = span.attributes || [];
  if ((span.name || "") !== want.name) problems.push(`span ${i}: name ${JSON.stringify(span.name)}`);
  if (attributes.length !== want.count) problems.push(`span ${i}: ${attributes.length} attributes, ${want.count} built`);
  if (new Set(attributes.map((kv) => kv.key)).size !== attributes.length) problems.push(`span ${i}: a key repeats`);
  for (const kv of attributes) {
    const present = kinds.filter((kind) => kv.value && kind in kv.value);
    if (!kv.key || present.length !== 1) problems.push(`span ${i}: attribute ${JSON.stringify(kv)}`);
  }
  if (span.kind !== 3 || !span.status) problems.push(`span ${i}: kind or status`);
});
for (const problem of problems.slice(0, 20)) console.error("FAIL node decode: " + problem);
console.log(`${spans.length} spans decoded, ${problems.length} problems (OpenTelemetry JS decoder)`);
process.exit(problems.length ? 1 : 0);
' "$work/requests.json" "$work/requests.bin.expect"
