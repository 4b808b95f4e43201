#!/bin/sh
# Independent decoder check of the one-pass GenAI writer: the requests test_record_wire
# writes (its records' spans, concatenated requests) decoded by the protobufjs decoder of
# the OpenTelemetry JS exporter (tests/tools, pinned @opentelemetry/otlp-transformer). Each
# span must come back with the name and number of attributes the native builder gave it,
# every attribute with a key and one value. Skips (exit 0) without node or
# tests/tools/node_modules, as test_decode_with_node.sh does.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tools="$here/../tools"

if ! command -v node >/dev/null 2>&1; then
	echo "SKIP test_record_wire_with_node: node is not installed"
	exit 0
fi
if [ ! -d "$tools/node_modules/@opentelemetry/otlp-transformer" ]; then
	echo "SKIP test_record_wire_with_node: run 'npm install' in tests/tools first"
	exit 0
fi

make -s -C "$here" test_record_wire
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

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
