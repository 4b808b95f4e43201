/* One pass from record to Span bytes. Every nested length but the Span's own is known
 * before its body is written (a KeyValue's key and value are measured first), so only the
 * Span's length is guessed: two varint bytes are left for it, and the body moves only when
 * it needs one byte or three. The encoding rules are span_wire.c's (proto3, as protobuf-c
 * packs the tree encode_protobuf.c builds); the attributes are genai_attributes.c's. */
#include "record_wire.h"

#include <stdint.h>
#include <string.h>

#include "span_wire.h"
#include "utf8.h"
#include "../record/record_fields.h"
#include "../span/genai_attributes.h"
#include "../span/native_builder.h"

enum { WIRE_VARINT = 0, WIRE_FIXED64 = 1, WIRE_LEN = 2 };
#define TAG(field, wire) ((uint8_t) ((field) << 3 | (wire)))
/* Span.flags is field 16: its tag takes two bytes */
#define SPAN_FLAGS_TAG_0 0x85
#define SPAN_FLAGS_TAG_1 0x01
/* ScopeSpans.spans */
#define SCOPE_SPANS_SPAN_TAG TAG(2, WIRE_LEN)
/* the Span length's guess: two varint bytes hold up to 16 KiB, more than a GenAI span needs */
#define GUESSED_LEN_BYTES 2
/* room for the tags, lengths and numbers around one attribute's key and value */
#define ATTR_OVERHEAD 48
/* what a span's fixed fields and a few attributes need: asked for once per span, so that
 * most attributes find their room without growing the buffer */
#define SPAN_ROOM 2048

/* Inlined into every attribute writer: a call per field costs as much as the field. */
#if defined(__GNUC__)
#define WIRE_INLINE static inline __attribute__((always_inline))
#define WIRE_NOINLINE static __attribute__((noinline))
#else
#define WIRE_INLINE static inline
#define WIRE_NOINLINE static
#endif

/* The write position is kept here rather than in out->len, so that a field is one store
 * through cursor; out->len is brought up to date when the buffer grows and at the end. */
typedef struct {
	spectra_buf *out;
	uint8_t *cursor;
	uint8_t *limit; /* the end of the room reserved so far (one byte kept for the NUL) */
	spectra_record_wire_status status;
} wire;

/* Grows the buffer for n more bytes; false once the span cannot be written. */
WIRE_NOINLINE bool grow(wire *w, size_t n)
{
	if (w->status != SPECTRA_RECORD_WIRE_OK) {
		return false;
	}
	if (w->cursor) {
		w->out->len = (size_t) ((char *) w->cursor - w->out->data);
	}
	if (!spectra_buf_reserve(w->out, n)) {
		w->status = SPECTRA_RECORD_WIRE_OOM;
		return false;
	}
	w->cursor = (uint8_t *) w->out->data + w->out->len;
	w->limit = (uint8_t *) w->out->data + w->out->cap - 1;
	return true;
}

/* Room for n more bytes. A declined span may go on writing into room it has (its bytes are
 * dropped at the end); it never grows the buffer again. */
WIRE_INLINE bool room(wire *w, size_t n)
{
	return (size_t) (w->limit - w->cursor) >= n || grow(w, n);
}

/* Strings that are not valid UTF-8 are repaired by the protobuf-c path. */
WIRE_INLINE void check_utf8(wire *w, const char *str, size_t len)
{
	if (!spectra_utf8_is_ascii(str, len) && !spectra_utf8_is_valid(str, len)) {
		w->status = SPECTRA_RECORD_WIRE_DECLINED;
	}
}

WIRE_INLINE size_t len_field_size(size_t len)
{
	return 1 + spectra_wire_varint_size(len) + len;
}

/* Eight bytes from a word load and store (memcpy with a constant size compiles to a move). */
WIRE_INLINE void move8(uint8_t *to, const char *from)
{
	uint64_t word;
	memcpy(&word, from, sizeof word);
	memcpy(to, &word, sizeof word);
}

/* Copies len bytes: short ones (most keys and values) in overlapping word moves, without
 * the call memcpy() with an unknown length costs. Reads only src[0, len). */
