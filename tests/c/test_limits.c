/* Issue 8, in plain C: the per-record caps (src/record/limits.h), defined arithmetic on
 * untrusted numbers (src/util/num.h, the record's derived values) and the pricing file's
 * price cap. Each case names the undefined behaviour or the unbounded growth it pins. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "pricing/price_record.h"
#include "pricing/pricing.h"
#include "record/limits.h"
#include "record/record.h"
#include "span/span.h"
#include "util/num.h"

static void test_saturating_add(void)
{
	CHECK(spectra_add_sat(1, 2) == 3);
	CHECK(spectra_add_sat(INT64_MAX, 1) == INT64_MAX);
	CHECK(spectra_add_sat(INT64_MAX - 5, 10) == INT64_MAX);
	CHECK(spectra_add_sat(INT64_MIN, -1) == INT64_MIN);
	CHECK(spectra_add_sat(INT64_MAX, INT64_MIN) == -1);
	CHECK(spectra_add_sat(-3, 3) == 0);
}

static void test_float_to_int(void)
{
	CHECK(spectra_double_to_i64(NAN) == 0);
	CHECK(spectra_double_to_i64(INFINITY) == INT64_MAX);
	CHECK(spectra_double_to_i64(-INFINITY) == INT64_MIN);
	CHECK(spectra_double_to_i64(9.2e20) == INT64_MAX); /* the cast behind tokens_per_second = -9.2e16 */
	CHECK(spectra_double_to_i64(-9.2e20) == INT64_MIN);
	CHECK(spectra_double_to_i64(9223372036854775808.0) == INT64_MAX);
	CHECK(spectra_double_to_i64(-9223372036854775808.0) == INT64_MIN);
	CHECK(spectra_double_to_i64(-1.9) == -1);
	CHECK(spectra_double_to_i64(42.7) == 42);
	CHECK(spectra_double_to_u64(NAN) == 0);
	CHECK(spectra_double_to_u64(-5) == 0);
	CHECK(spectra_double_to_u64(1e30) == UINT64_MAX);
	CHECK(spectra_double_to_u64(INFINITY) == UINT64_MAX);
	CHECK(spectra_double_to_u64(1e18) == UINT64_C(1000000000000000000));
}

static void test_round_2dp(void)
{
	CHECK(spectra_round_2dp(1.234) == 1.23);
	CHECK(spectra_round_2dp(1.235000001) == 1.24);
	CHECK(spectra_round_2dp(0) == 0);
	CHECK(spectra_round_2dp(9e20) == 9e20); /* kept, never cast */
	CHECK(spectra_round_2dp(-9e20) == -9e20);
	CHECK(isinf(spectra_round_2dp(INFINITY)));
	CHECK(isnan(spectra_round_2dp(NAN)));
}

static void test_tool_call_cap(void)
{
	spectra_record *record = spectra_record_new();
	char type[32];
	for (int i = 0; i < 64000; i++) {
		snprintf(type, sizeof type, "type_%d_call", i);
		spectra_record_count_tool_call(record, type, strlen(type), 1);
	}
	CHECK(record->tool_call_kinds == SPECTRA_MAX_TOOL_CALL_TYPES);
	CHECK(record->tool_calls_dropped == 64000 - SPECTRA_MAX_TOOL_CALL_TYPES);
	CHECK(record->has_tool_calls);
	CHECK_STR(record->tool_calls[0].name, "type_0_call");
	CHECK_STR(record->tool_calls[SPECTRA_MAX_TOOL_CALL_TYPES - 1].name, "type_63_call");
	/* a type already counted is still counted after the cap */
	spectra_record_count_tool_call(record, "type_5_call", strlen("type_5_call"), 4);
	CHECK(record->tool_calls[5].count == 5);
	/* counts saturate instead of overflowing (a span builder's array may say anything) */
	spectra_record_count_tool_call(record, "type_5_call", strlen("type_5_call"), INT64_MAX);
	CHECK(record->tool_calls[5].count == INT64_MAX);
	spectra_record_count_tool_call(record, "type_5_call", strlen("type_5_call"), 1);
	CHECK(record->tool_calls[5].count == INT64_MAX);
	spectra_record_free(record);
}

