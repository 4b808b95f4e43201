/* The default span, built straight from the C record: the GenAI semantic conventions
 * (README "The span") with cost in the spectra.* namespace. No PHP array is involved. The
 * attribute names come from the record-key table (src/record/record_fields.h); which
 * attributes a span gets, and when, is decided here. */
#include "native_builder.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../providers/providers.h"
#include "../record/record_fields.h"
#include "../util/buf.h"

static const char *genai_provider_name(const spectra_record *record)
{
	const spectra_provider_info *info = record->provider_info
		? record->provider_info
		: spectra_provider_find(record->provider, strlen(record->provider));
	return info ? info->genai_name : record->provider;
}

static const char *operation_name(const spectra_record *record)
{
	if (record->operation) {
		return record->operation;
	}
	if (record->model_type && strcmp(record->model_type, "embedding") == 0) {
		return "embeddings";
	}
	return "chat";
}

static void add_string_if(spectra_attr_list *attrs, const char *key, const char *value)
{
	if (value && *value) {
		spectra_attr_add_string(attrs, key, value);
	}
}

/* gen_ai.request.*: what the request asked for, when it said (ext/curl capture). Counts are
 * -1 and the other numbers NaN when not given. */
static void add_request_parameters(spectra_attr_list *attrs, const spectra_record *record)
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
			spectra_attr_add_int(attrs, parameters[i].name, (int64_t) parameters[i].value);
		} else if (!parameters[i].whole && !isnan(parameters[i].value)) {
			spectra_attr_add_double(attrs, parameters[i].name, parameters[i].value);
		}
	}
}

/* Copies one attribute (snapshotted from PHP values) into a span's list. */
static void append_copy(spectra_attr_list *attrs, const spectra_attr *attr)
{
	switch (attr->type) {
	case SPECTRA_ATTR_STRING:
		spectra_attr_add_string(attrs, attr->key, attr->value.str);
		break;
	case SPECTRA_ATTR_BOOL:
		spectra_attr_add_bool(attrs, attr->key, attr->value.boolean);
		break;
	case SPECTRA_ATTR_INT:
		spectra_attr_add_int(attrs, attr->key, attr->value.integer);
		break;
	case SPECTRA_ATTR_DOUBLE:
		spectra_attr_add_double(attrs, attr->key, attr->value.dbl);
		break;
	case SPECTRA_ATTR_STRING_ARRAY:
		spectra_attr_add_strings(attrs, attr->key, (const char *const *) attr->value.strings.items,
			attr->value.strings.count);
		break;
	}
}

static void add_legacy_attributes(spectra_attr_list *attrs, const spectra_record *record)
{
	/* Spectra's pre-semconv keys, for dashboards built on the PHP package */
	spectra_attr_add_string(attrs, SPECTRA_COMPAT_ATTR(provider), record->provider);
	spectra_attr_add_int(attrs, SPECTRA_COMPAT_ATTR(prompt_tokens), record->prompt_tokens);
	spectra_attr_add_int(attrs, SPECTRA_COMPAT_ATTR(completion_tokens), record->completion_tokens);
	spectra_attr_add_int(attrs, SPECTRA_COMPAT_ATTR(total_tokens), spectra_record_total_tokens(record));
	spectra_attr_add_double(attrs, SPECTRA_COMPAT_ATTR(total_cost_in_cents), record->total_cost);
	spectra_attr_add_string(attrs, SPECTRA_COMPAT_ATTR(id), record->id);
	spectra_attr_add_int(attrs, SPECTRA_COMPAT_ATTR(latency_ms), spectra_record_latency_ms_int(record));
	if (record->status_code) {
		spectra_attr_add_int(attrs, SPECTRA_COMPAT_ATTR(status_code), record->status_code);
	}
	if (record->finish_reasons.count) {
		spectra_attr_add_string(attrs, SPECTRA_COMPAT_ATTR(finish_reason), record->finish_reasons.items[0]);
	}
	if (record->reasoning_tokens > 0) {
		spectra_attr_add_int(attrs, SPECTRA_COMPAT_ATTR(reasoning_tokens), record->reasoning_tokens);
	}
}

/* A string the span keeps (trace_state, status_message): borrowed by a borrowing span,
 * which never outlives its record, else a copy. */
static char *span_string(spectra_span *span, const char *str)
{
	return span->attrs.borrows ? (char *) str : spectra_strdup(str);
}

