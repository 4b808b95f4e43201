/* Span message bytes without protobuf-c. The rules are protobuf-c's for proto3 fields, as
 * encode_protobuf.c fills the tree: a plain scalar, string or bytes field is left out when
 * zero or empty, a message field when absent (Status is always present), and a field of
 * the AnyValue oneof is always written, zero or not. Fields go in field-number order. */
#include "span_wire.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Wire types */
enum { WIRE_VARINT = 0, WIRE_FIXED64 = 1, WIRE_LEN = 2, WIRE_FIXED32 = 5 };

#define TAG(field, wire) ((uint8_t) ((field) << 3 | (wire)))
/* Span.flags is field 16: its tag takes two bytes */
#define SPAN_FLAGS_TAG_0 0x85
#define SPAN_FLAGS_TAG_1 0x01

void spectra_span_wire_scratch_init(spectra_span_wire_scratch *scratch)
{
	scratch->lens = NULL;
	scratch->count = 0;
	scratch->cap = 0;
	scratch->next = 0;
}

void spectra_span_wire_scratch_free(spectra_span_wire_scratch *scratch)
{
	free(scratch->lens);
	spectra_span_wire_scratch_init(scratch);
}

/* ---- sizing ---------------------------------------------------------------------------- */

typedef struct {
	spectra_span_wire_scratch *scratch;
	spectra_span_wire_status status;
} sizing;

/* A length-delimited field with a one-byte tag. */
static size_t len_field_size(size_t len)
{
	return 1 + spectra_wire_varint_size(len) + len;
}

/* Makes room for n more lengths; every push is preceded by one of these. */
static bool reserve(sizing *s, size_t n)
{
	spectra_span_wire_scratch *scratch = s->scratch;
	if (s->status != SPECTRA_SPAN_WIRE_OK) {
		return false;
	}
	if (scratch->cap - scratch->count >= n) {
		return true;
	}
	size_t cap = scratch->cap ? scratch->cap : 256;
	while (cap - scratch->count < n) {
		cap *= 2;
	}
	uint32_t *grown = realloc(scratch->lens, cap * sizeof(*grown));
	if (!grown) {
		s->status = SPECTRA_SPAN_WIRE_OOM;
		return false;
	}
	scratch->lens = grown;
	scratch->cap = cap;
	return true;
}

/* Appends a length, or reserves its place (filled in once the nested message is sized).
 * Lengths over 4 GiB cannot occur: a request is limited to 64 MiB long before. */
static inline size_t push(sizing *s, size_t len)
{
	spectra_span_wire_scratch *scratch = s->scratch;
	scratch->lens[scratch->count] = (uint32_t) len;
	return scratch->count++;
}

static inline void fill(sizing *s, size_t slot, size_t len)
{
	s->scratch->lens[slot] = (uint32_t) len;
}

/* Checks one string of known length; pushes the length. Inline: it runs for every key and
 * string value. */
static inline size_t size_stringl(sizing *s, const char *str, size_t len)
{
	if (!spectra_utf8_is_ascii(str, len) && !spectra_utf8_is_valid(str, len)) {
		s->status = SPECTRA_SPAN_WIRE_NOT_UTF8;
	}
	push(s, len);
	return len;
}

/* Measures and checks one string (NULL = empty); pushes its length. */
static size_t size_string(sizing *s, const char *str)
{
	return size_stringl(s, str, str ? strlen(str) : 0);
}

/* An optional string field: 0 bytes when empty. */
static size_t optional_string_size(sizing *s, const char *str)
{
	size_t len = size_string(s, str);
	return len ? len_field_size(len) : 0;
}

static size_t any_value_size(sizing *s, const spectra_attr *attr)
{
	switch (attr->type) {
	case SPECTRA_ATTR_STRING:
		return len_field_size(size_stringl(s, attr->value.str, attr->value.str_len));
	case SPECTRA_ATTR_BOOL:
		return 2;
	case SPECTRA_ATTR_INT:
		return 1 + spectra_wire_varint_size((uint64_t) attr->value.integer);
	case SPECTRA_ATTR_DOUBLE:
		return 1 + 8;
	case SPECTRA_ATTR_STRING_ARRAY: {
		size_t slot = push(s, 0);
		size_t array_size = 0;
		for (size_t i = 0; i < attr->value.strings.count; i++) {
			/* ArrayValue.values: each an AnyValue holding one string_value */
			array_size += len_field_size(len_field_size(size_string(s, attr->value.strings.items[i])));
		}
		fill(s, slot, array_size);
		return len_field_size(array_size);
	}
	}
	return 0;
}

