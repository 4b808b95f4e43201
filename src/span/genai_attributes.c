/* The GenAI span's attributes from the record: the GenAI semantic conventions (README "The
 * span") with cost in the spectra.* namespace. The names come from the record-key table
 * (src/record/record_fields.h); which attributes a span gets, and when, is decided here. */
#include "genai_attributes.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../providers/providers.h"
#include "../record/record_fields.h"

/* A key and its length, as the writers take them */
#define SPAN_KEY(field) SPECTRA_SPAN_ATTR(field), SPECTRA_SPAN_ATTR_LEN(field)
#define COMPAT_KEY(field) SPECTRA_COMPAT_ATTR(field), SPECTRA_COMPAT_ATTR_LEN(field)

static const char *genai_provider_name(const spectra_record *record)
{
	const spectra_provider_info *info = record->provider_info
		? record->provider_info
		: spectra_provider_find(record->provider, strlen(record->provider));
	return info ? info->genai_name : record->provider;
}

const char *spectra_genai_operation(const spectra_record *record)
{
	if (record->operation) {
		return record->operation;
	}
	if (record->model_type && strcmp(record->model_type, "embedding") == 0) {
		return "embeddings";
	}
	return "chat";
}

const char *spectra_genai_status_message(const spectra_record *record)
{
	if (!record->is_failed) {
		return NULL;
	}
	return record->error_message ? record->error_message : "request failed";
}

typedef struct {
	const spectra_genai_attr_writer *writer;
	void *context;
} out;

static void string_if(const out *o, const char *key, size_t key_len, const char *value)
{
	if (value && *value) {
		o->writer->string(o->context, key, key_len, value, false);
	}
}

static void strings_if(const out *o, const char *key, size_t key_len, const spectra_string_list *list)
{
	if (list->count) {
		o->writer->strings(o->context, key, key_len, (const char *const *) list->items, list->count);
	}
}

static void count_if(const out *o, const char *key, size_t key_len, int64_t count)
{
	if (count >= 0) {
		o->writer->integer(o->context, key, key_len, count);
	}
}

static void real_if(const out *o, const char *key, size_t key_len, double value)
{
	if (!isnan(value)) {
		o->writer->real(o->context, key, key_len, value);
	}
}

/* gen_ai.request.*: what the request asked for, when it said (ext/curl capture). Counts are
 * -1 and the other numbers NaN when not given. */
static void request_parameters(const out *o, const spectra_record *record)
{
	count_if(o, SPAN_KEY(request_max_tokens), record->request_max_tokens);
	count_if(o, SPAN_KEY(request_seed), record->request_seed);
	count_if(o, SPAN_KEY(request_choice_count), record->request_choice_count);
	count_if(o, SPAN_KEY(request_tool_count), record->request_tool_count);
	real_if(o, SPAN_KEY(request_temperature), record->request_temperature);
	real_if(o, SPAN_KEY(request_top_p), record->request_top_p);
	real_if(o, SPAN_KEY(request_top_k), record->request_top_k);
	real_if(o, SPAN_KEY(request_frequency_penalty), record->request_frequency_penalty);
	real_if(o, SPAN_KEY(request_presence_penalty), record->request_presence_penalty);
}

static void usage(const out *o, const spectra_record *record, const char *operation)
{
	if (record->usage_seen) {
		o->writer->integer(o->context, SPAN_KEY(prompt_tokens), record->prompt_tokens);
		if (strcmp(operation, "embeddings") != 0 || record->completion_tokens) {
			o->writer->integer(o->context, SPAN_KEY(completion_tokens), record->completion_tokens);
		}
		if (record->cached_tokens) {
			o->writer->integer(o->context, SPAN_KEY(cached_tokens), record->cached_tokens);
		}
		if (record->cache_write_tokens) {
			o->writer->integer(o->context, SPAN_KEY(cache_write_tokens), record->cache_write_tokens);
		}
		if (record->reasoning_tokens) {
			o->writer->integer(o->context, SPAN_KEY(reasoning_tokens), record->reasoning_tokens);
		}
	}
	if (record->usage_estimated) {
		/* the estimate stays out of gen_ai.usage.*: those say what the provider reported */
		o->writer->boolean(o->context, SPAN_KEY(usage_estimated), true);
	}
}

