/* The format dispatchers of otlp.h: one call, protobuf or JSON by the configured format. */
#include "otlp.h"

#include <stdlib.h>

#include "encode_json.h"
#include "encode_protobuf.h"

bool spectra_otlp_encode(spectra_otlp_format format, const spectra_resource *resource, spectra_span *const *spans,
	size_t span_count, spectra_buf *out)
{
	return format == SPECTRA_OTLP_JSON ? spectra_otlp_encode_json(resource, spans, span_count, out)
									   : spectra_otlp_encode_protobuf(resource, spans, span_count, out);
}

bool spectra_otlp_encode_built(spectra_otlp_format format, const spectra_resource *resource,
	const spectra_span_source *source, size_t span_count, spectra_buf *out)
{
	if (format != SPECTRA_OTLP_JSON) {
		return spectra_otlp_encode_protobuf_built(resource, source, span_count, out);
	}
	spectra_span **spans = span_count ? calloc(span_count, sizeof(*spans)) : NULL;
	if (span_count && !spans) {
		return false;
	}
	size_t built = 0;
	for (size_t i = 0; i < span_count; i++) {
		spectra_span *span = source->build(source->context, i);
		if (span) {
			spans[built++] = span;
		}
	}
	bool encoded = spectra_otlp_encode_json(resource, spans, built, out);
	for (size_t i = 0; i < built; i++) {
		source->release(source->context, spans[i]);
	}
	free(spans);
	return encoded;
}

bool spectra_otlp_merge(spectra_otlp_format format, const spectra_buf *parts, size_t part_count, spectra_buf *out)
{
	return format == SPECTRA_OTLP_JSON ? spectra_otlp_merge_json(parts, part_count, out)
									   : spectra_otlp_merge_protobuf(parts, part_count, out);
}

bool spectra_otlp_parse_response(spectra_otlp_format format, const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out)
{
	return format == SPECTRA_OTLP_JSON
		? spectra_otlp_parse_response_json(body, len, rejected_spans_out, error_message_out)
		: spectra_otlp_parse_response_protobuf(body, len, rejected_spans_out, error_message_out);
}