/* The repeated KeyValue field: the size of all its entries, tags included. */
static size_t attributes_size(sizing *s, const spectra_attr_list *list)
{
	size_t total = 0;
	/* pair, key, value and a string value per attribute; an array reserves its items (on
	 * top of what the attributes from it on need) */
	if (!reserve(s, 4 * list->count)) {
		return 0;
	}
	for (size_t i = 0; i < list->count; i++) {
		const spectra_attr *attr = &list->items[i];
		if (attr->type == SPECTRA_ATTR_STRING_ARRAY && !reserve(s, 4 * (list->count - i) + attr->value.strings.count)) {
			return 0;
		}
		size_t pair_slot = push(s, 0);
		size_t key_len = size_stringl(s, attr->key, attr->key_len);
		size_t pair_size = key_len ? len_field_size(key_len) : 0;
		size_t value_slot = push(s, 0);
		size_t value_size = any_value_size(s, attr);
		fill(s, value_slot, value_size);
		pair_size += len_field_size(value_size);
		fill(s, pair_slot, pair_size);
		total += len_field_size(pair_size);
	}
	return total;
}

spectra_span_wire_status spectra_span_wire_size(const spectra_span *span, spectra_span_wire_scratch *scratch,
	size_t *size_out)
{
	sizing s = { scratch, SPECTRA_SPAN_WIRE_OK };
	size_t start = scratch->count;
	if (!reserve(&s, 2)) { /* trace_state, name */
		return s.status;
	}
	size_t size = len_field_size(sizeof(span->trace_id)) + len_field_size(sizeof(span->span_id));
	size += optional_string_size(&s, span->trace_state);
	if (span->has_parent) {
		size += len_field_size(sizeof(span->parent_span_id));
	}
	size += optional_string_size(&s, span->name);
	if (span->kind) {
		size += 1 + spectra_wire_varint_size((uint64_t) (int64_t) (int32_t) span->kind);
	}
	size += span->start_time_unix_nano ? 1 + 8 : 0;
	size += span->end_time_unix_nano ? 1 + 8 : 0;
	size += attributes_size(&s, &span->attrs);
	for (size_t i = 0; i < span->event_count; i++) {
		const spectra_span_event *event = &span->events[i];
		if (!reserve(&s, 2)) {
			break;
		}
		size_t slot = push(&s, 0);
		size_t event_size = event->time_unix_nano ? 1 + 8 : 0;
		event_size += optional_string_size(&s, event->name);
		event_size += attributes_size(&s, &event->attrs);
		fill(&s, slot, event_size);
		size += len_field_size(event_size);
	}
	if (!reserve(&s, 2)) {
		scratch->count = start;
		return s.status;
	}
	size_t status_slot = push(&s, 0);
	size_t status_size = optional_string_size(&s, span->status_message);
	if (span->status_code) {
		status_size += 1 + spectra_wire_varint_size((uint64_t) (int64_t) (int32_t) span->status_code);
	}
	fill(&s, status_slot, status_size);
	size += len_field_size(status_size);
	size += span->flags ? 2 + 4 : 0;
	if (s.status != SPECTRA_SPAN_WIRE_OK) {
		scratch->count = start;
		return s.status;
	}
	*size_out = size;
	return SPECTRA_SPAN_WIRE_OK;
}

/* ---- writing --------------------------------------------------------------------------- */

static uint32_t take(spectra_span_wire_scratch *scratch)
{
	return scratch->lens[scratch->next++];
}

static uint8_t *put_fixed64(uint8_t *cursor, uint64_t value)
{
	for (int i = 0; i < 8; i++) {
		*cursor++ = (uint8_t) (value >> (8 * i));
	}
	return cursor;
}

static uint8_t *put_bytes(uint8_t *cursor, uint8_t tag, const void *bytes, size_t len)
{
	*cursor++ = tag;
	cursor = spectra_wire_put_varint(cursor, len);
	memcpy(cursor, bytes, len);
	return cursor + len;
}

static uint8_t *put_optional_string(uint8_t *cursor, spectra_span_wire_scratch *scratch, uint8_t tag, const char *str)
{
	size_t len = take(scratch);
	return len ? put_bytes(cursor, tag, str, len) : cursor;
}