WIRE_INLINE uint8_t *put_raw(uint8_t *cursor, const void *src, size_t len)
{
	const char *s = src;
	if (len > 32) {
		memcpy(cursor, s, len);
	} else if (len >= 16) {
		move8(cursor, s);
		move8(cursor + 8, s + 8);
		move8(cursor + len - 16, s + len - 16);
		move8(cursor + len - 8, s + len - 8);
	} else if (len >= 8) {
		move8(cursor, s);
		move8(cursor + len - 8, s + len - 8);
	} else if (len >= 4) {
		uint32_t head, tail;
		memcpy(&head, s, sizeof head);
		memcpy(&tail, s + len - 4, sizeof tail);
		memcpy(cursor, &head, sizeof head);
		memcpy(cursor + len - 4, &tail, sizeof tail);
	} else if (len) {
		cursor[0] = (uint8_t) s[0];
		cursor[len / 2] = (uint8_t) s[len / 2];
		cursor[len - 1] = (uint8_t) s[len - 1];
	}
	return cursor + len;
}

WIRE_INLINE uint8_t *put_bytes(uint8_t *cursor, uint8_t tag, const void *bytes, size_t len)
{
	return put_raw(spectra_wire_put_header(cursor, tag, len), bytes, len);
}

WIRE_INLINE uint8_t *put_fixed64(uint8_t *cursor, uint8_t tag, uint64_t value)
{
	*cursor++ = tag;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* the wire's byte order: one store instead of eight */
	memcpy(cursor, &value, sizeof value);
	return cursor + sizeof value;
#else
	for (int i = 0; i < 8; i++) {
		*cursor++ = (uint8_t) (value >> (8 * i));
	}
	return cursor;
#endif
}

/* Where a key comes from: the record-key table's names are ASCII and 1 to TABLE_KEY_MAX
 * bytes long (test_record_wire.c checks), a context attribute's key or a tool-call type
 * may be anything. */
typedef enum { TABLE_KEY, CHECKED_KEY } key_source;
#define TABLE_KEY_MAX 63
/* a length under 128 is one varint byte */
#define ONE_BYTE_LEN 128

/* A tag and a length known to be under ONE_BYTE_LEN: two stores, no varint loop. */
WIRE_INLINE uint8_t *put_short_header(uint8_t *cursor, uint8_t tag, size_t len)
{
	cursor[0] = tag;
	cursor[1] = (uint8_t) len;
	return cursor + 2;
}

/* Span.attributes entry up to its AnyValue's first byte: KeyValue tag and length, the key
 * (left out when empty, as protobuf-c does), the value's tag and length. value_max bounds
 * value_size (a constant of the caller's: a number's AnyValue is short, so with a table
 * key every length is one byte). Returns NULL (nothing written) when the key needs repair
 * or no room is left for extra bytes more. */
WIRE_INLINE uint8_t *begin_attribute(wire *w, const char *key, size_t key_len, key_source source, size_t value_size,
	size_t value_max, size_t extra)
{
	if (source == CHECKED_KEY) {
		check_utf8(w, key, key_len);
	}
	if (!room(w, key_len + extra + ATTR_OVERHEAD)) {
		return NULL;
	}
	bool table_key = source == TABLE_KEY;
	size_t key_size = table_key ? 2 + key_len : key_len ? len_field_size(key_len) : 0;
	uint8_t *cursor;
	/* (value_max is a constant: for numbers the test folds away, for strings it is a test) */
	size_t short_value = ONE_BYTE_LEN - 2 - (2 + TABLE_KEY_MAX);
	if (table_key && (value_max < short_value || value_size < short_value)) {
		cursor = put_short_header(w->cursor, TAG(9, WIRE_LEN), key_size + 2 + value_size);
	} else {
		cursor = spectra_wire_put_header(w->cursor, TAG(9, WIRE_LEN), key_size + len_field_size(value_size));
	}
	if (table_key) {
		cursor = put_raw(put_short_header(cursor, TAG(1, WIRE_LEN), key_len), key, key_len);
	} else if (key_len) {
		cursor = put_bytes(cursor, TAG(1, WIRE_LEN), key, key_len);
	}
	return value_max < ONE_BYTE_LEN || value_size < ONE_BYTE_LEN
		? put_short_header(cursor, TAG(2, WIRE_LEN), value_size)
		: spectra_wire_put_header(cursor, TAG(2, WIRE_LEN), value_size);
}

