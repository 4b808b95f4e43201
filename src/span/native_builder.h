/* Native span builder: a finished C record in, a GenAI-semconv span out (cost under
 * spectra.*). Plain C, no PHP: runs on the sender thread. */
#ifndef SPECTRA_SPAN_NATIVE_BUILDER_H
#define SPECTRA_SPAN_NATIVE_BUILDER_H

#include <stdbool.h>

#include "../record/record.h"
#include "span.h"

/* A span carrying the record's identity only: ids, parent (+ tracestate and W3C flags),
 * kind CLIENT, start/end times. Both builders (native and PHP) start from it. */
spectra_span *spectra_span_for_record(const spectra_record *record);

/* The GenAI span without name and attributes: spectra_span_for_record()'s fields plus the
 * status of a failed record, into a zeroed span (strings borrowed when its list borrows). */
void spectra_span_fill_genai_head(spectra_span *span, const spectra_record *record);

/* The full GenAI span. context_attrs (may be NULL) are appended as they are (tags,
 * metadata, trackable id, converted by the caller); legacy adds Spectra's pre-semconv
 * keys (spectra.span_compat). NULL on OOM. */
spectra_span *spectra_span_build_genai(const spectra_record *record, const spectra_attr_list *context_attrs,
	bool legacy);

/* The same span built into a span from spectra_span_init_borrowing() (cleared since its
 * last use), which borrows from record and context_attrs: both must outlive its use. */
void spectra_span_build_genai_into(spectra_span *span, const spectra_record *record,
	const spectra_attr_list *context_attrs, bool legacy);

#endif
