/* OTLP protobuf: the binary halves of otlp.h's dispatchers. Plain C. */
#ifndef SPECTRA_OTLP_ENCODE_PROTOBUF_H
#define SPECTRA_OTLP_ENCODE_PROTOBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../span/span.h"
#include "../util/buf.h"

/* A request with zero spans encodes as no resourceSpans at all: 0 bytes. */
bool spectra_otlp_encode_protobuf(const spectra_resource *resource, spectra_span *const *spans, size_t span_count,
	spectra_buf *out);
/* As above for spans made one at a time by source (NULL = skip that one) and released as
 * soon as they are written, so only one is alive at a time. */
bool spectra_otlp_encode_protobuf_built(const spectra_resource *resource, const spectra_span_source *source,
	size_t span_count, spectra_buf *out);
/* One Span message (without tag and length) as protobuf-c packs the tree this encoder
 * builds, strings repaired to valid UTF-8: the path for spans that need repair, and the
 * reference span_wire.c's bytes are tested against. False on OOM. */
bool spectra_otlp_pack_span_protobuf_c(spectra_span *span, spectra_buf *out);
/* Packs the resource once (call after its attributes are final; before any concurrent
 * encoding). Encoders then copy the bytes. False on OOM (encoders then pack each time). */
bool spectra_otlp_prepare_resource(spectra_resource *resource);

bool spectra_otlp_merge_protobuf(const spectra_buf *parts, size_t part_count, spectra_buf *out);
bool spectra_otlp_parse_response_protobuf(const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out);

#endif
