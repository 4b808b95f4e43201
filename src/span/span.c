#include "span.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

void spectra_attr_list_init(spectra_attr_list *list)
{
	list->items = NULL;
	list->count = 0;
	list->cap = 0;
	list->index = NULL;
	list->index_size = 0;
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

static void free_strings(char **items, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		free(items[i]);
	}
	free(items);
}

/* Frees what the value owns; the key is left alone so replace can keep it. */
static void attr_value_free(spectra_attr *attr)
{
	if (attr->type == SPECTRA_ATTR_STRING) {
		free(attr->value.str);
	} else if (attr->type == SPECTRA_ATTR_STRING_ARRAY) {
		free_strings(attr->value.strings.items, attr->value.strings.count);
	}
}

void spectra_attr_list_free(spectra_attr_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].key);
		attr_value_free(&list->items[i]);
	}
	free(list->items);
	free(list->index);
	spectra_attr_list_init(list);
}

const spectra_attr *spectra_attr_find(const spectra_attr_list *list, const char *key)
{
	if (list->index) {
		uint32_t position = list->index[index_slot(list, key)];
		return position ? &list->items[position - 1] : NULL;
	}
	for (size_t i = 0; i < list->count; i++) {
		if (strcmp(list->items[i].key, key) == 0) {
			return &list->items[i];
		}
	}
	return NULL;
}

/* Stores a fully built value under key. The value is built before this call, so on
 * OOM the list is unchanged and the caller only has to free the new value. */
static bool attr_put(spectra_attr_list *list, const char *key, const spectra_attr *value)
{
	spectra_attr *existing = (spectra_attr *) spectra_attr_find(list, key);
	if (existing) {
		/* replace in place: keeps the first insertion order and the keys unique */
		attr_value_free(existing);
		existing->type = value->type;
		existing->value = value->value;
		return true;
	}
	if (list->count == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 8;
		spectra_attr *grown = realloc(list->items, cap * sizeof(*grown));
		if (!grown) {
			return false;
		}
		list->items = grown;
		list->cap = cap;
	}
	if (list->count >= UINT32_MAX - 1) {
		return false;
	}
	bool needs_index = list->count + 1 >= ATTR_INDEX_THRESHOLD;
	if (needs_index && (list->count + 1) * 2 > list->index_size && !index_rebuild(list, list->count + 1)) {
		return false;
	}
	char *key_copy = spectra_strdup(key);
	if (!key_copy) {
		return false;
	}
	spectra_attr *slot = &list->items[list->count++];
	slot->key = key_copy;
	slot->type = value->type;
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
	attr.value.str = spectra_strndup(value ? value : "", value ? len : 0);
	if (!attr.value.str) {
		return false;
	}
	if (!attr_put(list, key, &attr)) {
		free(attr.value.str);
		return false;
	}
	return true;
}

bool spectra_attr_add_string(spectra_attr_list *list, const char *key, const char *value)
{
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
	if (count) {
		copies = calloc(count, sizeof(*copies));
		if (!copies) {
			return false;
		}
		for (size_t i = 0; i < count; i++) {
			copies[i] = spectra_strdup(items[i] ? items[i] : "");
			if (!copies[i]) {
				free_strings(copies, i);
				return false;
			}
		}
	}
	attr.value.strings.items = copies;
	attr.value.strings.count = count;
	if (!attr_put(list, key, &attr)) {
		free_strings(copies, count);
		return false;
	}
	return true;
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
	for (size_t i = 0; i < span->event_count; i++) {
		free(span->events[i].name);
		spectra_attr_list_free(&span->events[i].attrs);
	}
	free(span->events);
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