static void fill_for_record(spectra_span *span, const spectra_record *record)
{
	memcpy(span->trace_id, record->trace_id, 16);
	memcpy(span->span_id, record->span_id, 8);
	if (record->has_parent) {
		memcpy(span->parent_span_id, record->parent_span_id, 8);
		span->has_parent = true;
		/* W3C flags plus "has is_remote" and "is_remote": the parent came over the wire */
		span->flags = (uint32_t) record->trace_flags | 0x100 | 0x200;
		if (record->trace_state) {
			span->trace_state = span_string(span, record->trace_state);
		}
	} else {
		span->flags = (uint32_t) record->trace_flags | 0x100;
	}
	span->kind = SPECTRA_SPAN_KIND_CLIENT;
	span->start_time_unix_nano = record->start_wall_ns;
	span->end_time_unix_nano = spectra_record_end_wall_ns(record);
}

spectra_span *spectra_span_for_record(const spectra_record *record)
{
	spectra_span *span = spectra_span_new();
	if (span) {
		fill_for_record(span, record);
	}
	return span;
}

/* "operation model": in the list's storage for a borrowing span (no allocation of its own
 * when it fits the stack buffer), else malloc'd. */
static char *span_name(spectra_span *span, const char *operation, const char *model)
{
	size_t operation_len = strlen(operation);
	size_t model_len = model && *model ? strlen(model) : 0;
	char joined[192];
	if (span->attrs.borrows && operation_len + 1 + model_len < sizeof(joined)) {
		memcpy(joined, operation, operation_len);
		size_t len = operation_len;
		if (model_len) {
			joined[len++] = ' ';
			memcpy(joined + len, model, model_len);
			len += model_len;
		}
		return (char *) spectra_attr_list_stable(&span->attrs, joined, len);
	}
	spectra_buf name;
	spectra_buf_init(&name);
	spectra_buf_append(&name, operation, operation_len);
	if (model_len) {
		spectra_buf_append_char(&name, ' ');
		spectra_buf_append(&name, model, model_len);
	}
	if (!span->attrs.borrows) {
		return spectra_buf_detach(&name, NULL);
	}
	char *kept = name.data ? (char *) spectra_attr_list_stable(&span->attrs, name.data, name.len) : NULL;
	spectra_buf_free(&name);
	return kept;
}

/* gen_ai.tool_call_counts.<type> for each type of tool call the response made. */
static void add_tool_call_counts(spectra_attr_list *attrs, const spectra_record *record)
{
	const char *prefix = SPECTRA_SPAN_ATTR(tool_call_counts);
	size_t prefix_len = strlen(prefix);
	char key[160];
	for (size_t i = 0; i < record->tool_call_kinds; i++) {
		/* cut to the buffer as snprintf("%s%s") did, without its formatting cost */
		size_t len = prefix_len < sizeof(key) - 1 ? prefix_len : sizeof(key) - 1;
		memcpy(key, prefix, len);
		const char *name = record->tool_calls[i].name;
		size_t name_len = strnlen(name, sizeof(key) - 1 - len);
		memcpy(key + len, name, name_len);
		len += name_len;
		key[len] = '\0';
		const char *stable_key = spectra_attr_list_stable(attrs, key, len);
		if (stable_key) {
			spectra_attr_add_int(attrs, stable_key, record->tool_calls[i].count);
		}
	}
}