WIRE_INLINE void put_string_value(wire *w, const char *key, size_t key_len, key_source source, const char *value,
	size_t len)
{
	check_utf8(w, value, len);
	bool short_value = len < ONE_BYTE_LEN;
	uint8_t *cursor =
		begin_attribute(w, key, key_len, source, short_value ? 2 + len : len_field_size(len), SIZE_MAX, len);
	if (cursor) {
		cursor = short_value ? put_short_header(cursor, TAG(1, WIRE_LEN), len)
							 : spectra_wire_put_header(cursor, TAG(1, WIRE_LEN), len);
		w->cursor = put_raw(cursor, value, len);
	}
}

WIRE_INLINE void put_int_value(wire *w, const char *key, size_t key_len, key_source source, int64_t value)
{
	uint8_t *cursor =
		begin_attribute(w, key, key_len, source, 1 + spectra_wire_varint_size((uint64_t) value), 1 + 10, 0);
	if (cursor) {
		*cursor++ = TAG(3, WIRE_VARINT);
		w->cursor = spectra_wire_put_varint(cursor, (uint64_t) value);
	}
}

WIRE_INLINE void put_double_value(wire *w, const char *key, size_t key_len, key_source source, double value)
{
	uint8_t *cursor = begin_attribute(w, key, key_len, source, 1 + 8, 1 + 8, 0);
	if (cursor) {
		uint64_t bits;
		memcpy(&bits, &value, sizeof bits);
		w->cursor = put_fixed64(cursor, TAG(4, WIRE_FIXED64), bits);
	}
}

WIRE_INLINE void put_bool_value(wire *w, const char *key, size_t key_len, key_source source, bool value)
{
	uint8_t *cursor = begin_attribute(w, key, key_len, source, 2, 2, 0);
	if (cursor) {
		*cursor++ = TAG(2, WIRE_VARINT);
		*cursor++ = value ? 1 : 0;
		w->cursor = cursor;
	}
}

/* An ArrayValue of strings: each item an AnyValue holding one string_value. */
static void put_strings_value(wire *w, const char *key, size_t key_len, key_source source, const char *const *items,
	size_t count)
{
	/* the first items' lengths kept from the sizing loop for the writing one */
	enum { KEPT_LENS = 16 };
	size_t lens[KEPT_LENS];
	size_t array_size = 0;
	for (size_t i = 0; i < count; i++) {
		size_t len = items[i] ? strlen(items[i]) : 0;
		if (i < KEPT_LENS) {
			lens[i] = len;
		}
		check_utf8(w, items[i], len);
		array_size += len_field_size(len_field_size(len));
	}
	uint8_t *cursor = begin_attribute(w, key, key_len, source, len_field_size(array_size), SIZE_MAX, array_size);
	if (!cursor) {
		return;
	}
	cursor = spectra_wire_put_header(cursor, TAG(5, WIRE_LEN), array_size);
	for (size_t i = 0; i < count; i++) {
		size_t len = i < KEPT_LENS ? lens[i] : items[i] ? strlen(items[i]) : 0;
		cursor = spectra_wire_put_header(cursor, TAG(1, WIRE_LEN), len_field_size(len));
		cursor = put_bytes(cursor, TAG(1, WIRE_LEN), items[i], len);
	}
	w->cursor = cursor;
}
/* ---- the spectra_genai_attr_writer of this encoder ------------------------------------- */

WIRE_INLINE void wire_string(void *context, const char *key, size_t key_len, const char *value, bool value_on_stack)
{
	(void) value_on_stack; /* written at once */
	value = value ? value : "";
	put_string_value(context, key, key_len, TABLE_KEY, value, strlen(value));
}

WIRE_INLINE void wire_strings(void *context, const char *key, size_t key_len, const char *const *items, size_t count)
{
	put_strings_value(context, key, key_len, TABLE_KEY, items, count);
}

WIRE_INLINE void wire_integer(void *context, const char *key, size_t key_len, int64_t value)
{
	put_int_value(context, key, key_len, TABLE_KEY, value);
}

WIRE_INLINE void wire_tool_call_count(void *context, const char *key, size_t key_len, int64_t value)
{
	if (key_len == SPECTRA_TOOL_CALL_KEY_MAX) {
		/* maybe cut short: two such keys could be equal, which only the list merges */
		((wire *) context)->status = SPECTRA_RECORD_WIRE_DECLINED;
		return;
	}
	put_int_value(context, key, key_len, CHECKED_KEY, value);
}

WIRE_INLINE void wire_real(void *context, const char *key, size_t key_len, double value)
{
	put_double_value(context, key, key_len, TABLE_KEY, value);
}

