/* The OTLP protobuf Span message written straight from a spectra_span, without building a
 * protobuf-c message tree: the same bytes protobuf-c packs for the tree encode_protobuf.c
 * builds (tests/c/test_span_wire.c compares them), at a fraction of the cost. Plain C. */
#ifndef SPECTRA_OTLP_SPAN_WIRE_H
#define SPECTRA_OTLP_SPAN_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../span/span.h"

/* The lengths the sizing pass found (strings and nested messages, in the order the write
 * pass needs them), so that the write pass neither measures nor validates again. One
 * scratch serves any number of spans: size them all, then write them in the same order. */
typedef struct {
	uint32_t *lens;
	size_t count;
	size_t cap;
	size_t next; /* read position of the write pass */
} spectra_span_wire_scratch;

void spectra_span_wire_scratch_init(spectra_span_wire_scratch *scratch);
void spectra_span_wire_scratch_free(spectra_span_wire_scratch *scratch);

typedef enum {
	SPECTRA_SPAN_WIRE_OK,
	SPECTRA_SPAN_WIRE_NOT_UTF8, /* a string needs repair: encode this span the protobuf-c way */
	SPECTRA_SPAN_WIRE_OOM,
} spectra_span_wire_status;

/* Sizes one Span message body (without its own tag and length) and appends what the
 * write pass needs to the scratch. On anything but OK the scratch is as it was before. */
spectra_span_wire_status spectra_span_wire_size(const spectra_span *span, spectra_span_wire_scratch *scratch,
	size_t *size_out);

/* Writes the Span message body sized by the matching spectra_span_wire_size() call (spans
 * are written in the order they were sized) at cursor; returns the end of what it wrote. */
uint8_t *spectra_span_wire_write(const spectra_span *span, spectra_span_wire_scratch *scratch, uint8_t *cursor);

/* Wire helpers the request envelope shares (inline: they run per field): the size of a
 * varint, a varint, and a one-byte tag followed by a length. The writers return the end
 * of what they wrote. */
static inline size_t spectra_wire_varint_size(uint64_t value)
{
	size_t size = 1;
	while (value >= 0x80) {
		value >>= 7;
		size++;
	}
	return size;
}

static inline uint8_t *spectra_wire_put_varint(uint8_t *cursor, uint64_t value)
{
	while (value >= 0x80) {
		*cursor++ = (uint8_t) (value | 0x80);
		value >>= 7;
	}
	*cursor++ = (uint8_t) value;
	return cursor;
}

static inline uint8_t *spectra_wire_put_header(uint8_t *cursor, uint8_t tag, size_t len)
{
	*cursor++ = tag;
	return spectra_wire_put_varint(cursor, len);
}

#endif