static uint8_t *put_any_value(uint8_t *cursor, spectra_span_wire_scratch *scratch, const spectra_attr *attr)
{
	switch (attr->type) {
	case SPECTRA_ATTR_STRING:
		return put_bytes(cursor, TAG(1, WIRE_LEN), attr->value.str, take(scratch));
	case SPECTRA_ATTR_BOOL:
		*cursor++ = TAG(2, WIRE_VARINT);
		*cursor++ = attr->value.boolean ? 1 : 0;
		return cursor;
	case SPECTRA_ATTR_INT:
		*cursor++ = TAG(3, WIRE_VARINT);
		return spectra_wire_put_varint(cursor, (uint64_t) attr->value.integer);
	case SPECTRA_ATTR_DOUBLE: {
		uint64_t bits;
		memcpy(&bits, &attr->value.dbl, sizeof bits);
		*cursor++ = TAG(4, WIRE_FIXED64);
		return put_fixed64(cursor, bits);
	}
	case SPECTRA_ATTR_STRING_ARRAY:
		cursor = spectra_wire_put_header(cursor, TAG(5, WIRE_LEN), take(scratch));
		for (size_t i = 0; i < attr->value.strings.count; i++) {
			size_t len = take(scratch);
			cursor = spectra_wire_put_header(cursor, TAG(1, WIRE_LEN), len_field_size(len));
			cursor = put_bytes(cursor, TAG(1, WIRE_LEN), attr->value.strings.items[i], len);
		}
		return cursor;
	}
	return cursor;
}

static uint8_t *put_attributes(uint8_t *cursor, spectra_span_wire_scratch *scratch, uint8_t tag,
	const spectra_attr_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		const spectra_attr *attr = &list->items[i];
		cursor = spectra_wire_put_header(cursor, tag, take(scratch));
		cursor = put_optional_string(cursor, scratch, TAG(1, WIRE_LEN), attr->key);
		cursor = spectra_wire_put_header(cursor, TAG(2, WIRE_LEN), take(scratch));
		cursor = put_any_value(cursor, scratch, attr);
	}
	return cursor;
}

uint8_t *spectra_span_wire_write(const spectra_span *span, spectra_span_wire_scratch *scratch, uint8_t *cursor)
{
	cursor = put_bytes(cursor, TAG(1, WIRE_LEN), span->trace_id, sizeof(span->trace_id));
	cursor = put_bytes(cursor, TAG(2, WIRE_LEN), span->span_id, sizeof(span->span_id));
	cursor = put_optional_string(cursor, scratch, TAG(3, WIRE_LEN), span->trace_state);
	if (span->has_parent) {
		cursor = put_bytes(cursor, TAG(4, WIRE_LEN), span->parent_span_id, sizeof(span->parent_span_id));
	}
	cursor = put_optional_string(cursor, scratch, TAG(5, WIRE_LEN), span->name);
	if (span->kind) {
		*cursor++ = TAG(6, WIRE_VARINT);
		cursor = spectra_wire_put_varint(cursor, (uint64_t) (int64_t) (int32_t) span->kind);
	}
	if (span->start_time_unix_nano) {
		*cursor++ = TAG(7, WIRE_FIXED64);
		cursor = put_fixed64(cursor, span->start_time_unix_nano);
	}
	if (span->end_time_unix_nano) {
		*cursor++ = TAG(8, WIRE_FIXED64);
		cursor = put_fixed64(cursor, span->end_time_unix_nano);
	}
	cursor = put_attributes(cursor, scratch, TAG(9, WIRE_LEN), &span->attrs);
	for (size_t i = 0; i < span->event_count; i++) {
		const spectra_span_event *event = &span->events[i];
		cursor = spectra_wire_put_header(cursor, TAG(11, WIRE_LEN), take(scratch));
		if (event->time_unix_nano) {
			*cursor++ = TAG(1, WIRE_FIXED64);
			cursor = put_fixed64(cursor, event->time_unix_nano);
		}
		cursor = put_optional_string(cursor, scratch, TAG(2, WIRE_LEN), event->name);
		cursor = put_attributes(cursor, scratch, TAG(3, WIRE_LEN), &event->attrs);
	}
	cursor = spectra_wire_put_header(cursor, TAG(15, WIRE_LEN), take(scratch));
	cursor = put_optional_string(cursor, scratch, TAG(2, WIRE_LEN), span->status_message);
	if (span->status_code) {
		*cursor++ = TAG(3, WIRE_VARINT);
		cursor = spectra_wire_put_varint(cursor, (uint64_t) (int64_t) (int32_t) span->status_code);
	}
	if (span->flags) {
		*cursor++ = SPAN_FLAGS_TAG_0;
		*cursor++ = SPAN_FLAGS_TAG_1;
		for (int i = 0; i < 4; i++) {
			*cursor++ = (uint8_t) (span->flags >> (8 * i));
		}
	}
	return cursor;
}