static void test_record_arithmetic(void)
{
	spectra_record *record = spectra_record_new();
	record->prompt_tokens = INT64_MAX;
	record->completion_tokens = INT64_MAX;
	CHECK(spectra_record_total_tokens(record) == INT64_MAX);
	record->prompt_tokens = 3;
	record->completion_tokens = 4;
	CHECK(spectra_record_total_tokens(record) == 7);

	record->start_mono_ns = 1000;
	record->end_mono_ns = 1000 + 2500000; /* 2.5 ms */
	CHECK(spectra_record_latency_ms_int(record) == 3);
	record->start_mono_ns = 1;
	record->end_mono_ns = UINT64_MAX;
	CHECK(spectra_record_latency_ms_int(record) == (int64_t) (18446744073709.551615 + 0.5));

	/* 9e15 output tokens in 1 ms: a rate of 9e18/s is a double, never cast to an int */
	record->is_streaming = true;
	record->completion_tokens = INT64_C(9000000000000000);
	record->time_to_first_token_ms = INT64_MAX;
	record->start_mono_ns = 0;
	record->end_mono_ns = 1000000;
	double rate = spectra_record_tokens_per_second(record);
	CHECK(isfinite(rate) && rate > 0);
	CHECK(spectra_round_2dp(rate) == rate);
	spectra_record_free(record);
}

static void test_clamp_usage(void)
{
	spectra_record *record = spectra_record_new();
	record->prompt_tokens = 100;
	record->cached_tokens = 500;
	record->cache_write_tokens = 50;
	record->cache_write_1h_tokens = 70;
	record->completion_tokens = 10;
	record->reasoning_tokens = 99;
	spectra_record_clamp_usage(record);
	CHECK(record->cached_tokens == 100);
	CHECK(record->cache_write_tokens == 0);
	CHECK(record->cache_write_1h_tokens == 0);
	CHECK(record->reasoning_tokens == 10);

	record->prompt_tokens = 100;
	record->cached_tokens = 30;
	record->cache_write_tokens = 90;
	record->cache_write_1h_tokens = 80;
	spectra_record_clamp_usage(record);
	CHECK(record->cached_tokens == 30);
	CHECK(record->cache_write_tokens == 70);
	CHECK(record->cache_write_1h_tokens == 70);

	/* consistent counts stay as they are */
	record->prompt_tokens = 100;
	record->cached_tokens = 20;
	record->cache_write_tokens = 30;
	record->cache_write_1h_tokens = 10;
	record->completion_tokens = 50;
	record->reasoning_tokens = 40;
	spectra_record_clamp_usage(record);
	CHECK(record->prompt_tokens == 100 && record->cached_tokens == 20 && record->cache_write_tokens == 30);
	CHECK(record->cache_write_1h_tokens == 10 && record->completion_tokens == 50 && record->reasoning_tokens == 40);

	record->prompt_tokens = -5;
	record->completion_tokens = -1;
	record->cached_tokens = -2;
	record->reasoning_tokens = 3;
	spectra_record_clamp_usage(record);
	CHECK(record->prompt_tokens == 0 && record->completion_tokens == 0);
	CHECK(record->cached_tokens == 0 && record->reasoning_tokens == 0);
	spectra_record_free(record);
}

static bool load_json(const char *json, char *error, size_t error_size)
{
	char path[] = "/tmp/spectra-limits-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		return false;
	}
	FILE *file = fdopen(fd, "w");
	fputs(json, file);
	fclose(file);
	bool ok = spectra_pricing_load_file(path, error, error_size);
	unlink(path);
	return ok;
}

static void test_price_cap(void)
{
	char error[512] = "";
	/* 1e308 cents per 1M tokens gave INF costs */
	CHECK(!load_json("{\"models\": [{\"provider\": \"openai\", \"model\": \"m-huge\",\n"
					 "  \"input\": 1e308, \"output\": 1}]}",
		error, sizeof error));
	CHECK(strstr(error, ":2: \"input\" must be at most 1000000000 cents") != NULL);
	CHECK(spectra_pricing_lookup("openai", "m-huge", NULL) == NULL);

	/* the cap itself is a valid price, and the largest token counts stay finite under it */
	CHECK(load_json(
		"{\"models\": [{\"provider\": \"openai\", \"model\": \"m-max\", \"input\": 1e9, \"output\": 1e9},\n"
		" {\"provider\": \"openai\", \"model\": \"m-minute\", \"unit\": \"minute\", \"price_per_unit\": 1e9}]}",
		error, sizeof error));
	spectra_record *record = spectra_record_new();
	spectra_record_set(record, &record->provider, "openai");
	spectra_record_set(record, &record->model, "m-max");
	record->usage_seen = true;
	record->prompt_tokens = SPECTRA_MAX_TOKEN_COUNT;
	record->completion_tokens = SPECTRA_MAX_TOKEN_COUNT;
	spectra_price_record(record, "standard");
	CHECK(record->cost_known && isfinite(record->total_cost) && record->total_cost > 0);

	/* a media duration out of any real range gives no cost rather than an infinite one */
	spectra_record_set(record, &record->model, "m-minute");
	record->duration_seconds = 1e305;
	spectra_price_record(record, "standard");
	CHECK(!record->cost_known && record->total_cost == 0 && record->prompt_cost == 0);
	spectra_record_free(record);
	spectra_pricing_clear_overrides();
}