static void fill_genai(spectra_span *span, const spectra_record *record, const spectra_attr_list *context_attrs,
	bool legacy)
{
	fill_for_record(span, record);
	const char *operation = operation_name(record);
	span->name = span_name(span, operation, record->model);

	spectra_attr_list *attrs = &span->attrs;
	/* room for a typical GenAI span (26 attributes, ~1.3 KB of keys and values) at once */
	spectra_attr_list_reserve(attrs, 32 + (context_attrs ? context_attrs->count : 0), 2048);
	spectra_attr_add_string(attrs, SPECTRA_SPAN_ATTR(operation), operation);
	spectra_attr_add_string(attrs, SPECTRA_SPAN_ATTR(provider), genai_provider_name(record));
	add_string_if(attrs, SPECTRA_SPAN_ATTR(model), record->model);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(snapshot), record->snapshot ? record->snapshot : NULL);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(response_id), record->response_id);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(conversation_id), record->conversation_id);
	if (record->finish_reasons.count) {
		spectra_attr_add_strings(attrs, SPECTRA_SPAN_ATTR(finish_reasons),
			(const char *const *) record->finish_reasons.items, record->finish_reasons.count);
	}
	if (record->request_stop_sequences.count) {
		spectra_attr_add_strings(attrs, SPECTRA_SPAN_ATTR(request_stop_sequences),
			(const char *const *) record->request_stop_sequences.items, record->request_stop_sequences.count);
	}
	if (record->request_encoding_formats.count) {
		spectra_attr_add_strings(attrs, SPECTRA_SPAN_ATTR(request_encoding_formats),
			(const char *const *) record->request_encoding_formats.items, record->request_encoding_formats.count);
	}
	if (record->usage_seen) {
		spectra_attr_add_int(attrs, SPECTRA_SPAN_ATTR(prompt_tokens), record->prompt_tokens);
		if (strcmp(operation, "embeddings") != 0 || record->completion_tokens) {
			spectra_attr_add_int(attrs, SPECTRA_SPAN_ATTR(completion_tokens), record->completion_tokens);
		}
		if (record->cached_tokens) {
			spectra_attr_add_int(attrs, SPECTRA_SPAN_ATTR(cached_tokens), record->cached_tokens);
		}
		if (record->cache_write_tokens) {
			spectra_attr_add_int(attrs, SPECTRA_SPAN_ATTR(cache_write_tokens), record->cache_write_tokens);
		}
		if (record->reasoning_tokens) {
			spectra_attr_add_int(attrs, SPECTRA_SPAN_ATTR(reasoning_tokens), record->reasoning_tokens);
		}
	}
	if (record->usage_estimated) {
		/* the estimate stays out of gen_ai.usage.*: those say what the provider reported */
		spectra_attr_add_bool(attrs, SPECTRA_SPAN_ATTR(usage_estimated), true);
	}
	if (record->is_streaming) {
		spectra_attr_add_bool(attrs, SPECTRA_SPAN_ATTR(is_streaming), true);
		if (record->time_to_first_token_ms >= 0) {
			spectra_attr_add_double(attrs, SPECTRA_SPAN_ATTR(time_to_first_token_ms),
				(double) record->time_to_first_token_ms / 1000.0);
		}
	}
	add_request_parameters(attrs, record);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(server_address), record->server_address);
	if (record->server_address && record->server_port > 0) {
		spectra_attr_add_int(attrs, SPECTRA_SPAN_ATTR(server_port), record->server_port);
	}
	if (record->is_failed) {
		const char *error_type = record->error_type;
		char status_text[24];
		if (!error_type && record->status_code) {
			int len = snprintf(status_text, sizeof(status_text), "%lld", (long long) record->status_code);
			error_type = spectra_attr_list_stable(attrs, status_text, (size_t) len);
		}
		spectra_attr_add_string(attrs, SPECTRA_SPAN_ATTR(error_type), error_type ? error_type : "_OTHER");
		span->status_code = SPECTRA_STATUS_ERROR;
		span->status_message = span_string(span, record->error_message ? record->error_message : "request failed");
	}
	spectra_attr_add_double(attrs, SPECTRA_SPAN_ATTR(total_cost_in_cents), record->total_cost);
	spectra_attr_add_double(attrs, SPECTRA_SPAN_ATTR(prompt_cost), record->prompt_cost);
	spectra_attr_add_double(attrs, SPECTRA_SPAN_ATTR(completion_cost), record->completion_cost);
	spectra_attr_add_string(attrs, SPECTRA_SPAN_ATTR(currency), "USD");
	spectra_attr_add_bool(attrs, SPECTRA_SPAN_ATTR(cost_known), record->cost_known);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(cost_reason), record->cost_reason);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(pricing_tier), record->pricing_tier);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(model_type), record->model_type);
	add_tool_call_counts(attrs, record);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(reasoning_effort), record->reasoning_effort);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(trackable_type), record->trackable_type);
	/* opt-in content, last: the largest values */
	add_string_if(attrs, SPECTRA_SPAN_ATTR(system_instructions), record->system_instructions);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(input_messages), record->input_messages);
	add_string_if(attrs, SPECTRA_SPAN_ATTR(output_messages), record->output_messages);
	for (size_t i = 0; context_attrs && i < context_attrs->count; i++) {
		append_copy(attrs, &context_attrs->items[i]);
	}
	if (legacy) {
		add_legacy_attributes(attrs, record);
	}
}

spectra_span *spectra_span_build_genai(const spectra_record *record, const spectra_attr_list *context_attrs,
	bool legacy)
{
	spectra_span *span = spectra_span_new();
	if (span) {
		fill_genai(span, record, context_attrs, legacy);
	}
	return span;
}

void spectra_span_build_genai_into(spectra_span *span, const spectra_record *record,
	const spectra_attr_list *context_attrs, bool legacy)
{
	fill_genai(span, record, context_attrs, legacy);
}
