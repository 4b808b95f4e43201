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
	CHECK(SPECTRA_RECORD_FIELD_COUNT == 63);
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

int main(void)
{
	test_table_is_consistent();
	test_builder_matches_table();
	return check_summary();
}