/* Adding n attributes is O(n): past a short scan the keys are hashed. The list keeps
 * insertion order and unique keys, and a replaced key keeps its first position. */
static void test_attr_list_index(void)
{
	spectra_attr_list list;
	spectra_attr_list_init(&list);
	char key[32];
	bool ok = true;
	for (int i = 0; i < 100000; i++) {
		snprintf(key, sizeof key, "k%d", i);
		ok &= spectra_attr_add_int(&list, key, i);
	}
	CHECK(ok && list.count == 100000);
	for (int i = 0; i < 100000; i += 7) {
		snprintf(key, sizeof key, "k%d", i);
		ok &= spectra_attr_add_string(&list, key, "replaced");
	}
	CHECK(ok && list.count == 100000);
	CHECK_STR(list.items[0].key, "k0");
	CHECK(list.items[0].type == SPECTRA_ATTR_STRING);
	CHECK_STR(list.items[99999].key, "k99999");
	const spectra_attr *found = spectra_attr_find(&list, "k70");
	CHECK(found == &list.items[70] && found->type == SPECTRA_ATTR_STRING);
	found = spectra_attr_find(&list, "k71");
	CHECK(found == &list.items[71] && found->type == SPECTRA_ATTR_INT && found->value.integer == 71);
	CHECK(spectra_attr_find(&list, "k100000") == NULL);
	CHECK(spectra_attr_find(&list, "") == NULL);
	spectra_attr_list_free(&list);
	CHECK(list.count == 0 && list.index == NULL);

	/* a short list (no index) behaves the same */
	spectra_attr_add_int(&list, "a", 1);
	spectra_attr_add_int(&list, "b", 2);
	spectra_attr_add_int(&list, "a", 3);
	CHECK(list.count == 2 && list.index == NULL && spectra_attr_find(&list, "a")->value.integer == 3);
	spectra_attr_list_free(&list);
}