static void error_type(const out *o, const spectra_record *record)
{
	if (!record->is_failed) {
		return;
	}
	if (record->error_type || !record->status_code) {
		o->writer->string(o->context, SPAN_KEY(error_type), record->error_type ? record->error_type : "_OTHER", false);
		return;
	}
	char status_text[24];
	snprintf(status_text, sizeof(status_text), "%lld", (long long) record->status_code);
	o->writer->string(o->context, SPAN_KEY(error_type), status_text, true);
}

/* spectra.tool_calls.<type> for each type of tool call the response made. */
static void tool_call_counts(const out *o, const spectra_record *record)
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

void spectra_genai_attributes(const spectra_record *record, const char *operation,
	const spectra_genai_attr_writer *writer, void *context)
{
	const out o = { writer, context };
	writer->string(context, SPAN_KEY(operation), operation, false);
	writer->string(context, SPAN_KEY(provider), genai_provider_name(record), false);
	string_if(&o, SPAN_KEY(model), record->model);
	string_if(&o, SPAN_KEY(snapshot), record->snapshot);
	string_if(&o, SPAN_KEY(response_id), record->response_id);
	string_if(&o, SPAN_KEY(conversation_id), record->conversation_id);
	strings_if(&o, SPAN_KEY(finish_reasons), &record->finish_reasons);
	strings_if(&o, SPAN_KEY(request_stop_sequences), &record->request_stop_sequences);
	strings_if(&o, SPAN_KEY(request_encoding_formats), &record->request_encoding_formats);
	usage(&o, record, operation);
	if (record->is_streaming) {
		writer->boolean(context, SPAN_KEY(is_streaming), true);
		if (record->time_to_first_token_ms >= 0) {
			writer->real(context, SPAN_KEY(time_to_first_token_ms), (double) record->time_to_first_token_ms / 1000.0);
		}
	}
	request_parameters(&o, record);
	string_if(&o, SPAN_KEY(request_body_skipped), record->request_body_skipped);
	string_if(&o, SPAN_KEY(server_address), record->server_address);
	if (record->server_address && record->server_port > 0) {
		writer->integer(context, SPAN_KEY(server_port), record->server_port);
	}
	error_type(&o, record);
	writer->real(context, SPAN_KEY(total_cost_in_cents), record->total_cost);
	writer->real(context, SPAN_KEY(prompt_cost), record->prompt_cost);
	writer->real(context, SPAN_KEY(completion_cost), record->completion_cost);
	writer->string(context, SPAN_KEY(currency), "USD", false);
	writer->boolean(context, SPAN_KEY(cost_known), record->cost_known);
	string_if(&o, SPAN_KEY(cost_reason), record->cost_reason);
	string_if(&o, SPAN_KEY(pricing_tier), record->pricing_tier);
	string_if(&o, SPAN_KEY(model_type), record->model_type);
	tool_call_counts(&o, record);
	string_if(&o, SPAN_KEY(reasoning_effort), record->reasoning_effort);
	string_if(&o, SPAN_KEY(trackable_type), record->trackable_type);
	/* opt-in content, last: the largest values */
	string_if(&o, SPAN_KEY(system_instructions), record->system_instructions);
	string_if(&o, SPAN_KEY(input_messages), record->input_messages);
	string_if(&o, SPAN_KEY(output_messages), record->output_messages);
}

void spectra_genai_legacy_attributes(const spectra_record *record, const spectra_genai_attr_writer *writer,
	void *context)
{
	/* Spectra's pre-semconv keys, for dashboards built on the PHP package */
	writer->string(context, COMPAT_KEY(provider), record->provider, false);
	writer->integer(context, COMPAT_KEY(prompt_tokens), record->prompt_tokens);
	writer->integer(context, COMPAT_KEY(completion_tokens), record->completion_tokens);
	writer->integer(context, COMPAT_KEY(total_tokens), spectra_record_total_tokens(record));
	writer->real(context, COMPAT_KEY(total_cost_in_cents), record->total_cost);
	writer->string(context, COMPAT_KEY(id), record->id, false);
	writer->integer(context, COMPAT_KEY(latency_ms), spectra_record_latency_ms_int(record));
	if (record->status_code) {
		writer->integer(context, COMPAT_KEY(status_code), record->status_code);
	}
	if (record->finish_reasons.count) {
		writer->string(context, COMPAT_KEY(finish_reason), record->finish_reasons.items[0], false);
	}
	if (record->reasoning_tokens > 0) {
		writer->integer(context, COMPAT_KEY(reasoning_tokens), record->reasoning_tokens);
	}
}
