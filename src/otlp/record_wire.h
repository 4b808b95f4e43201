/* The GenAI span of a record written as protobuf in one pass, straight from the record:
 * no attribute list and no sizing walk. The bytes are those of the native builder's span
 * encoded by span_wire.c (tests/c/test_record_wire.c compares them). Plain C. */
#ifndef SPECTRA_OTLP_RECORD_WIRE_H
#define SPECTRA_OTLP_RECORD_WIRE_H

#include <stdbool.h>

#include "../record/record.h"
#include "../span/span.h"
#include "../util/buf.h"

typedef enum {
	SPECTRA_RECORD_WIRE_OK,
	/* a string needs UTF-8 repair, or a key could repeat (a context attribute the span
	 * has, a tool-call key cut short): build the span the usual way instead */
	SPECTRA_RECORD_WIRE_DECLINED,
	SPECTRA_RECORD_WIRE_OOM,
} spectra_record_wire_status;

/* Appends the record's span as one ScopeSpans.spans field (tag, length, Span message), as
 * spectra_span_build_genai(record, context_attrs, legacy) would encode. context_attrs may
 * be NULL. On anything but OK out keeps its length. */
spectra_record_wire_status spectra_record_wire_append(spectra_buf *out, const spectra_record *record,
	const spectra_attr_list *context_attrs, bool legacy);

#endif
