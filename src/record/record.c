#include "record.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "../util/num.h"
#include "limits.h"
#include "record_fields.h"

#define SPECTRA_RECORD_FIELD_INFO(key, kind, source, span_attribute, compat_attribute) \
	{ #key, span_attribute, compat_attribute },

const spectra_record_field_info spectra_record_fields[SPECTRA_RECORD_FIELD_COUNT] = { SPECTRA_RECORD_FIELDS(
	SPECTRA_RECORD_FIELD_INFO) };

/* The bytes the latest record has stored in its space and past it so far. The records of
 * one application are much alike, so the next one's space is sized from it: room for a
 * typical record's strings without holding (and charging the export queue for) much more
 * than it needs. */
static _Atomic size_t last_space_bytes = 128;
/* and what it stored through spectra_record_alloc() (the span job): a fixed size, so it
 * gets no share of the margin the strings get */
static _Atomic size_t last_extra_bytes = 0;

static size_t next_space_size(void)
{
	size_t size = atomic_load_explicit(&last_space_bytes, memory_order_relaxed);
	size_t extra = atomic_load_explicit(&last_extra_bytes, memory_order_relaxed);
	size = (size + size / 4 + extra + 15) & ~(size_t) 15;
	if (size < SPECTRA_RECORD_STRING_SPACE_MIN) {
		return SPECTRA_RECORD_STRING_SPACE_MIN;
	}
	return size > SPECTRA_RECORD_STRING_SPACE_MAX ? SPECTRA_RECORD_STRING_SPACE_MAX : size;
}

spectra_record *spectra_record_new(void)
{
	/* the space follows the record in the same block, so it costs no free of its own */
	size_t space = next_space_size();
	spectra_record *record = calloc(1, sizeof(*record) + space);
	if (!record) {
		return NULL;
	}
	record->string_space = (char *) (record + 1);
	record->string_space_size = space;
	record->time_to_first_token_ms = -1;
	record->duration_seconds = -1;
	record->billed_cost_usd = -1;
	record->billed_input_usd = -1;
	record->billed_output_usd = -1;
	record->input_characters = -1;
	record->image_count = -1;
	record->video_count = -1;
	record->request_max_tokens = -1;
	record->request_temperature = NAN;
	record->request_top_p = NAN;
	record->request_top_k = NAN;
	record->request_frequency_penalty = NAN;
	record->request_presence_penalty = NAN;
	record->request_seed = -1;
	record->request_choice_count = -1;
	record->request_tool_count = -1;
	for (int i = 0; i < SPECTRA_USAGE_KEY_COUNT; i++) {
		record->usage[i] = -1;
	}
	record->trace_flags = 0x01;
	return record;
}

/* size bytes (aligned to align, a power of two) in the record's space, or NULL when it
 * has no room. What a replaced value held in the space stays unused: the space is fixed,
 * so a record set again and again only moves on to malloc. */
static void *space_take(spectra_record *record, size_t size, size_t align)
{
	size_t at = (record->string_space_used + align - 1) & ~(align - 1);
	if (at > record->string_space_size || size > record->string_space_size - at) {
		return NULL;
	}
	record->string_space_used = at + size;
	return record->string_space + at;
}

/* A block the record owns outside its space: counted, so that a record without any is
 * freed in one free() (spectra_record_free() skips looking at every field). */
static void *outside_alloc(spectra_record *record, size_t size)
{
	void *block = malloc(size);
	if (block) {
		record->blocks_outside++;
	}
	return block;
}

/* A string or list: in the space while it has room, else malloc'd. NULL on OOM. */
static void *record_alloc(spectra_record *record, size_t size, size_t align)
{
	record->space_bytes_wanted += size;
	atomic_store_explicit(&last_space_bytes, record->space_bytes_wanted, memory_order_relaxed);
	void *block = space_take(record, size, align);
	return block ? block : outside_alloc(record, size);
}

/* Sizes the next record's space for what was asked of this one's beyond its strings; what
 * could never share the space with the strings (over half the largest) is left out. */
static void want_extra(spectra_record *record, size_t size)
{
	if (size <= SPECTRA_RECORD_STRING_SPACE_MAX / 2) {
		record->space_extra_wanted += size;
		atomic_store_explicit(&last_extra_bytes, record->space_extra_wanted, memory_order_relaxed);
	}
}

void *spectra_record_alloc(spectra_record *record, size_t size, size_t align)
{
	want_extra(record, size);
	void *block = space_take(record, size, align);
	return block ? block : malloc(size); /* the caller's to free: not counted */
}

void *spectra_record_alloc_in_space(spectra_record *record, size_t size, size_t align)
{
	want_extra(record, size);
	return space_take(record, size, align);
}

bool spectra_record_holds(const spectra_record *record, const void *block)
{
	return (uintptr_t) block - (uintptr_t) record->string_space < record->string_space_size;
}

/* Frees a string or list the record stored (in its space: nothing to free). */
static void record_free_block(spectra_record *record, void *block)
{
	if (block && !spectra_record_holds(record, block)) {
		free(block);
		record->blocks_outside--;
	}
}

static char *record_strndup(spectra_record *record, const char *value, size_t len)
{
	char *copy = record_alloc(record, len + 1, 1);
	if (copy) {
		memcpy(copy, value, len);
		copy[len] = '\0';
	}
	return copy;
}

size_t spectra_record_list_capacity(size_t count, size_t max_entries)
{
	return count <= SPECTRA_RECORD_FIRST_ENTRIES ? SPECTRA_RECORD_FIRST_ENTRIES : max_entries;
}

/* The tool-call list of count entries with room for one more: a first array of
 * SPECTRA_RECORD_FIRST_ENTRIES (in the record's space when it has room), then one at the
 * list's cap (grown once, not per entry). NULL on OOM (items is then unchanged). */
static void *entry_array(spectra_record *record, void *items, size_t count, size_t max_entries, size_t entry_size)
{
	if (items && count < spectra_record_list_capacity(count, max_entries)) {
		return items;
	}
	if (!items) {
		return record_alloc(record, SPECTRA_RECORD_FIRST_ENTRIES * entry_size, sizeof(void *));
	}
	void *grown = outside_alloc(record, max_entries * entry_size);
	if (grown) {
		memcpy(grown, items, count * entry_size);
		record_free_block(record, items);
	}
	return grown;
}

static void free_string_list(spectra_record *record, spectra_string_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		record_free_block(record, list->items[i]);
	}
	record_free_block(record, list->items);
	list->items = NULL;
	list->count = 0;
	list->capacity = 0;
}

