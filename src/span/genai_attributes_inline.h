/* The attribute writer interface and the body of spectra_genai_attributes() as an
 * always-inline function, for a writer that is a compile-time constant: in the one-pass
 * protobuf writer (src/otlp/record_wire.c) each attribute then becomes a direct, inlined
 * write whose key length is a constant, not an indirect call (~7 % of the sender's
 * instructions per span). The exported spectra_genai_attributes() (genai_attributes.h) is
 * this function behind a call, for the other writers. Plain C. */
#ifndef SPECTRA_SPAN_GENAI_ATTRIBUTES_INLINE_H
#define SPECTRA_SPAN_GENAI_ATTRIBUTES_INLINE_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../record/record.h"
#include "../record/record_fields.h"

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

/* gen_ai.provider.name: the provider's semconv name, else the record's provider. */
const char *spectra_genai_provider_name(const spectra_record *record);

#if defined(__GNUC__)
#define GENAI_INLINE static inline __attribute__((always_inline))
#else
#define GENAI_INLINE static inline
#endif

/* A key and its length, as the writers take them */
#define GENAI_SPAN_KEY(field) SPECTRA_SPAN_ATTR(field), SPECTRA_SPAN_ATTR_LEN(field)

typedef struct {
	const spectra_genai_attr_writer *writer;
	void *context;
} genai_out;

GENAI_INLINE void genai_string_if(const genai_out *o, const char *key, size_t key_len, const char *value)
{
	if (value && *value) {
		o->writer->string(o->context, key, key_len, value, false);
	}
}

GENAI_INLINE void genai_strings_if(const genai_out *o, const char *key, size_t key_len, const spectra_string_list *list)
{
	if (list->count) {
		o->writer->strings(o->context, key, key_len, (const char *const *) list->items, list->count);
	}
}

GENAI_INLINE void genai_count_if(const genai_out *o, const char *key, size_t key_len, int64_t count)
{
	if (count >= 0) {
		o->writer->integer(o->context, key, key_len, count);
	}
}

GENAI_INLINE void genai_real_if(const genai_out *o, const char *key, size_t key_len, double value)
{
	if (!isnan(value)) {
		o->writer->real(o->context, key, key_len, value);
	}
}

/* gen_ai.request.*: what the request asked for, when it said (ext/curl capture). Counts are
 * -1 and the other numbers NaN when not given. */
GENAI_INLINE void genai_request_parameters(const genai_out *o, const spectra_record *record)
{
	genai_count_if(o, GENAI_SPAN_KEY(request_max_tokens), record->request_max_tokens);
	genai_count_if(o, GENAI_SPAN_KEY(request_seed), record->request_seed);
	genai_count_if(o, GENAI_SPAN_KEY(request_choice_count), record->request_choice_count);
	genai_count_if(o, GENAI_SPAN_KEY(request_tool_count), record->request_tool_count);
	genai_real_if(o, GENAI_SPAN_KEY(request_temperature), record->request_temperature);
	genai_real_if(o, GENAI_SPAN_KEY(request_top_p), record->request_top_p);
	genai_real_if(o, GENAI_SPAN_KEY(request_top_k), record->request_top_k);
	genai_real_if(o, GENAI_SPAN_KEY(request_frequency_penalty), record->request_frequency_penalty);
	genai_real_if(o, GENAI_SPAN_KEY(request_presence_penalty), record->request_presence_penalty);
}

GENAI_INLINE void genai_usage(const genai_out *o, const spectra_record *record, const char *operation)
{
	if (record->usage_seen) {
		o->writer->integer(o->context, GENAI_SPAN_KEY(prompt_tokens), record->prompt_tokens);
		if (strcmp(operation, "embeddings") != 0 || record->completion_tokens) {
			o->writer->integer(o->context, GENAI_SPAN_KEY(completion_tokens), record->completion_tokens);
		}
		if (record->cached_tokens) {
			o->writer->integer(o->context, GENAI_SPAN_KEY(cached_tokens), record->cached_tokens);
		}
		if (record->cache_write_tokens) {
			o->writer->integer(o->context, GENAI_SPAN_KEY(cache_write_tokens), record->cache_write_tokens);
		}
		if (record->reasoning_tokens) {
			o->writer->integer(o->context, GENAI_SPAN_KEY(reasoning_tokens), record->reasoning_tokens);
		}
	}
	if (record->usage_estimated) {
		/* the estimate stays out of gen_ai.usage.*: those say what the provider reported */
		o->writer->boolean(o->context, GENAI_SPAN_KEY(usage_estimated), true);
	}
}