/* Strings of a record are cut at SPECTRA_MAX_STRING_BYTES, at a UTF-8 boundary, and counted. */
static void test_string_cap(void)
{
	spectra_record *record = spectra_record_new();
	size_t len = SPECTRA_MAX_STRING_BYTES + 100;
	char *text = malloc(len + 1);
	memset(text, 'a', len);
	text[len] = '\0';
	spectra_record_setl(record, &record->model, text, len);
	CHECK(strlen(record->model) == SPECTRA_MAX_STRING_BYTES);
	CHECK(record->strings_truncated == 1);

	/* a 3-byte character (e2 82 ac) straddling the cut is left out whole */
	memcpy(text + SPECTRA_MAX_STRING_BYTES - 1, "\xe2\x82\xac", 3);
	spectra_record_setl(record, &record->response_id, text, len);
	CHECK(strlen(record->response_id) == SPECTRA_MAX_STRING_BYTES - 1);
	CHECK(record->strings_truncated == 2);

	/* exactly at the cap: kept whole, not counted */
	spectra_record_setl(record, &record->endpoint, text, SPECTRA_MAX_STRING_BYTES);
	CHECK(strlen(record->endpoint) == SPECTRA_MAX_STRING_BYTES);
	CHECK(record->strings_truncated == 2);
	spectra_record_set(record, &record->endpoint, NULL);
	CHECK(record->endpoint == NULL);

	/* finish reasons: strings capped, count capped */
	spectra_record_add_finish_reason(record, text, len);
	CHECK(record->strings_truncated == 3);
	for (int i = 0; i < SPECTRA_MAX_FINISH_REASONS + 5; i++) {
		spectra_record_add_finish_reason(record, "stop", 4);
	}
	CHECK(record->finish_reasons.count == SPECTRA_MAX_FINISH_REASONS);
	CHECK(record->finish_reasons_dropped == 6);
	CHECK(record->finish_reasons.capacity == SPECTRA_MAX_FINISH_REASONS);
	/* a request's stop sequences: the same caps, its own count; the list grows as it fills */
	spectra_record_add_request_item(record, &record->request_stop_sequences, "END", 3);
	CHECK(record->request_stop_sequences.capacity == 2);
	for (int i = 0; i < SPECTRA_MAX_REQUEST_LIST_ITEMS + 2; i++) {
		spectra_record_add_request_item(record, &record->request_stop_sequences, "\n", 1);
	}
	CHECK(record->request_stop_sequences.count == SPECTRA_MAX_REQUEST_LIST_ITEMS);
	CHECK(record->request_stop_sequences.capacity == SPECTRA_MAX_REQUEST_LIST_ITEMS);
	CHECK(record->request_items_dropped == 3);
	CHECK_STR(record->request_stop_sequences.items[0], "END");
	spectra_record_add_request_item(record, &record->request_encoding_formats, text, len);
	CHECK(record->strings_truncated == 4 && record->request_encoding_formats.count == 1);
	/* tool-call types too */
	spectra_record_count_tool_call(record, text, len, 1);
	CHECK(strlen(record->tool_calls[0].name) == SPECTRA_MAX_STRING_BYTES - 1);
	CHECK(record->strings_truncated == 5);
	free(text);
	spectra_record_free(record);
}

/* Strings in the record's own space and past it: every value reads back right whichever
 * it landed in, replacing a value (even thousands of times, with values of every length)
 * keeps the record's memory bounded, and freeing frees exactly the malloc'd ones
 * (limits-valgrind checks that nothing leaks and nothing in the space is freed). */
static void test_record_string_space(void)
{
	spectra_record *r = spectra_record_new();
	char value[600];
	int wrong = 0;
	for (int round = 0; round < 3000; round++) {
		size_t len = (size_t) (round * 7) % sizeof value;
		memset(value, 'a' + round % 26, len);
		value[len] = '\0';
		char **fields[] = { &r->model, &r->snapshot, &r->error_message };
		char **field = fields[round % 3];
		spectra_record_setl(r, field, value, len);
		wrong += !*field || strcmp(*field, value) != 0;
		if (round % 100 == 0) {
			spectra_record_count_tool_call(r, value, len, 1);
			spectra_record_add_finish_reason(r, value, len);
			wrong += strcmp(r->finish_reasons.items[r->finish_reasons.count - 1], value) != 0;
		}
	}
	CHECK(wrong == 0);
	CHECK(r->string_space_used <= r->string_space_size && r->string_space_size <= SPECTRA_RECORD_STRING_SPACE_MAX);
	spectra_record_set(r, &r->model, NULL);
	CHECK(r->model == NULL);
	spectra_record_free(r);

	/* the next record's space is sized from what the one before stored, within bounds */
	spectra_record *first = spectra_record_new();
	memset(value, 'm', 299);
	value[299] = '\0';
	spectra_record_set(first, &first->model, value);
	spectra_record *second = spectra_record_new();
	CHECK(second->string_space_size >= 300 && second->string_space_size <= SPECTRA_RECORD_STRING_SPACE_MAX);
	spectra_record_set(second, &second->model, value);
	CHECK(spectra_record_holds(second, second->model));
	spectra_record_set(second, &second->snapshot, value);
	spectra_record_set(second, &second->error_message, value);
	spectra_record_set(second, &second->response_id, value); /* 1 200 bytes stored: over the bound */
	spectra_record *third = spectra_record_new();
	CHECK(third->string_space_size == SPECTRA_RECORD_STRING_SPACE_MAX);
	spectra_record_free(first);
	spectra_record_free(second);
	spectra_record_free(third);
}

int main(void)
{
	test_attr_list_index();
	test_record_string_space();
	test_string_cap();
	test_saturating_add();
	test_float_to_int();
	test_round_2dp();
	test_tool_call_cap();
	test_record_arithmetic();
	test_clamp_usage();
	test_price_cap();
	return check_summary();
}