void spectra_record_free(spectra_record *record)
{
	if (!record) {
		return;
	}
	if (!record->blocks_outside) {
		free(record); /* everything it holds is in its space */
		return;
	}
	char **strings[] = {
		&record->trace_state,
		&record->provider,
		&record->model,
		&record->snapshot,
		&record->response_id,
		&record->model_type,
		&record->operation,
		&record->endpoint,
		&record->request_body_skipped,
		&record->server_address,
		&record->pricing_tier,
		&record->cost_reason,
		&record->error_type,
		&record->error_message,
		&record->reasoning_effort,
		&record->trackable_type,
		&record->trackable_id,
		&record->conversation_id,
		&record->system_instructions,
		&record->input_messages,
		&record->output_messages,
	};
	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
		record_free_block(record, *strings[i]);
	}
	free_string_list(record, &record->finish_reasons);
	free_string_list(record, &record->request_stop_sequences);
	free_string_list(record, &record->request_encoding_formats);
	for (size_t i = 0; i < record->tool_call_kinds; i++) {
		record_free_block(record, record->tool_calls[i].name);
	}
	record_free_block(record, record->tool_calls);
	free(record);
}

/* len cut to SPECTRA_MAX_STRING_BYTES without splitting a UTF-8 sequence (the bytes need
 * not be valid UTF-8: only continuation bytes 10xxxxxx at the cut are stepped back over). */
static size_t capped_length(spectra_record *record, const char *value, size_t len)
{
	if (len <= SPECTRA_MAX_STRING_BYTES) {
		return len;
	}
	record->strings_truncated++;
	size_t cut = SPECTRA_MAX_STRING_BYTES;
	for (int back = 0; back < 3 && cut > 0 && ((unsigned char) value[cut] & 0xC0) == 0x80; back++) {
		cut--;
	}
	return cut;
}

void spectra_record_set(spectra_record *record, char **field, const char *value)
{
	spectra_record_setl(record, field, value, value ? strlen(value) : 0);
}

void spectra_record_setl(spectra_record *record, char **field, const char *value, size_t len)
{
	char *copy = value ? record_strndup(record, value, capped_length(record, value, len)) : NULL;
	record_free_block(record, *field);
	*field = copy;
}

void spectra_record_set_content(spectra_record *record, char **field, const char *value, size_t len)
{
	char *copy = value ? record_strndup(record, value, len) : NULL;
	record_free_block(record, *field);
	*field = copy;
}

