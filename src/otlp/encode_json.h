/* OTLP/HTTP JSON: the JSON halves of otlp.h's dispatchers, and the number formatting the
 * console line shares. Plain C. */
#ifndef SPECTRA_OTLP_ENCODE_JSON_H
#define SPECTRA_OTLP_ENCODE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../span/span.h"
#include "../util/buf.h"

/* A request with zero spans encodes as {"resourceSpans":[]} (OTLP asks senders not to
 * build empty envelopes). */
bool spectra_otlp_encode_json(const spectra_resource *resource, spectra_span *const *spans, size_t span_count,
	spectra_buf *out);
/* Parts must be the single-key {"resourceSpans":[...]} objects spectra_otlp_encode writes
 * (whitespace allowed); false on OOM or any other shape, with out unchanged. */
bool spectra_otlp_merge_json(const spectra_buf *parts, size_t part_count, spectra_buf *out);
bool spectra_otlp_parse_response_json(const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out);

/* Appends the shortest decimal text that reads back as the same finite double, with '.'
 * as decimal point whatever LC_NUMERIC says (PHP code may call setlocale). Non-finite
 * values are written bare as NaN, Infinity, -Infinity; JSON callers quote those. */
bool spectra_otlp_append_double(spectra_buf *out, double value);

#endif
