/* The default span, built straight from the C record: the GenAI semantic conventions
 * (DESIGN.md §4) with cost in the spectra.* namespace. No PHP array is involved. */
#include "native_builder.h"

#include <stdio.h>
#include <string.h>

#include "../providers/providers.h"
#include "../util/buf.h"

static const char *genai_provider_name(const char *provider)
{
	const spectra_provider_info *info = spectra_provider_find(provider, strlen(provider));
	return info ? info->genai_name : provider;
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
	spectra_attr_add_string(attrs, "gen_ai.system", record->provider);
	spectra_attr_add_int(attrs, "gen_ai.usage.prompt_tokens", record->prompt_tokens);
	spectra_attr_add_int(attrs, "gen_ai.usage.completion_tokens", record->completion_tokens);
	spectra_attr_add_int(attrs, "gen_ai.usage.total_tokens", spectra_record_total_tokens(record));
	spectra_attr_add_double(attrs, "spectra.cost_cents", record->total_cost);
	spectra_attr_add_string(attrs, "spectra.request_id", record->id);
	spectra_attr_add_int(attrs, "spectra.latency_ms", (int64_t) (spectra_record_latency_ms(record) + 0.5));
	if (record->status_code) {
		spectra_attr_add_int(attrs, "http.response.status_code", record->status_code);
	}
	if (record->finish_reasons.count) {
		spectra_attr_add_string(attrs, "gen_ai.response.finish_reason", record->finish_reasons.items[0]);
	}
	if (record->reasoning_tokens > 0) {
		spectra_attr_add_int(attrs, "gen_ai.usage.reasoning_tokens", record->reasoning_tokens);
	}
}

spectra_span *spectra_span_for_record(const spectra_record *record)
{
	spectra_span *span = spectra_span_new();
	if (!span) {
		return NULL;
	}
	memcpy(span->trace_id, record->trace_id, 16);
	memcpy(span->span_id, record->span_id, 8);
	if (record->has_parent) {
		memcpy(span->parent_span_id, record->parent_span_id, 8);
		span->has_parent = true;
		/* W3C flags plus "has is_remote" and "is_remote": the parent came over the wire */
		span->flags = (uint32_t) record->trace_flags | 0x100 | 0x200;
		if (record->trace_state) {
			span->trace_state = spectra_strdup(record->trace_state);
		}
	} else {
		span->flags = (uint32_t) record->trace_flags | 0x100;
	}
	span->kind = SPECTRA_SPAN_KIND_CLIENT;
	span->start_time_unix_nano = record->start_wall_ns;
	span->end_time_unix_nano = spectra_record_end_wall_ns(record);
	return span;
}

spectra_span *spectra_span_build_genai(const spectra_record *record, const spectra_attr_list *context_attrs,
	bool legacy)
{
	spectra_span *span = spectra_span_for_record(record);
	if (!span) {
		return NULL;
	}
	const char *operation = operation_name(record);
	spectra_buf name;
	spectra_buf_init(&name);
	if (record->model && *record->model) {
		spectra_buf_appendf(&name, "%s %s", operation, record->model);
	} else {
		spectra_buf_append_str(&name, operation);
	}
	span->name = spectra_buf_detach(&name, NULL);

	spectra_attr_list *attrs = &span->attrs;
	spectra_attr_add_string(attrs, "gen_ai.operation.name", operation);
	spectra_attr_add_string(attrs, "gen_ai.provider.name", genai_provider_name(record->provider));
	add_string_if(attrs, "gen_ai.request.model", record->model);
	add_string_if(attrs, "gen_ai.response.model", record->snapshot ? record->snapshot : NULL);
	add_string_if(attrs, "gen_ai.response.id", record->response_id);
	add_string_if(attrs, "gen_ai.conversation.id", record->conversation_id);
	if (record->finish_reasons.count) {
		spectra_attr_add_strings(attrs, "gen_ai.response.finish_reasons",
			(const char *const *) record->finish_reasons.items, record->finish_reasons.count);
	}
	if (record->usage_seen) {
		spectra_attr_add_int(attrs, "gen_ai.usage.input_tokens", record->prompt_tokens);
		if (strcmp(operation, "embeddings") != 0 || record->completion_tokens) {
			spectra_attr_add_int(attrs, "gen_ai.usage.output_tokens", record->completion_tokens);
		}
		if (record->cached_tokens) {
			spectra_attr_add_int(attrs, "gen_ai.usage.cache_read.input_tokens", record->cached_tokens);
		}
		if (record->cache_write_tokens) {
			spectra_attr_add_int(attrs, "gen_ai.usage.cache_creation.input_tokens", record->cache_write_tokens);
		}
		if (record->reasoning_tokens) {
			spectra_attr_add_int(attrs, "gen_ai.usage.reasoning.output_tokens", record->reasoning_tokens);
		}
	}
	if (record->is_streaming) {
		spectra_attr_add_bool(attrs, "gen_ai.request.stream", true);
		if (record->time_to_first_token_ms >= 0) {
			spectra_attr_add_double(attrs, "gen_ai.response.time_to_first_chunk",
				(double) record->time_to_first_token_ms / 1000.0);
		}
	}
	add_string_if(attrs, "server.address", record->server_address);
	if (record->server_address && record->server_port > 0) {
		spectra_attr_add_int(attrs, "server.port", record->server_port);
	}
	if (record->is_failed) {
		const char *error_type = record->error_type;
		char status_text[24];
		if (!error_type && record->status_code) {
			snprintf(status_text, sizeof(status_text), "%lld", (long long) record->status_code);
			error_type = status_text;
		}
		spectra_attr_add_string(attrs, "error.type", error_type ? error_type : "_OTHER");
		span->status_code = SPECTRA_STATUS_ERROR;
		span->status_message = spectra_strdup(record->error_message ? record->error_message : "request failed");
	}
	spectra_attr_add_double(attrs, "spectra.cost.total_cents", record->total_cost);
	spectra_attr_add_double(attrs, "spectra.cost.input_cents", record->prompt_cost);
	spectra_attr_add_double(attrs, "spectra.cost.output_cents", record->completion_cost);
	spectra_attr_add_string(attrs, "spectra.cost.currency", "USD");
	spectra_attr_add_bool(attrs, "spectra.cost.known", record->cost_known);
	add_string_if(attrs, "spectra.pricing_tier", record->pricing_tier);
	add_string_if(attrs, "spectra.model_type", record->model_type);
	if (record->tool_call_kinds) {
		char key[160];
		for (size_t i = 0; i < record->tool_call_kinds; i++) {
			snprintf(key, sizeof(key), "spectra.tool_calls.%s", record->tool_calls[i].name);
			spectra_attr_add_int(attrs, key, record->tool_calls[i].count);
		}
	}
	add_string_if(attrs, "spectra.reasoning_effort", record->reasoning_effort);
	add_string_if(attrs, "spectra.trackable.type", record->trackable_type);
	for (size_t i = 0; context_attrs && i < context_attrs->count; i++) {
		append_copy(attrs, &context_attrs->items[i]);
	}
	if (legacy) {
		add_legacy_attributes(attrs, record);
	}
	return span;
}