WIRE_INLINE void wire_boolean(void *context, const char *key, size_t key_len, bool value)
{
	put_bool_value(context, key, key_len, TABLE_KEY, value);
}

static const spectra_genai_attr_writer wire_writer = { wire_string, wire_strings, wire_integer, wire_tool_call_count,
	wire_real, wire_boolean };

/* ---- the span --------------------------------------------------------------------------- */

/* The context attributes the delivery adds (tags, metadata, trackable id) are named apart
 * from the record's, so written after them they never repeat a key; anything else might. */
static bool key_is(const spectra_attr *attr, const char *name, size_t len)
{
	return attr->key_len == len && memcmp(attr->key, name, len) == 0;
}

static bool is_context_key(const spectra_attr *attr)
{
	size_t prefix_len = SPECTRA_SPAN_ATTR_LEN(metadata);
	return (attr->key_len > prefix_len && memcmp(attr->key, SPECTRA_SPAN_ATTR(metadata), prefix_len) == 0)
		|| key_is(attr, SPECTRA_SPAN_ATTR(tags), SPECTRA_SPAN_ATTR_LEN(tags))
		|| key_is(attr, SPECTRA_SPAN_ATTR(trackable_id), SPECTRA_SPAN_ATTR_LEN(trackable_id));
}

static void put_context_attributes(wire *w, const spectra_attr_list *attrs)
{
	for (size_t i = 0; attrs && i < attrs->count && w->status == SPECTRA_RECORD_WIRE_OK; i++) {
		const spectra_attr *attr = &attrs->items[i];
		if (!is_context_key(attr)) {
			w->status = SPECTRA_RECORD_WIRE_DECLINED;
			return;
		}
		switch (attr->type) {
		case SPECTRA_ATTR_STRING:
			put_string_value(w, attr->key, attr->key_len, CHECKED_KEY, attr->value.str, attr->value.str_len);
			break;
		case SPECTRA_ATTR_BOOL:
			put_bool_value(w, attr->key, attr->key_len, CHECKED_KEY, attr->value.boolean);
			break;
		case SPECTRA_ATTR_INT:
			put_int_value(w, attr->key, attr->key_len, CHECKED_KEY, attr->value.integer);
			break;
		case SPECTRA_ATTR_DOUBLE:
			put_double_value(w, attr->key, attr->key_len, CHECKED_KEY, attr->value.dbl);
			break;
		case SPECTRA_ATTR_STRING_ARRAY:
			put_strings_value(w, attr->key, attr->key_len, CHECKED_KEY, (const char *const *) attr->value.strings.items,
				attr->value.strings.count);
			break;
		}
	}
}

/* An optional string field (left out when empty). */
static void put_optional_string(wire *w, uint8_t tag, const char *str)
{
	size_t len = str ? strlen(str) : 0;
	check_utf8(w, str, len);
	if (len && room(w, len + 16)) {
		w->cursor = put_bytes(w->cursor, tag, str, len);
	}
}

/* Span.name: "operation model", as the native builder names it. */
static void put_name(wire *w, const char *operation, const char *model)
{
	size_t operation_len = strlen(operation);
	size_t model_len = model ? strlen(model) : 0;
	size_t len = operation_len + (model_len ? 1 + model_len : 0);
	check_utf8(w, operation, operation_len);
	check_utf8(w, model, model_len);
	if (!len || !room(w, len + 16)) {
		return;
	}
	uint8_t *cursor = spectra_wire_put_header(w->cursor, TAG(5, WIRE_LEN), len);
	memcpy(cursor, operation, operation_len);
	cursor += operation_len;
	if (model_len) {
		*cursor++ = ' ';
		memcpy(cursor, model, model_len);
		cursor += model_len;
	}
	w->cursor = cursor;
}