/* Appends a copy to a list of at most cap items; false when it is full. */
static bool list_add(spectra_record *record, spectra_string_list *list, size_t cap, const char *value, size_t len)
{
	if (list->count >= cap) {
		return false;
	}
	if (list->count == list->capacity) {
		/* most lists hold one or two items: start small (in the record's space when it has
		 * room), double up to the cap */
		size_t capacity = list->capacity ? list->capacity * 2 : 2;
		capacity = capacity < cap ? capacity : cap;
		char **grown = list->capacity ? outside_alloc(record, capacity * sizeof(char *))
									  : record_alloc(record, capacity * sizeof(char *), sizeof(char *));
		if (!grown) {
			return true; /* out of memory: the item is lost, not counted as over the cap */
		}
		if (list->count) {
			memcpy(grown, list->items, list->count * sizeof(char *));
		}
		record_free_block(record, list->items);
		list->items = grown;
		list->capacity = capacity;
	}
	char *copy = record_strndup(record, value, capped_length(record, value, len));
	if (copy) {
		list->items[list->count++] = copy;
	}
	return true;
}

void spectra_record_add_finish_reason(spectra_record *record, const char *reason, size_t len)
{
	if (!list_add(record, &record->finish_reasons, SPECTRA_MAX_FINISH_REASONS, reason, len)) {
		record->finish_reasons_dropped++;
	}
}

void spectra_record_add_request_item(spectra_record *record, spectra_string_list *list, const char *value, size_t len)
{
	if (!list_add(record, list, SPECTRA_MAX_REQUEST_LIST_ITEMS, value, len)) {
		record->request_items_dropped++;
	}
}

void spectra_record_count_tool_call(spectra_record *record, const char *type, size_t len, int64_t n)
{
	record->has_tool_calls = true;
	/* at most SPECTRA_MAX_TOOL_CALL_TYPES entries: the scan is bounded, the work linear */
	for (size_t i = 0; i < record->tool_call_kinds; i++) {
		if (strlen(record->tool_calls[i].name) == len && memcmp(record->tool_calls[i].name, type, len) == 0) {
			record->tool_calls[i].count = spectra_add_sat(record->tool_calls[i].count, n);
			return;
		}
	}
	if (record->tool_call_kinds >= SPECTRA_MAX_TOOL_CALL_TYPES) {
		record->tool_calls_dropped = spectra_add_sat(record->tool_calls_dropped, n > 0 ? n : 1);
		return;
	}
	spectra_tool_count *calls = entry_array(record, record->tool_calls, record->tool_call_kinds,
		SPECTRA_MAX_TOOL_CALL_TYPES, sizeof(spectra_tool_count));
	if (!calls) {
		return;
	}
	record->tool_calls = calls;
	char *name = record_strndup(record, type, capped_length(record, type, len));
	if (!name) {
		return;
	}
	record->tool_calls[record->tool_call_kinds].name = name;
	record->tool_calls[record->tool_call_kinds].count = n;
	record->tool_call_kinds++;
}

static int64_t at_most(int64_t value, int64_t cap)
{
	return value > cap ? cap : value;
}

void spectra_record_clamp_usage(spectra_record *record)
{
	int64_t *counts[] = { &record->prompt_tokens, &record->completion_tokens, &record->cached_tokens,
		&record->cache_write_tokens, &record->cache_write_1h_tokens, &record->reasoning_tokens };
	for (size_t i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		if (*counts[i] < 0) {
			*counts[i] = 0;
		}
	}
	record->cached_tokens = at_most(record->cached_tokens, record->prompt_tokens);
	record->cache_write_tokens = at_most(record->cache_write_tokens, record->prompt_tokens - record->cached_tokens);
	record->cache_write_1h_tokens = at_most(record->cache_write_1h_tokens, record->cache_write_tokens);
	record->reasoning_tokens = at_most(record->reasoning_tokens, record->completion_tokens);
}

double spectra_record_latency_ms(const spectra_record *record)
{
	if (!record->end_mono_ns || record->end_mono_ns < record->start_mono_ns) {
		return 0;
	}
	return (double) (record->end_mono_ns - record->start_mono_ns) / 1e6;
}

int64_t spectra_record_latency_ms_int(const spectra_record *record)
{
	return spectra_double_to_i64(spectra_record_latency_ms(record) + 0.5);
}

int64_t spectra_record_total_tokens(const spectra_record *record)
{
	return spectra_add_sat(record->prompt_tokens, record->completion_tokens);
}

double spectra_record_tokens_per_second(const spectra_record *record)
{
	/* Only meaningful for a stream: output tokens over the time after the first token. */
	if (!record->is_streaming || record->time_to_first_token_ms < 0 || record->completion_tokens <= 0) {
		return -1;
	}
	double generation_ms = spectra_record_latency_ms(record) - (double) record->time_to_first_token_ms;
	if (generation_ms < 1) {
		generation_ms = 1;
	}
	return (double) record->completion_tokens / generation_ms * 1000.0;
}

uint64_t spectra_record_end_wall_ns(const spectra_record *record)
{
	uint64_t end_mono = record->end_mono_ns ? record->end_mono_ns : record->start_mono_ns;
	return record->start_wall_ns + (end_mono - record->start_mono_ns);
}
