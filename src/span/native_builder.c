/* The default span, built straight from the C record as an attribute list: the attributes
 * are those of genai_attributes.c (shared with the one-pass writer, src/otlp/record_wire.c),
 * followed by the caller's context attributes. No PHP array is involved. */
#include "native_builder.h"

#include <string.h>

#include "genai_attributes.h"
#include "../util/buf.h"

/* The attribute list side of spectra_genai_attr_writer (the list measures keys itself). */
static void list_string(void *context, const char *key, size_t key_len, const char *value, bool value_on_stack)
{
	(void) key_len;
	spectra_attr_list *attrs = context;
	if (value_on_stack && attrs->borrows) {
		value = spectra_attr_list_stable(attrs, value, strlen(value));
	}
	spectra_attr_add_string(attrs, key, value);
}

static void list_strings(void *context, const char *key, size_t key_len, const char *const *items, size_t count)
{
	(void) key_len;
	spectra_attr_add_strings(context, key, items, count);
}

static void list_integer(void *context, const char *key, size_t key_len, int64_t value)
{
	(void) key_len;
	spectra_attr_add_int(context, key, value);
}

static void list_tool_call_count(void *context, const char *key, size_t key_len, int64_t value)
{
	const char *stable_key = spectra_attr_list_stable(context, key, key_len);
	if (stable_key) {
		spectra_attr_add_int(context, stable_key, value);
	}
}

static void list_real(void *context, const char *key, size_t key_len, double value)
{
	(void) key_len;
	spectra_attr_add_double(context, key, value);
}

static void list_boolean(void *context, const char *key, size_t key_len, bool value)
{
	(void) key_len;
	spectra_attr_add_bool(context, key, value);
}

static const spectra_genai_attr_writer list_writer = { list_string, list_strings, list_integer, list_tool_call_count,
	list_real, list_boolean };

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

void spectra_span_fill_genai_head(spectra_span *span, const spectra_record *record)
{
	fill_for_record(span, record);
	const char *status_message = spectra_genai_status_message(record);
	if (status_message) {
		span->status_code = SPECTRA_STATUS_ERROR;
		span->status_message = span_string(span, status_message);
	}
}

static void fill_genai(spectra_span *span, const spectra_record *record, const spectra_attr_list *context_attrs,
	bool legacy)
{
	spectra_span_fill_genai_head(span, record);
	const char *operation = spectra_genai_operation(record);
	span->name = span_name(span, operation, record->model);

	spectra_attr_list *attrs = &span->attrs;
	/* room for a typical GenAI span (26 attributes, ~1.3 KB of keys and values) at once */
	spectra_attr_list_reserve(attrs, 32 + (context_attrs ? context_attrs->count : 0), 2048);
	spectra_genai_attributes(record, operation, &list_writer, attrs);
	for (size_t i = 0; context_attrs && i < context_attrs->count; i++) {
		append_copy(attrs, &context_attrs->items[i]);
	}
	if (legacy) {
		spectra_genai_legacy_attributes(record, &list_writer, attrs);
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
