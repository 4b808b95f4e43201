/* The record-key table (src/record/record_fields.h) against the native span builder: every
 * span attribute and compat key the table names is one the builder emits for a record that
 * has every value set, and the builder emits no attribute the table does not name. */
#include "record/record.h"
#include "record/record_fields.h"
#include "span/native_builder.h"

#include <stdlib.h>

#include "check.h"

static bool is_prefix(const char *name)
{
	size_t len = strlen(name);
	return len && name[len - 1] == '.';
}

static const spectra_attr *find_attr(const spectra_span *span, const char *key)
{
	for (size_t i = 0; i < span->attrs.count; i++) {
		if (strcmp(span->attrs.items[i].key, key) == 0) {
			return &span->attrs.items[i];
		}
	}
	return NULL;
}

static spectra_record *full_record(void)
{
	spectra_record *r = spectra_record_new();
	spectra_record_set(r, &r->provider, "openai");
	spectra_record_set(r, &r->model, "gpt-4o");
	spectra_record_set(r, &r->snapshot, "gpt-4o-2024-08-06");
	spectra_record_set(r, &r->response_id, "resp_1");
	spectra_record_set(r, &r->model_type, "text");
	spectra_record_set(r, &r->operation, "chat");
	spectra_record_set(r, &r->endpoint, "/v1/chat/completions");
	spectra_record_set(r, &r->request_body_skipped, "read_function");
	spectra_record_set(r, &r->server_address, "api.openai.com");
	r->server_port = 443;
	spectra_record_set(r, &r->pricing_tier, "standard");
	spectra_record_set(r, &r->cost_reason, "no usage reported"); /* unknown cost: the span says why */
	r->usage_seen = true;
	r->usage_estimated = true; /* never with usage_seen in a real record; here so every attribute shows */
	r->prompt_tokens = 100;
	r->completion_tokens = 50;
	r->cached_tokens = 10;
	r->cache_write_tokens = 5;
	r->reasoning_tokens = 20;
	r->prompt_cost = 1;
	r->completion_cost = 2;
	r->total_cost = 3;
	r->cost_known = true;
	r->start_wall_ns = 1000000000;
	r->start_mono_ns = 1;
	r->end_mono_ns = 2000001;
	r->time_to_first_token_ms = 1;
	r->request_max_tokens = 256;
	r->request_temperature = 0.2;
	r->request_top_p = 0.9;
	r->request_top_k = 40;
	r->request_frequency_penalty = -0.5;
	r->request_presence_penalty = 0;
	r->request_seed = 7;
	r->request_choice_count = 1;
	r->request_tool_count = 2;
	spectra_record_add_request_item(r, &r->request_stop_sequences, "\n\n", 2);
	spectra_record_add_request_item(r, &r->request_encoding_formats, "float", 5);
	spectra_record_set_content(r, &r->system_instructions, "[]", 2);
	spectra_record_set_content(r, &r->input_messages, "[]", 2);
	spectra_record_set_content(r, &r->output_messages, "[]", 2);
	r->status_code = 500;
	r->is_failed = true;
	spectra_record_set(r, &r->error_type, "server_error");
	spectra_record_set(r, &r->error_message, "boom");
	spectra_record_add_finish_reason(r, "stop", 4);
	r->is_reasoning = true;
	spectra_record_set(r, &r->reasoning_effort, "high");
	r->is_streaming = true;
	spectra_record_count_tool_call(r, "web_search_call", 15, 1);
	spectra_record_set(r, &r->trackable_type, "App\\Models\\Team");
	spectra_record_set(r, &r->conversation_id, "conv_1");
	r->completed = true;
	return r;
}

/* The PHP side (src/php/span_bridge/native_input.c) adds these from the RequestContext. */
static bool from_context(spectra_record_field field)
{
	return field == SPECTRA_FIELD_tags || field == SPECTRA_FIELD_metadata || field == SPECTRA_FIELD_trackable_id;
}

