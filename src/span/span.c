#include "span.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

/* One block of a list's key and value storage; blocks are chained newest first. */
struct spectra_attr_chunk {
	struct spectra_attr_chunk *next;
	size_t size;
	size_t used;
	_Alignas(max_align_t) char data[];
};

#define CHUNK_FIRST_BYTES 512
#define CHUNK_MAX_BYTES 16384

void spectra_attr_list_init(spectra_attr_list *list)
{
	list->items = NULL;
	list->count = 0;
	list->cap = 0;
	list->index = NULL;
	list->index_size = 0;
	list->chunks = NULL;
	list->tag_bits[0] = list->tag_bits[1] = 0;
	list->borrows = false;
	list->take = NULL;
	list->take_context = NULL;
	list->items_taken = false;
}

void spectra_attr_list_take_from(spectra_attr_list *list, spectra_attr_take_fn take, void *context)
{
	list->take = take;
	list->take_context = context;
}

void spectra_attr_list_init_borrowing(spectra_attr_list *list)
{
	spectra_attr_list_init(list);
	list->borrows = true;
}

static bool add_chunk(spectra_attr_list *list, size_t at_least)
{
	size_t size = list->chunks ? list->chunks->size * 2 : CHUNK_FIRST_BYTES;
	if (size > CHUNK_MAX_BYTES) {
		size = CHUNK_MAX_BYTES;
	}
	if (size < at_least) {
		size = at_least;
	}
	struct spectra_attr_chunk *chunk = malloc(sizeof(*chunk) + size);
	if (!chunk) {
		return false;
	}
	chunk->next = list->chunks;
	chunk->size = size;
	chunk->used = 0;
	list->chunks = chunk;
	return true;
}

/* Storage for the list's lifetime (pointer-aligned). NULL on OOM. Inline: it runs for
 * every key and string value. */
