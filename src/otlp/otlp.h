/* OTLP encoders: C spans -> ExportTraceServiceRequest bytes (protobuf or JSON), a
 * one-line console rendering, and the collector's response parser. Plain C, no PHP values. */
#ifndef SPECTRA_OTLP_OTLP_H
#define SPECTRA_OTLP_OTLP_H

#include "../span/span.h"
#include "../util/buf.h"

typedef enum { SPECTRA_OTLP_PROTOBUF = 0, SPECTRA_OTLP_JSON = 1 } spectra_otlp_format;

/* Appends one complete ExportTraceServiceRequest holding all spans under one resource
 * and scope. Returns false on OOM (the buffer is then left unchanged in length). */
bool spectra_otlp_encode(spectra_otlp_format format, const spectra_resource *resource, spectra_span *const *spans,
	size_t span_count, spectra_buf *out);

/* As spectra_otlp_encode, for spans made on demand by source and released once encoded:
 * the protobuf encoder holds one span at a time (each is released before the next is
 * built), rather than the whole batch (a batch of hundreds of spans alive at once made the
 * allocator return and re-fault its memory on every batch); JSON builds them all first. */
bool spectra_otlp_encode_built(spectra_otlp_format format, const spectra_resource *resource,
	const spectra_span_source *source, size_t span_count, spectra_buf *out);

/* Merges several encoded requests of the same format into one request body.
 * Protobuf: concatenation (repeated fields merge). JSON: the resourceSpans arrays joined. */
bool spectra_otlp_merge(spectra_otlp_format format, const spectra_buf *parts, size_t part_count, spectra_buf *out);

/* Reads ExportTraceServiceResponse.partial_success. Missing/empty body = all accepted.
 * error_message_out receives a malloc'd string or NULL. False if the body is malformed. */
bool spectra_otlp_parse_response(spectra_otlp_format format, const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out);

#endif
