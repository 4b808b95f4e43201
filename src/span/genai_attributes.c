/* The GenAI span's attributes from the record: the GenAI semantic conventions (README "The
 * span") with cost in the spectra.* namespace. The names come from the record-key table
 * (src/record/record_fields.h); which attributes a span gets, and when, is decided here. */
#include "genai_attributes.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../providers/providers.h"
#include "../record/record_fields.h"

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

static void string_if(const out *o, const char *key, const char *value)
{
	if (value && *value) {
		o->writer->string(o->context, key, value, false);
	}
}

static void strings_if(const out *o, const char *key, const spectra_string_list *list)
{
	if (list->count) {
		o->writer->strings(o->context, key, (const char *const *) list->items, list->count);
	}
}

/* gen_ai.request.*: what the request asked for, when it said (ext/curl capture). Counts are
 * -1 and the other numbers NaN when not given. */
static void request_parameters(const out *o, const spectra_record *record)
{
	const struct {
		const char *name;
		bool whole;
		double value;
	} parameters[] = {
		{ SPECTRA_SPAN_ATTR(request_max_tokens), true, (double) record->request_max_tokens },
		{ SPECTRA_SPAN_ATTR(request_seed), true, (double) record->request_seed },
		{ SPECTRA_SPAN_ATTR(request_choice_count), true, (double) record->request_choice_count },
		{ SPECTRA_SPAN_ATTR(request_tool_count), true, (double) record->request_tool_count },
		{ SPECTRA_SPAN_ATTR(request_temperature), false, record->request_temperature },
		{ SPECTRA_SPAN_ATTR(request_top_p), false, record->request_top_p },
		{ SPECTRA_SPAN_ATTR(request_top_k), false, record->request_top_k },
		{ SPECTRA_SPAN_ATTR(request_frequency_penalty), false, record->request_frequency_penalty },
		{ SPECTRA_SPAN_ATTR(request_presence_penalty), false, record->request_presence_penalty },
	};
	for (size_t i = 0; i < sizeof parameters / sizeof parameters[0]; i++) {
		if (parameters[i].whole && parameters[i].value >= 0) {
			o->writer->integer(o->context, parameters[i].name, (int64_t) parameters[i].value);
		} else if (!parameters[i].whole && !isnan(parameters[i].value)) {
			o->writer->real(o->context, parameters[i].name, parameters[i].value);
		}
	}
}

static void usage(const out *o, const spectra_record *record, const char *operation)
{
	if (record->usage_seen) {
		o->writer->integer(o->context, SPECTRA_SPAN_ATTR(prompt_tokens), record->prompt_tokens);
		if (strcmp(operation, "embeddings") != 0 || record->completion_tokens) {
			o->writer->integer(o->context, SPECTRA_SPAN_ATTR(completion_tokens), record->completion_tokens);
		}
		if (record->cached_tokens) {
			o->writer->integer(o->context, SPECTRA_SPAN_ATTR(cached_tokens), record->cached_tokens);
		}
		if (record->cache_write_tokens) {
			o->writer->integer(o->context, SPECTRA_SPAN_ATTR(cache_write_tokens), record->cache_write_tokens);
		}
		if (record->reasoning_tokens) {
			o->writer->integer(o->context, SPECTRA_SPAN_ATTR(reasoning_tokens), record->reasoning_tokens);
		}
	}
	if (record->usage_estimated) {
		/* the estimate stays out of gen_ai.usage.*: those say what the provider reported */
		o->writer->boolean(o->context, SPECTRA_SPAN_ATTR(usage_estimated), true);
	}
}

static void error_type(const out *o, const spectra_record *record)
{
	if (!record->is_failed) {
		return;
	}
	if (record->error_type || !record->status_code) {
		o->writer->string(o->context, SPECTRA_SPAN_ATTR(error_type), record->error_type ? record->error_type : "_OTHER",
			false);
		return;
	}
	char status_text[24];
	snprintf(status_text, sizeof(status_text), "%lld", (long long) record->status_code);
	o->writer->string(o->context, SPECTRA_SPAN_ATTR(error_type), status_text, true);
}