/* Fields 1-8 of the Span, in field-number order. */
static void put_head(wire *w, const spectra_span *head, const char *operation, const char *model)
{
	if (!room(w, 64)) {
		return;
	}
	uint8_t *cursor = put_bytes(w->cursor, TAG(1, WIRE_LEN), head->trace_id, sizeof(head->trace_id));
	w->cursor = put_bytes(cursor, TAG(2, WIRE_LEN), head->span_id, sizeof(head->span_id));
	put_optional_string(w, TAG(3, WIRE_LEN), head->trace_state);
	if (!room(w, 64)) {
		return;
	}
	if (head->has_parent) {
		w->cursor = put_bytes(w->cursor, TAG(4, WIRE_LEN), head->parent_span_id, sizeof(head->parent_span_id));
	}
	put_name(w, operation, model);
	if (!room(w, 64)) {
		return;
	}
	cursor = w->cursor;
	if (head->kind) {
		*cursor++ = TAG(6, WIRE_VARINT);
		cursor = spectra_wire_put_varint(cursor, (uint64_t) (int64_t) (int32_t) head->kind);
	}
	if (head->start_time_unix_nano) {
		cursor = put_fixed64(cursor, TAG(7, WIRE_FIXED64), head->start_time_unix_nano);
	}
	if (head->end_time_unix_nano) {
		cursor = put_fixed64(cursor, TAG(8, WIRE_FIXED64), head->end_time_unix_nano);
	}
	w->cursor = cursor;
}

/* Status (field 15, always present) and flags (field 16). */
static void put_tail(wire *w, const spectra_span *head)
{
	size_t message_len = head->status_message ? strlen(head->status_message) : 0;
	check_utf8(w, head->status_message, message_len);
	if (!room(w, message_len + 32)) {
		return;
	}
	size_t status_size = message_len ? len_field_size(message_len) : 0;
	if (head->status_code) {
		status_size += 1 + spectra_wire_varint_size((uint64_t) (int64_t) (int32_t) head->status_code);
	}
	uint8_t *cursor = spectra_wire_put_header(w->cursor, TAG(15, WIRE_LEN), status_size);
	if (message_len) {
		cursor = put_bytes(cursor, TAG(2, WIRE_LEN), head->status_message, message_len);
	}
	if (head->status_code) {
		*cursor++ = TAG(3, WIRE_VARINT);
		cursor = spectra_wire_put_varint(cursor, (uint64_t) (int64_t) (int32_t) head->status_code);
	}
	if (head->flags) {
		*cursor++ = SPAN_FLAGS_TAG_0;
		*cursor++ = SPAN_FLAGS_TAG_1;
		for (int i = 0; i < 4; i++) {
			*cursor++ = (uint8_t) (head->flags >> (8 * i));
		}
	}
	w->cursor = cursor;
}

/* Writes the Span's length in front of its body, moving the body when the length needs
 * more or fewer varint bytes than were left for it. */
static void put_span_length(wire *w, size_t start)
{
	size_t body_start = start + 1 + GUESSED_LEN_BYTES;
	size_t body_len = (size_t) ((char *) w->cursor - w->out->data) - body_start;
	size_t len_bytes = spectra_wire_varint_size(body_len);
	if (len_bytes > GUESSED_LEN_BYTES && !room(w, len_bytes - GUESSED_LEN_BYTES)) {
		return;
	}
	char *body = w->out->data + body_start;
	if (len_bytes != GUESSED_LEN_BYTES) {
		memmove(body + len_bytes - GUESSED_LEN_BYTES, body, body_len);
	}
	spectra_wire_put_header((uint8_t *) w->out->data + start, SCOPE_SPANS_SPAN_TAG, body_len);
	w->out->len = start + 1 + len_bytes + body_len;
}

spectra_record_wire_status spectra_record_wire_append(spectra_buf *out, const spectra_record *record,
	const spectra_attr_list *context_attrs, bool legacy)
{
	wire w = { out, NULL, NULL, SPECTRA_RECORD_WIRE_OK };
	size_t start = out->len;
	/* the head's strings borrowed from the record, as the sender's reused span does */
	spectra_span head;
	memset(&head, 0, sizeof head);
	head.attrs.borrows = true;
	spectra_span_fill_genai_head(&head, record);
	const char *operation = spectra_genai_operation(record);

	if (grow(&w, SPAN_ROOM)) {
		w.cursor += 1 + GUESSED_LEN_BYTES;
	}
	put_head(&w, &head, operation, record->model);
	spectra_genai_attributes_inline(record, operation, &wire_writer, &w);
	put_context_attributes(&w, context_attrs);
	if (legacy) {
		spectra_genai_legacy_attributes(record, &wire_writer, &w);
	}
	put_tail(&w, &head);
	if (w.status == SPECTRA_RECORD_WIRE_OK) {
		put_span_length(&w, start);
	}
	if (w.status != SPECTRA_RECORD_WIRE_OK) {
		out->len = start;
	}
	if (out->data) {
		out->data[out->len] = '\0';
	}
	return w.status;
}
