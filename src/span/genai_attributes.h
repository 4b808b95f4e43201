/* Which attributes a GenAI span gets from its record, in which order and when: one list
 * of facts that both the native builder (an attribute list) and the one-pass protobuf
 * writer (src/otlp/record_wire.c) replay through their own writer. Plain C. */
#ifndef SPECTRA_SPAN_GENAI_ATTRIBUTES_H
#define SPECTRA_SPAN_GENAI_ATTRIBUTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../record/record.h"

/* A tool-call count's key ("spectra.tool_calls.<type>") is cut to this many bytes. */
#define SPECTRA_TOOL_CALL_KEY_MAX 159

/* Receives the attributes, each key with its strlen(). Keys are static strings except a tool-call count's (on the
 * stack: valid during the call only, as is a value with value_on_stack); other values
 * live as long as the record. A NULL string or list item stands for "". */
typedef struct {
	void (*string)(void *context, const char *key, size_t key_len, const char *value, bool value_on_stack);
	void (*strings)(void *context, const char *key, size_t key_len, const char *const *items, size_t count);
	void (*integer)(void *context, const char *key, size_t key_len, int64_t value);
	void (*tool_call_count)(void *context, const char *key, size_t key_len, int64_t value);
	void (*real)(void *context, const char *key, size_t key_len, double value);
	void (*boolean)(void *context, const char *key, size_t key_len, bool value);
} spectra_genai_attr_writer;

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