/* spectra.tool_calls.<type> for each type of tool call the response made. */
static void tool_call_counts(const out *o, const spectra_record *record)
{
	const char *prefix = SPECTRA_SPAN_ATTR(tool_call_counts);
	size_t prefix_len = strlen(prefix);
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
	writer->string(context, SPECTRA_SPAN_ATTR(operation), operation, false);
	writer->string(context, SPECTRA_SPAN_ATTR(provider), genai_provider_name(record), false);
	string_if(&o, SPECTRA_SPAN_ATTR(model), record->model);
	string_if(&o, SPECTRA_SPAN_ATTR(snapshot), record->snapshot);
	string_if(&o, SPECTRA_SPAN_ATTR(response_id), record->response_id);
	string_if(&o, SPECTRA_SPAN_ATTR(conversation_id), record->conversation_id);
	strings_if(&o, SPECTRA_SPAN_ATTR(finish_reasons), &record->finish_reasons);
	strings_if(&o, SPECTRA_SPAN_ATTR(request_stop_sequences), &record->request_stop_sequences);
	strings_if(&o, SPECTRA_SPAN_ATTR(request_encoding_formats), &record->request_encoding_formats);
	usage(&o, record, operation);
	if (record->is_streaming) {
		writer->boolean(context, SPECTRA_SPAN_ATTR(is_streaming), true);
		if (record->time_to_first_token_ms >= 0) {
			writer->real(context, SPECTRA_SPAN_ATTR(time_to_first_token_ms),
				(double) record->time_to_first_token_ms / 1000.0);
		}
	}
	request_parameters(&o, record);
	string_if(&o, SPECTRA_SPAN_ATTR(server_address), record->server_address);
	if (record->server_address && record->server_port > 0) {
		writer->integer(context, SPECTRA_SPAN_ATTR(server_port), record->server_port);
	}
	error_type(&o, record);
	writer->real(context, SPECTRA_SPAN_ATTR(total_cost_in_cents), record->total_cost);
	writer->real(context, SPECTRA_SPAN_ATTR(prompt_cost), record->prompt_cost);
	writer->real(context, SPECTRA_SPAN_ATTR(completion_cost), record->completion_cost);
	writer->string(context, SPECTRA_SPAN_ATTR(currency), "USD", false);
	writer->boolean(context, SPECTRA_SPAN_ATTR(cost_known), record->cost_known);
	string_if(&o, SPECTRA_SPAN_ATTR(cost_reason), record->cost_reason);
	string_if(&o, SPECTRA_SPAN_ATTR(pricing_tier), record->pricing_tier);
	string_if(&o, SPECTRA_SPAN_ATTR(model_type), record->model_type);
	tool_call_counts(&o, record);
	string_if(&o, SPECTRA_SPAN_ATTR(reasoning_effort), record->reasoning_effort);
	string_if(&o, SPECTRA_SPAN_ATTR(trackable_type), record->trackable_type);
}

void spectra_genai_legacy_attributes(const spectra_record *record, const spectra_genai_attr_writer *writer,
	void *context)
{
	/* Spectra's pre-semconv keys, for dashboards built on the PHP package */
	writer->string(context, SPECTRA_COMPAT_ATTR(provider), record->provider, false);
	writer->integer(context, SPECTRA_COMPAT_ATTR(prompt_tokens), record->prompt_tokens);
	writer->integer(context, SPECTRA_COMPAT_ATTR(completion_tokens), record->completion_tokens);
	writer->integer(context, SPECTRA_COMPAT_ATTR(total_tokens), spectra_record_total_tokens(record));
	writer->real(context, SPECTRA_COMPAT_ATTR(total_cost_in_cents), record->total_cost);
	writer->string(context, SPECTRA_COMPAT_ATTR(id), record->id, false);
	writer->integer(context, SPECTRA_COMPAT_ATTR(latency_ms), spectra_record_latency_ms_int(record));
	if (record->status_code) {
		writer->integer(context, SPECTRA_COMPAT_ATTR(status_code), record->status_code);
	}
	if (record->finish_reasons.count) {
		writer->string(context, SPECTRA_COMPAT_ATTR(finish_reason), record->finish_reasons.items[0], false);
	}
	if (record->reasoning_tokens > 0) {
		writer->integer(context, SPECTRA_COMPAT_ATTR(reasoning_tokens), record->reasoning_tokens);
	}
}