static inline void *list_alloc(spectra_attr_list *list, size_t size)
{
	size = (size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
	if (list->take) {
		void *taken = list->take(list->take_context, size, sizeof(void *));
		if (taken) {
			return taken;
		}
	}
	struct spectra_attr_chunk *chunk = list->chunks;
	if (!chunk || chunk->size - chunk->used < size) {
		if (!add_chunk(list, size)) {
			return NULL;
		}
		chunk = list->chunks;
	}
	void *block = chunk->data + chunk->used;
	chunk->used += size;
	return block;
}

static inline char *list_strndup(spectra_attr_list *list, const char *str, size_t len)
{
	char *copy = list_alloc(list, len + 1);
	if (copy) {
		memcpy(copy, str, len);
		copy[len] = '\0';
	}
	return copy;
}

static bool grow_items(spectra_attr_list *list, size_t cap)
{
	spectra_attr *grown =
		list->take ? list->take(list->take_context, cap * sizeof(*grown), _Alignof(spectra_attr)) : NULL;
	bool taken = grown != NULL;
	if (!grown) {
		/* an array take gave cannot be realloc'd: moved into a malloc'd one */
		grown = list->items_taken ? malloc(cap * sizeof(*grown)) : realloc(list->items, cap * sizeof(*grown));
		if (!grown) {
			return false;
		}
	}
	if (list->items != grown && (taken || list->items_taken)) {
		if (list->count) {
			memcpy(grown, list->items, list->count * sizeof(*grown));
		}
		if (!list->items_taken) {
			free(list->items);
		}
	}
	list->items = grown;
	list->cap = cap;
	list->items_taken = taken;
	return true;
}

bool spectra_attr_list_reserve(spectra_attr_list *list, size_t attrs, size_t bytes)
{
	if (attrs > list->cap && !grow_items(list, attrs)) {
		return false;
	}
	struct spectra_attr_chunk *chunk = list->chunks;
	if (bytes && (!chunk || chunk->size - chunk->used < bytes)) {
		return add_chunk(list, bytes);
	}
	return true;
}

/* Below this many attributes a linear scan is as fast as hashing; spans rarely pass it. */
#define ATTR_INDEX_THRESHOLD 32

static size_t key_hash(const char *key)
{
	/* FNV-1a */
	uint64_t hash = 1469598103934665603ull;
	for (const unsigned char *p = (const unsigned char *) key; *p; p++) {
		hash = (hash ^ *p) * 1099511628211ull;
	}
	return (size_t) hash;
}

/* Length and last eight bytes: where attribute keys of one span differ, at constant cost. */
static uint32_t key_tag(const char *key, size_t len)
{
	uint64_t tail = 0;
	if (len >= 8) {
		memcpy(&tail, key + len - 8, 8); /* a fixed-size copy: one load */
	} else {
		memcpy(&tail, key, len);
	}
	return (uint32_t) ((tail * 0x9E3779B97F4A7C15ull) >> 32) ^ (uint32_t) len;
}

/* The index slot holding key, or the empty slot where it would go. */
static size_t index_slot(const spectra_attr_list *list, const char *key)
{
	size_t mask = list->index_size - 1;
	size_t slot = key_hash(key) & mask;
	while (list->index[slot] && strcmp(list->items[list->index[slot] - 1].key, key) != 0) {
		slot = (slot + 1) & mask;
	}
	return slot;
}

/* Rebuilds the index at twice the item capacity (load factor <= 1/2). False on OOM: the
 * list is unchanged and keeps its old index (or none). */
static bool index_rebuild(spectra_attr_list *list, size_t min_items)
{
	size_t size = 64;
	while (size < min_items * 2) {
		size *= 2;
	}
	uint32_t *index = calloc(size, sizeof(*index));
	if (!index) {
		return false;
	}
	free(list->index);
	list->index = index;
	list->index_size = size;
	for (size_t i = 0; i < list->count; i++) {
		list->index[index_slot(list, list->items[i].key)] = (uint32_t) (i + 1);
	}
	return true;
}

void spectra_attr_list_free(spectra_attr_list *list)
{
	for (struct spectra_attr_chunk *chunk = list->chunks, *next; chunk; chunk = next) {
		next = chunk->next;
		free(chunk);
	}
	if (!list->items_taken) {
		free(list->items);
	}
	free(list->index);
	spectra_attr_list_init(list);
}

void spectra_attr_list_clear(spectra_attr_list *list)
{
	struct spectra_attr_chunk *kept = list->chunks;
	if (kept) {
		for (struct spectra_attr_chunk *chunk = kept->next, *next; chunk; chunk = next) {
			next = chunk->next;
			free(chunk);
		}
		kept->next = NULL;
		kept->used = 0;
	}
	free(list->index);
	list->index = NULL;
	list->index_size = 0;
	list->count = 0;
	list->tag_bits[0] = list->tag_bits[1] = 0;
}

const char *spectra_attr_list_stable(spectra_attr_list *list, const char *str, size_t len)
{
	return list->borrows ? list_strndup(list, str, len) : str;
}

static spectra_attr *find_indexed(const spectra_attr_list *list, const char *key)
{
	uint32_t position = list->index[index_slot(list, key)];
	return position ? &list->items[position - 1] : NULL;
}

/* Inline: it runs for every attribute added, and mostly ends at the tag filter. */
static inline spectra_attr *find(const spectra_attr_list *list, const char *key, uint32_t tag)
{
	if (list->index) {
		return find_indexed(list, key);
	}
	if (!(list->tag_bits[(tag >> 6) & 1] & (UINT64_C(1) << (tag & 63)))) {
		return NULL;
	}
	for (size_t i = 0; i < list->count; i++) {
		if (list->items[i].key_tag == tag && strcmp(list->items[i].key, key) == 0) {
			return &list->items[i];
		}
	}
	return NULL;
}

const spectra_attr *spectra_attr_find(const spectra_attr_list *list, const char *key)
{
	return find(list, key, list->index ? 0 : key_tag(key, strlen(key)));
}

/* Stores a fully built value under key. A replaced value stays in the list's chunks until
 * the list is freed (replacing is rare: resource de-duplication, user keys). */
static bool attr_put(spectra_attr_list *list, const char *key, const spectra_attr *value)
{
	size_t key_len = strlen(key);
	if (key_len > UINT32_MAX) {
		return false;
	}
	uint32_t tag = key_tag(key, key_len);
	spectra_attr *existing = find(list, key, tag);
	if (existing) {
		/* replace in place: keeps the first insertion order and the keys unique */
		existing->type = value->type;
		existing->value = value->value;
		return true;
	}
	if (list->count == list->cap && !grow_items(list, list->cap ? list->cap * 2 : 8)) {
		return false;
	}
	if (list->count >= UINT32_MAX - 1) {
		return false;
	}
	bool needs_index = list->count + 1 >= ATTR_INDEX_THRESHOLD;
	if (needs_index && (list->count + 1) * 2 > list->index_size && !index_rebuild(list, list->count + 1)) {
		return false;
	}
	char *key_copy = list->borrows ? (char *) key : list_strndup(list, key, key_len);
	if (!key_copy) {
		return false;
	}
	spectra_attr *slot = &list->items[list->count++];
	slot->key = key_copy;
	slot->key_len = (uint32_t) key_len;
	slot->type = value->type;
	slot->key_tag = tag;
	list->tag_bits[(tag >> 6) & 1] |= UINT64_C(1) << (tag & 63);
	slot->value = value->value;
	if (list->index) {
		list->index[index_slot(list, key_copy)] = (uint32_t) list->count;
	}
	return true;
}

bool spectra_attr_add_stringl(spectra_attr_list *list, const char *key, const char *value, size_t len)
{
	/* The attribute keeps no length: an embedded NUL ends the value for every encoder. */
	spectra_attr attr = { .type = SPECTRA_ATTR_STRING };
	attr.value.str_len = value ? strnlen(value, len) : 0;
	attr.value.str = list_strndup(list, value ? value : "", attr.value.str_len);
	return attr.value.str && attr_put(list, key, &attr);
}

bool spectra_attr_add_string(spectra_attr_list *list, const char *key, const char *value)
{
	if (list->borrows) {
		spectra_attr attr = { .type = SPECTRA_ATTR_STRING };
		attr.value.str = (char *) (value ? value : "");
		attr.value.str_len = strlen(attr.value.str);
		return attr_put(list, key, &attr);
	}
	return spectra_attr_add_stringl(list, key, value, value ? strlen(value) : 0);
}

bool spectra_attr_add_bool(spectra_attr_list *list, const char *key, bool value)
{
	spectra_attr attr = { .type = SPECTRA_ATTR_BOOL };
	attr.value.boolean = value;
	return attr_put(list, key, &attr);
}

bool spectra_attr_add_int(spectra_attr_list *list, const char *key, int64_t value)
{
	spectra_attr attr = { .type = SPECTRA_ATTR_INT };
	attr.value.integer = value;
	return attr_put(list, key, &attr);
}

bool spectra_attr_add_double(spectra_attr_list *list, const char *key, double value)
{
	spectra_attr attr = { .type = SPECTRA_ATTR_DOUBLE };
	attr.value.dbl = value;
	return attr_put(list, key, &attr);
}

bool spectra_attr_add_strings(spectra_attr_list *list, const char *key, const char *const *items, size_t count)
{
	spectra_attr attr = { .type = SPECTRA_ATTR_STRING_ARRAY };
	char **copies = NULL;
	bool borrowable = list->borrows;
	for (size_t i = 0; borrowable && i < count; i++) {
		borrowable = items[i] != NULL; /* a NULL item is sent as "", which needs a copy */
	}
	if (borrowable) {
		attr.value.strings.items = (char **) items;
		attr.value.strings.count = count;
		return attr_put(list, key, &attr);
	}
	if (count) {
		if (count > SIZE_MAX / sizeof(*copies) || !(copies = list_alloc(list, count * sizeof(*copies)))) {
			return false;
		}
		for (size_t i = 0; i < count; i++) {
			const char *item = items[i] ? items[i] : "";
			if (!(copies[i] = list_strndup(list, item, strlen(item)))) {
				return false;
			}
		}
	}
	attr.value.strings.items = copies;
	attr.value.strings.count = count;
	return attr_put(list, key, &attr);
}

static void free_events(spectra_span *span)
{
	for (size_t i = 0; i < span->event_count; i++) {
		free(span->events[i].name);
		spectra_attr_list_free(&span->events[i].attrs);
	}
	free(span->events);
	span->events = NULL;
	span->event_count = 0;
}

spectra_span *spectra_span_new(void)
{
	spectra_span *span = calloc(1, sizeof(*span));
	if (!span) {
		return NULL;
	}
	spectra_attr_list_init(&span->attrs);
	/* OTLP says UNSPECIFIED must not be used as a default */
	span->kind = SPECTRA_SPAN_KIND_INTERNAL;
	span->status_code = SPECTRA_STATUS_UNSET;
	return span;
}

void spectra_span_free(spectra_span *span)
{
	if (!span) {
		return;
	}
	free_events(span);
	spectra_attr_list_free(&span->attrs);
	free(span->trace_state);
	free(span->name);
	free(span->status_message);
	free(span);
}

bool spectra_span_add_event(spectra_span *span, const char *name, uint64_t time_unix_nano)
{
	char *name_copy = spectra_strdup(name ? name : "");
	if (!name_copy) {
		return false;
	}
	/* spans carry a handful of events at most, so growing one slot at a time is fine */
	spectra_span_event *grown = realloc(span->events, (span->event_count + 1) * sizeof(*grown));
	if (!grown) {
		free(name_copy);
		return false;
	}
	span->events = grown;
	spectra_span_event *event = &span->events[span->event_count++];
	event->name = name_copy;
	event->time_unix_nano = time_unix_nano;
	spectra_attr_list_init(&event->attrs);
	return true;
}

spectra_span_event *spectra_span_last_event(spectra_span *span)
{
	return span->event_count ? &span->events[span->event_count - 1] : NULL;
}

void spectra_span_init_borrowing(spectra_span *span)
{
	memset(span, 0, sizeof(*span));
	spectra_attr_list_init_borrowing(&span->attrs);
	span->kind = SPECTRA_SPAN_KIND_INTERNAL;
	span->status_code = SPECTRA_STATUS_UNSET;
}

void spectra_span_clear_borrowing(spectra_span *span)
{
	free_events(span);
	spectra_attr_list attrs = span->attrs;
	spectra_attr_list_clear(&attrs);
	memset(span, 0, sizeof(*span));
	span->attrs = attrs;
	span->kind = SPECTRA_SPAN_KIND_INTERNAL;
	span->status_code = SPECTRA_STATUS_UNSET;
}

void spectra_span_free_borrowing(spectra_span *span)
{
	free_events(span);
	spectra_attr_list_free(&span->attrs);
	spectra_span_init_borrowing(span);
}

void spectra_resource_init(spectra_resource *resource)
{
	spectra_attr_list_init(&resource->attrs);
	resource->scope_name = NULL;
	resource->scope_version = NULL;
	resource->protobuf_resource = NULL;
	resource->protobuf_resource_len = 0;
}

void spectra_resource_free(spectra_resource *resource)
{
	spectra_attr_list_free(&resource->attrs);
	free(resource->scope_name);
	free(resource->scope_version);
	free(resource->protobuf_resource);
	spectra_resource_init(resource);
}
