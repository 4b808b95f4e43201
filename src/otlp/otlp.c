/* The format dispatchers of otlp.h: one call, protobuf or JSON by the configured format. */
#include "otlp.h"

#include "encode_json.h"
#include "encode_protobuf.h"

bool spectra_otlp_encode(spectra_otlp_format format, const spectra_resource *resource, spectra_span *const *spans,
	size_t span_count, spectra_buf *out)
{
	return format == SPECTRA_OTLP_JSON ? spectra_otlp_encode_json(resource, spans, span_count, out)
									   : spectra_otlp_encode_protobuf(resource, spans, span_count, out);
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