GENAI_INLINE void genai_error_type(const genai_out *o, const spectra_record *record)
{
	if (!record->is_failed) {
		return;
	}
	if (record->error_type || !record->status_code) {
		o->writer->string(o->context, GENAI_SPAN_KEY(error_type), record->error_type ? record->error_type : "_OTHER",
			false);
		return;
	}
	char status_text[24];
	snprintf(status_text, sizeof(status_text), "%lld", (long long) record->status_code);
	o->writer->string(o->context, GENAI_SPAN_KEY(error_type), status_text, true);
}

/* spectra.tool_calls.<type> for each type of tool call the response made. */
GENAI_INLINE void genai_tool_call_counts(const genai_out *o, const spectra_record *record)
{
	const char *prefix = SPECTRA_SPAN_ATTR(tool_call_counts);
	size_t prefix_len = SPECTRA_SPAN_ATTR_LEN(tool_call_counts);
	char key[SPECTRA_TOOL_CALL_KEY_MAX + 1];
	for (size_t i = 0; i < record->tool_call_kinds; i++) {
		/* cut to the buffer as snprintf("%s%s") did, without its formatting cost */
		size_t len = prefix_len < sizeof(key) - 1 ? prefix_len : sizeof(key) - 1;
		memcpy(key, prefix, len);
		const char *name = record->tool_calls[i].name;
		size_t name_len = strnlen(name, sizeof(key) - 1 - len);
		memcpy(key + len, name, name_len);
		len += name_len;
		key[len] = '\0';
		o->writer->tool_call_count(o->context, key, len, record->tool_calls[i].count);
	}
}

GENAI_INLINE void spectra_genai_attributes_inline(const spectra_record *record, const char *operation,
	const spectra_genai_attr_writer *writer, void *context)
{
	const genai_out o = { writer, context };
	writer->string(context, GENAI_SPAN_KEY(operation), operation, false);
	writer->string(context, GENAI_SPAN_KEY(provider), spectra_genai_provider_name(record), false);
	genai_string_if(&o, GENAI_SPAN_KEY(model), record->model);
	genai_string_if(&o, GENAI_SPAN_KEY(snapshot), record->snapshot);
	genai_string_if(&o, GENAI_SPAN_KEY(response_id), record->response_id);
	genai_string_if(&o, GENAI_SPAN_KEY(conversation_id), record->conversation_id);
	genai_strings_if(&o, GENAI_SPAN_KEY(finish_reasons), &record->finish_reasons);
	genai_strings_if(&o, GENAI_SPAN_KEY(request_stop_sequences), &record->request_stop_sequences);
	genai_strings_if(&o, GENAI_SPAN_KEY(request_encoding_formats), &record->request_encoding_formats);
	genai_usage(&o, record, operation);
	if (record->is_streaming) {
		writer->boolean(context, GENAI_SPAN_KEY(is_streaming), true);
		if (record->time_to_first_token_ms >= 0) {
			writer->real(context, GENAI_SPAN_KEY(time_to_first_token_ms),
				(double) record->time_to_first_token_ms / 1000.0);
		}
	}
	genai_request_parameters(&o, record);
	genai_string_if(&o, GENAI_SPAN_KEY(request_body_skipped), record->request_body_skipped);
	genai_string_if(&o, GENAI_SPAN_KEY(server_address), record->server_address);
	if (record->server_address && record->server_port > 0) {
		writer->integer(context, GENAI_SPAN_KEY(server_port), record->server_port);
	}
	genai_error_type(&o, record);
	writer->real(context, GENAI_SPAN_KEY(total_cost_in_cents), record->total_cost);
	writer->real(context, GENAI_SPAN_KEY(prompt_cost), record->prompt_cost);
	writer->real(context, GENAI_SPAN_KEY(completion_cost), record->completion_cost);
	writer->string(context, GENAI_SPAN_KEY(currency), "USD", false);
	writer->boolean(context, GENAI_SPAN_KEY(cost_known), record->cost_known);
	genai_string_if(&o, GENAI_SPAN_KEY(cost_reason), record->cost_reason);
	genai_string_if(&o, GENAI_SPAN_KEY(pricing_tier), record->pricing_tier);
	genai_string_if(&o, GENAI_SPAN_KEY(model_type), record->model_type);
	genai_tool_call_counts(&o, record);
	genai_string_if(&o, GENAI_SPAN_KEY(reasoning_effort), record->reasoning_effort);
	genai_string_if(&o, GENAI_SPAN_KEY(trackable_type), record->trackable_type);
	/* opt-in content, last: the largest values */
	genai_string_if(&o, GENAI_SPAN_KEY(system_instructions), record->system_instructions);
	genai_string_if(&o, GENAI_SPAN_KEY(input_messages), record->input_messages);
	genai_string_if(&o, GENAI_SPAN_KEY(output_messages), record->output_messages);
}

#endif
