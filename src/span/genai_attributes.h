/* Which attributes a GenAI span gets from its record, in which order and when: one list
 * of facts that both the native builder (an attribute list) and the one-pass protobuf
 * writer (src/otlp/record_wire.c) replay through their own writer. Plain C. */
#ifndef SPECTRA_SPAN_GENAI_ATTRIBUTES_H
#define SPECTRA_SPAN_GENAI_ATTRIBUTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../record/record.h"
#include "genai_attributes_inline.h"

/* gen_ai.operation.name: the record's operation, else "embeddings" or "chat". */
const char *spectra_genai_operation(const spectra_record *record);

/* The GenAI attributes of the record (operation from spectra_genai_operation()). */
void spectra_genai_attributes(const spectra_record *record, const char *operation,
	const spectra_genai_attr_writer *writer, void *context);

/* Spectra's pre-semconv keys (spectra.span_compat), written after everything else. */
void spectra_genai_legacy_attributes(const spectra_record *record, const spectra_genai_attr_writer *writer,
	void *context);

/* Span status of a failed record: its message (ERROR); NULL when the record did not fail. */
const char *spectra_genai_status_message(const spectra_record *record);

#endif