static void test_table_is_consistent(void)
{
	CHECK(SPECTRA_RECORD_FIELD_COUNT == 67);
	CHECK_STR(spectra_record_fields[0].key, "id");
	CHECK_STR(spectra_record_fields[SPECTRA_RECORD_FIELD_COUNT - 1].key, "completed_at");
	CHECK_STR(SPECTRA_SPAN_ATTR(model), "gen_ai.request.model");
	CHECK_STR(SPECTRA_COMPAT_ATTR(provider), "gen_ai.system");
	for (size_t i = 0; i < SPECTRA_RECORD_FIELD_COUNT; i++) {
		const spectra_record_field_info *a = &spectra_record_fields[i];
		for (size_t j = i + 1; j < SPECTRA_RECORD_FIELD_COUNT; j++) {
			const spectra_record_field_info *b = &spectra_record_fields[j];
			CHECK(strcmp(a->key, b->key) != 0);
			CHECK(!a->span_attribute || !b->span_attribute || strcmp(a->span_attribute, b->span_attribute) != 0);
			CHECK(
				!a->compat_attribute || !b->compat_attribute || strcmp(a->compat_attribute, b->compat_attribute) != 0);
		}
	}
}

static void test_builder_matches_table(void)
{
	spectra_record *record = full_record();
	spectra_span *span = spectra_span_build_genai(record, NULL, true);
	if (!CHECK(span != NULL)) {
		spectra_record_free(record);
		return;
	}
	for (size_t i = 0; i < SPECTRA_RECORD_FIELD_COUNT; i++) {
		const spectra_record_field_info *field = &spectra_record_fields[i];
		if (field->span_attribute && !is_prefix(field->span_attribute) && !from_context((spectra_record_field) i)) {
			if (!CHECK(find_attr(span, field->span_attribute) != NULL)) {
				fprintf(stderr, "     %s: the span has no %s\n", field->key, field->span_attribute);
			}
		}
		if (field->compat_attribute && !CHECK(find_attr(span, field->compat_attribute) != NULL)) {
			fprintf(stderr, "     %s: the compat span has no %s\n", field->key, field->compat_attribute);
		}
	}
	CHECK(find_attr(span, "spectra.tool_calls.web_search_call") != NULL);
	for (size_t a = 0; a < span->attrs.count; a++) {
		const char *key = span->attrs.items[a].key;
		bool named = false;
		for (size_t i = 0; i < SPECTRA_RECORD_FIELD_COUNT && !named; i++) {
			const spectra_record_field_info *field = &spectra_record_fields[i];
			const char *attr = field->span_attribute;
			named = (attr && (is_prefix(attr) ? strncmp(key, attr, strlen(attr)) == 0 : strcmp(key, attr) == 0))
				|| (field->compat_attribute && strcmp(key, field->compat_attribute) == 0);
		}
		if (!CHECK(named)) {
			fprintf(stderr, "     the span's %s is not in src/record/record_fields.h\n", key);
		}
	}
	spectra_span_free(span);
	spectra_record_free(record);
}

