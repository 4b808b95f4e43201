#!/usr/bin/env node
// Independent check of our protobuf encoder: decodes an OTLP ExportTraceServiceRequest
// body with the protobufjs decoder that the OpenTelemetry JS exporter ships
// (@opentelemetry/otlp-transformer, pinned in package.json) and prints it as JSON.
//
//   node otlp-decode.js request.bin > request.json
//
// Output: int64/fixed64 as decimal strings, enums as numbers, fields at their default
// left out, trace/span ids as lowercase hex (other bytes fields stay base64).
// Exit status 1 with a message on stderr when the bytes do not decode.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT_JS = path.join(__dirname, 'node_modules', '@opentelemetry', 'otlp-transformer',
  'build', 'src', 'generated', 'root.js');

// Field names of the bytes fields that OTLP/JSON writes as hex instead of base64.
const HEX_ID_FIELDS = new Set(['traceId', 'spanId', 'parentSpanId']);

function fail(message) {
  process.stderr.write(`otlp-decode: ${message}\n`);
  process.exit(1);
}

function idsToHex(node) {
  if (Array.isArray(node)) {
    node.forEach(idsToHex);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (HEX_ID_FIELDS.has(key) && typeof value === 'string') {
        node[key] = Buffer.from(value, 'base64').toString('hex');
      } else {
        idsToHex(value);
      }
    }
  }
  return node;
}

function main() {
  const file = process.argv[2];
  if (!file) {
    fail('usage: node otlp-decode.js REQUEST_FILE');
  }
  if (!fs.existsSync(ROOT_JS)) {
    fail(`decoder not installed (${ROOT_JS} missing): run npm install in ${__dirname}`);
  }
  const root = require(ROOT_JS);
  const Request = root.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

  let bytes;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    fail(`cannot read ${file}: ${err.message}`);
  }

  let message;
  try {
    message = Request.decode(bytes);
  } catch (err) {
    fail(`not a valid ExportTraceServiceRequest: ${err.message}`);
  }
  const object = Request.toObject(message, { longs: String, bytes: String, enums: Number, defaults: false });
  process.stdout.write(JSON.stringify(idsToHex(object), null, 2) + '\n');
}

main();
