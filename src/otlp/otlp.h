/* OTLP encoders: C spans -> ExportTraceServiceRequest bytes (protobuf or JSON), a
 * one-line console rendering, and the collector's response parser. Plain C, no zvals. */
#ifndef SPECTRA_OTLP_OTLP_H
#define SPECTRA_OTLP_OTLP_H

#include "../span/span.h"
#include "../util/buf.h"

typedef enum { SPECTRA_OTLP_PROTOBUF = 0, SPECTRA_OTLP_JSON = 1 } spectra_otlp_format;

/* Appends one complete ExportTraceServiceRequest holding all spans under one resource
 * and scope. Returns false on OOM (the buffer is then left unchanged in length). */
bool spectra_otlp_encode(spectra_otlp_format format, const spectra_resource *resource, spectra_span *const *spans,
	size_t span_count, spectra_buf *out);

/* Packs the resource once (call after its attributes are final; before any concurrent
 * encoding). Encoders then copy the bytes. False on OOM (encoders then pack each time). */
bool spectra_otlp_prepare_resource(spectra_resource *resource);

/* Merges several encoded requests of the same format into one request body.
 * Protobuf: concatenation (repeated fields merge). JSON: the resourceSpans arrays joined. */
bool spectra_otlp_merge(spectra_otlp_format format, const spectra_buf *parts, size_t part_count, spectra_buf *out);

/* One human-readable line (no trailing newline) for spectra.otel.exporter=console. */
bool spectra_otlp_format_console(const spectra_span *span, spectra_buf *out);

/* Reads ExportTraceServiceResponse.partial_success. Missing/empty body = all accepted.
 * error_message_out receives a malloc'd string or NULL. False if the body is malformed. */
bool spectra_otlp_parse_response(spectra_otlp_format format, const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out);

/* The format-specific halves of the calls above (the dispatchers call these).
 * A request with zero spans encodes as no resourceSpans at all: 0 bytes of protobuf,
 * {"resourceSpans":[]} in JSON (OTLP asks senders not to build empty envelopes). */
bool spectra_otlp_encode_protobuf(const spectra_resource *resource, spectra_span *const *spans, size_t span_count,
	spectra_buf *out);
bool spectra_otlp_encode_json(const spectra_resource *resource, spectra_span *const *spans, size_t span_count,
	spectra_buf *out);
bool spectra_otlp_merge_protobuf(const spectra_buf *parts, size_t part_count, spectra_buf *out);
/* JSON parts must be the single-key {"resourceSpans":[...]} objects spectra_otlp_encode
 * writes (whitespace allowed); false on OOM or any other shape, with out unchanged. */
bool spectra_otlp_merge_json(const spectra_buf *parts, size_t part_count, spectra_buf *out);
bool spectra_otlp_parse_response_protobuf(const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out);
bool spectra_otlp_parse_response_json(const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out);

/* Appends the shortest decimal text that reads back as the same finite double, with '.'
 * as decimal point whatever LC_NUMERIC says (PHP code may call setlocale). Non-finite
 * values are written bare as NaN, Infinity, -Infinity; JSON callers quote those. */
bool spectra_otlp_append_double(spectra_buf *out, double value);

#endif