static bool same_string(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_attr(const spectra_attr *a, const spectra_attr *b)
{
	if (strcmp(a->key, b->key) != 0 || a->key_len != b->key_len || a->type != b->type) {
		return false;
	}
	switch (a->type) {
	case SPECTRA_ATTR_STRING:
		return a->value.str_len == b->value.str_len && strcmp(a->value.str, b->value.str) == 0;
	case SPECTRA_ATTR_BOOL:
		return a->value.boolean == b->value.boolean;
	case SPECTRA_ATTR_INT:
		return a->value.integer == b->value.integer;
	case SPECTRA_ATTR_DOUBLE:
		return memcmp(&a->value.dbl, &b->value.dbl, sizeof a->value.dbl) == 0;
	case SPECTRA_ATTR_STRING_ARRAY:
		if (a->value.strings.count != b->value.strings.count) {
			return false;
		}
		for (size_t i = 0; i < a->value.strings.count; i++) {
			if (strcmp(a->value.strings.items[i], b->value.strings.items[i]) != 0) {
				return false;
			}
		}
		return true;
	}
	return false;
}

static bool same_span(const spectra_span *a, const spectra_span *b)
{
	bool same = memcmp(a->trace_id, b->trace_id, 16) == 0 && memcmp(a->span_id, b->span_id, 8) == 0
		&& a->has_parent == b->has_parent && memcmp(a->parent_span_id, b->parent_span_id, 8) == 0
		&& same_string(a->trace_state, b->trace_state) && same_string(a->name, b->name) && a->kind == b->kind
		&& a->start_time_unix_nano == b->start_time_unix_nano && a->end_time_unix_nano == b->end_time_unix_nano
		&& a->event_count == b->event_count && a->status_code == b->status_code
		&& same_string(a->status_message, b->status_message) && a->flags == b->flags
		&& a->attrs.count == b->attrs.count;
	for (size_t i = 0; same && i < a->attrs.count; i++) {
		same = same_attr(&a->attrs.items[i], &b->attrs.items[i]);
	}
	return same;
}

/* A record unlike full_record(): a remote parent with tracestate, a failure with only an
 * HTTP status (the error type is made from it), no model, several tool-call types, one of
 * them longer than a tool-call key can hold. */
static spectra_record *other_record(void)
{
	spectra_record *r = spectra_record_new();
	spectra_record_set(r, &r->provider, "some-gateway");
	r->has_parent = true;
	r->parent_span_id[0] = 9;
	spectra_record_set(r, &r->trace_state, "vendor=abc");
	r->status_code = 429;
	r->is_failed = true;
	r->start_wall_ns = 5;
	char long_type[300];
	memset(long_type, 'x', sizeof long_type);
	spectra_record_count_tool_call(r, "function", 8, 3);
	spectra_record_count_tool_call(r, long_type, sizeof long_type, 1);
	spectra_record_count_tool_call(r, "custom", 6, 2);
	spectra_record_add_finish_reason(r, "length", 6);
	spectra_record_add_finish_reason(r, "stop", 4);
	return r;
}

/* The sender builds every span into one borrowing span, cleared in between: for the same
 * record and context that gives the span spectra_span_build_genai() copies, one record
 * after another in the same memory, with and without the legacy keys, and with a context
 * key that replaces a built-in one. */
static void test_borrowing_build_matches_copying(void)
{
	spectra_record *records[] = { full_record(), other_record() };
	spectra_attr_list context;
	spectra_attr_list_init(&context);
	static const char *const tags[] = { "a", "bb" };
	spectra_attr_add_strings(&context, "spectra.tags", tags, 2);
	spectra_attr_add_string(&context, "spectra.metadata.locale", "en-GB");
	spectra_attr_add_int(&context, "gen_ai.request.model", 7);
	spectra_span reuse;
	spectra_span_init_borrowing(&reuse);
	int mismatches = 0;
	for (int round = 0; round < 8; round++) {
		spectra_record *record = records[round % 2];
		const spectra_attr_list *context_attrs = round % 4 < 2 ? &context : NULL;
		bool legacy = round % 3 == 0;
		spectra_span *copied = spectra_span_build_genai(record, context_attrs, legacy);
		spectra_span_clear_borrowing(&reuse);
		spectra_span_build_genai_into(&reuse, record, context_attrs, legacy);
		if (!copied || !same_span(copied, &reuse)) {
			mismatches++;
			fprintf(stderr, "     round %d: the borrowing span differs\n", round);
		}
		spectra_span_free(copied);
	}
	CHECK(mismatches == 0);
	CHECK(reuse.attrs.borrows);
	spectra_span_free_borrowing(&reuse);
	spectra_attr_list_free(&context);
	spectra_record_free(records[0]);
	spectra_record_free(records[1]);
}

int main(void)
{
	test_table_is_consistent();
	test_builder_matches_table();
	test_borrowing_build_matches_copying();
	return check_summary();
}
