/* OTLP/HTTP JSON encoding (proto3 JSON mapping with the OTLP deviations), the JSON
 * merge and the JSON response reader (both parse with util/json_reader).
 *
 * The OTLP rules applied: lowerCamelCase keys; traceId/spanId/parentSpanId as lowercase
 * hex instead of base64; enums as integers; int64/fixed64 as decimal strings; uint32,
 * fixed32 and double as JSON numbers. Fields holding their proto3 default are left out,
 * like the protobuf encoding does, except the ids, name, times and status. */
#include "encode_json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "../util/hex.h"
#include "../util/json_reader.h"

/* ---- numbers ------------------------------------------------------------------------- */

bool spectra_otlp_append_double(spectra_buf *out, double value)
{
	if (isnan(value)) {
		return spectra_buf_append_str(out, "NaN");
	}
	if (isinf(value)) {
		return spectra_buf_append_str(out, value > 0 ? "Infinity" : "-Infinity");
	}
	/* 15 significant digits reads nicely (0.1, not 0.10000000000000001); fall back to
	 * 17, which always round-trips. snprintf and strtod share the thread's locale. */
	char text[48];
	for (int precision = 15; precision <= 17; precision++) {
		snprintf(text, sizeof(text), "%.*g", precision, value);
		if (strtod(text, NULL) == value) {
			break;
		}
	}
	/* Whatever is not a digit, sign or exponent is the locale's decimal point, which may
	 * be ',' or even a multi-byte sequence: write it as '.'. */
	char normalized[48];
	size_t len = 0;
	bool in_point = false;
	for (const char *p = text; *p; p++) {
		char c = *p;
		if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e' || c == 'E') {
			normalized[len++] = c;
			in_point = false;
		} else if (!in_point) {
			normalized[len++] = '.';
			in_point = true;
		}
	}
	return spectra_buf_append(out, normalized, len);
}

/* Drops what a failed call appended, keeping the buffer NUL-terminated. */
static void truncate_to(spectra_buf *buf, size_t len)
{
	buf->len = len;
	if (buf->data) {
		buf->data[len] = '\0';
	}
}

/* ---- writer: a sticky failure flag keeps the encoder free of error plumbing ----------- */

typedef struct {
	spectra_buf *out;
	bool ok;
} json_writer;

static void write_raw(json_writer *w, const char *text)
{
	w->ok = w->ok && spectra_buf_append_str(w->out, text);
}

static void write_string(json_writer *w, const char *str)
{
	if (!str) {
		str = "";
	}
	w->ok = w->ok && spectra_utf8_append_json_string(w->out, str, strlen(str));
}

/* Field names are ASCII literals here, so they need no escaping. */
static void write_key(json_writer *w, const char *name)
{
	w->ok = w->ok && spectra_buf_appendf(w->out, "\"%s\":", name);
}

static void write_hex(json_writer *w, const uint8_t *bytes, size_t len)
{
	w->ok = w->ok && spectra_buf_append_char(w->out, '"') && spectra_hex_append(w->out, bytes, len)
		&& spectra_buf_append_char(w->out, '"');
}

/* 64-bit integers are strings in proto3 JSON: JavaScript numbers lose precision above 2^53. */
static void write_uint64_string(json_writer *w, uint64_t value)
{
	w->ok = w->ok && spectra_buf_appendf(w->out, "\"%llu\"", (unsigned long long) value);
}

static void write_int64_string(json_writer *w, int64_t value)
{
	w->ok = w->ok && spectra_buf_appendf(w->out, "\"%lld\"", (long long) value);
}

/* Decision: NaN and +-Infinity are written as the strings "NaN", "Infinity" and
 * "-Infinity", which is the proto3 JSON mapping for non-finite doubles. Bare NaN would make
 * the whole request invalid JSON, and skipping the attribute would hide that it was set. */
static void write_double(json_writer *w, double value)
{
	bool finite = isfinite(value);
	if (!finite) {
		write_raw(w, "\"");
	}
	w->ok = w->ok && spectra_otlp_append_double(w->out, value);
	if (!finite) {
		write_raw(w, "\"");
	}
}

static void write_any_value(json_writer *w, const spectra_attr *attr)
{
	write_raw(w, "{");
	switch (attr->type) {
	case SPECTRA_ATTR_STRING:
		write_key(w, "stringValue");
		write_string(w, attr->value.str);
		break;
	case SPECTRA_ATTR_BOOL:
		write_key(w, "boolValue");
		write_raw(w, attr->value.boolean ? "true" : "false");
		break;
	case SPECTRA_ATTR_INT:
		write_key(w, "intValue");
		write_int64_string(w, attr->value.integer);
		break;
	case SPECTRA_ATTR_DOUBLE:
		write_key(w, "doubleValue");
		write_double(w, attr->value.dbl);
		break;
	case SPECTRA_ATTR_STRING_ARRAY:
		write_key(w, "arrayValue");
		write_raw(w, "{");
		if (attr->value.strings.count) {
			write_key(w, "values");
			write_raw(w, "[");
			for (size_t i = 0; i < attr->value.strings.count; i++) {
				write_raw(w, i ? ",{" : "{");
				write_key(w, "stringValue");
				write_string(w, attr->value.strings.items[i]);
				write_raw(w, "}");
			}
			write_raw(w, "]");
		}
		write_raw(w, "}");
		break;
	}
	write_raw(w, "}");
}

/* Writes ,"attributes":[...] (with the leading comma) unless the list is empty. */
static void write_attributes_field(json_writer *w, const spectra_attr_list *list, bool leading_comma)
{
	if (list->count == 0) {
		return;
	}
	write_raw(w, leading_comma ? ",\"attributes\":[" : "\"attributes\":[");
	for (size_t i = 0; i < list->count; i++) {
		write_raw(w, i ? ",{" : "{");
		write_key(w, "key");
		write_string(w, list->items[i].key);
		write_raw(w, ",");
		write_key(w, "value");
		write_any_value(w, &list->items[i]);
		write_raw(w, "}");
	}
	write_raw(w, "]");
}

static void write_event(json_writer *w, const spectra_span_event *event)
{
	write_raw(w, "{");
	write_key(w, "timeUnixNano");
	write_uint64_string(w, event->time_unix_nano);
	write_raw(w, ",");
	write_key(w, "name");
	write_string(w, event->name);
	write_attributes_field(w, &event->attrs, true);
	write_raw(w, "}");
}

static void write_span(json_writer *w, const spectra_span *span)
{
	write_raw(w, "{");
	write_key(w, "traceId");
	write_hex(w, span->trace_id, sizeof(span->trace_id));
	write_raw(w, ",");
	write_key(w, "spanId");
	write_hex(w, span->span_id, sizeof(span->span_id));
	if (span->trace_state && *span->trace_state) {
		write_raw(w, ",");
		write_key(w, "traceState");
		write_string(w, span->trace_state);
	}
	if (span->has_parent) {
		write_raw(w, ",");
		write_key(w, "parentSpanId");
		write_hex(w, span->parent_span_id, sizeof(span->parent_span_id));
	}
	if (span->flags) {
		write_raw(w, ",");
		write_key(w, "flags");
		w->ok = w->ok && spectra_buf_appendf(w->out, "%u", (unsigned) span->flags);
	}
	write_raw(w, ",");
	write_key(w, "name");
	write_string(w, span->name);
	if (span->kind) {
		write_raw(w, ",");
		write_key(w, "kind");
		w->ok = w->ok && spectra_buf_appendf(w->out, "%d", span->kind);
	}
	write_raw(w, ",");
	write_key(w, "startTimeUnixNano");
	write_uint64_string(w, span->start_time_unix_nano);
	write_raw(w, ",");
	write_key(w, "endTimeUnixNano");
	write_uint64_string(w, span->end_time_unix_nano);
	write_attributes_field(w, &span->attrs, true);
	if (span->event_count) {
		write_raw(w, ",\"events\":[");
		for (size_t i = 0; i < span->event_count; i++) {
			if (i) {
				write_raw(w, ",");
			}
			write_event(w, &span->events[i]);
		}
		write_raw(w, "]");
	}
	/* Status is always present (empty when UNSET), matching the protobuf encoder. */
	write_raw(w, ",\"status\":{");
	bool has_message = span->status_message && *span->status_message;
	if (has_message) {
		write_key(w, "message");
		write_string(w, span->status_message);
	}
	if (span->status_code) {
		write_raw(w, has_message ? "," : "");
		write_key(w, "code");
		w->ok = w->ok && spectra_buf_appendf(w->out, "%d", span->status_code);
	}
	write_raw(w, "}}");
}

bool spectra_otlp_encode_json(const spectra_resource *resource, spectra_span *const *spans, size_t span_count,
	spectra_buf *out)
{
	size_t start_len = out->len;
	json_writer w = { out, true };
	write_raw(&w, "{\"resourceSpans\":[");
	if (span_count) {
		write_raw(&w, "{\"resource\":{");
		write_attributes_field(&w, &resource->attrs, false);
		write_raw(&w, "},\"scopeSpans\":[{\"scope\":{");
		bool has_name = resource->scope_name && *resource->scope_name;
		if (has_name) {
			write_key(&w, "name");
			write_string(&w, resource->scope_name);
		}
		if (resource->scope_version && *resource->scope_version) {
			write_raw(&w, has_name ? "," : "");
			write_key(&w, "version");
			write_string(&w, resource->scope_version);
		}
		write_raw(&w, "},\"spans\":[");
		for (size_t i = 0; i < span_count; i++) {
			if (i) {
				write_raw(&w, ",");
			}
			write_span(&w, spans[i]);
		}
		write_raw(&w, "]}]}");
	}
	write_raw(&w, "]}");
	if (!w.ok) {
		truncate_to(out, start_len);
	}
	return w.ok;
}

/* ---- reading JSON: parts to merge and the collector's response, via util/json_reader ---- */

static bool is_json_whitespace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool only_whitespace(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!is_json_whitespace(text[i])) {
			return false;
		}
	}
	return true;
}

static bool member_is(const spectra_json_member *member, const char *key)
{
	size_t len = strlen(key);
	return member->key_len == len && memcmp(member->key, key, len) == 0;
}

/* ---- merge ------------------------------------------------------------------------------ */

/* Appends the elements of the resourceSpans array of one encoded request, as their source
 * text from the first element's start to the last one's end, after a ',' unless *first.
 * False for anything but a single-key {"resourceSpans":[...]} object with only whitespace
 * around it, or on OOM. */
static bool append_resource_spans_items(const spectra_buf *part, spectra_buf *out, bool *first)
{
	spectra_json_value root;
	if (!spectra_json_parse(part->data, part->len, &root, NULL)) {
		return false;
	}
	const spectra_json_value *array = NULL;
	if (root.type == SPECTRA_JSON_OBJECT && root.as.object.count == 1
		&& member_is(&root.as.object.members[0], "resourceSpans")) {
		array = &root.as.object.members[0].value;
	}
	/* the reader skips a byte order mark; a part is not supposed to carry one */
	bool ok = array && array->type == SPECTRA_JSON_ARRAY && only_whitespace(part->data, root.start);
	if (ok && array->as.array.count) {
		size_t from = array->as.array.items[0].start;
		size_t to = array->as.array.items[array->as.array.count - 1].end;
		ok = (*first || spectra_buf_append_char(out, ',')) && spectra_buf_append(out, part->data + from, to - from);
		*first = false;
	}
	spectra_json_free(&root);
	return ok;
}

bool spectra_otlp_merge_json(const spectra_buf *parts, size_t part_count, spectra_buf *out)
{
	size_t start_len = out->len;
	bool ok = spectra_buf_append_str(out, "{\"resourceSpans\":[");
	bool first = true;
	for (size_t i = 0; ok && i < part_count; i++) {
		ok = append_resource_spans_items(&parts[i], out, &first);
	}
	ok = ok && spectra_buf_append_str(out, "]}");
	if (!ok) {
		truncate_to(out, start_len);
	}
	return ok;
}

/* ---- response ------------------------------------------------------------------------- */

/* proto3 JSON int64 text: optional '-', decimal digits, within int64. */
static bool parse_int64(const char *text, size_t len, int64_t *value)
{
	size_t i = 0;
	bool negative = len > 0 && text[0] == '-';
	if (negative) {
		i++;
	}
	if (i == len) {
		return false;
	}
	uint64_t magnitude = 0;
	const uint64_t limit = negative ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX;
	for (; i < len; i++) {
		if (text[i] < '0' || text[i] > '9') {
			return false;
		}
		uint64_t digit = (uint64_t) (text[i] - '0');
		if (magnitude > (limit - digit) / 10) {
			return false;
		}
		magnitude = magnitude * 10 + digit;
	}
	*value = negative ? (int64_t) (0 - magnitude) : (int64_t) magnitude;
	return true;
}

static bool read_rejected_spans(const spectra_json_value *value, int64_t *rejected)
{
	switch (value->type) {
	case SPECTRA_JSON_NULL:
		*rejected = 0;
		return true;
	case SPECTRA_JSON_STRING: /* proto3 JSON writes int64 as a string; numbers are accepted as well */
		return parse_int64(value->as.string.chars, value->as.string.len, rejected);
	case SPECTRA_JSON_NUMBER:
		if (!value->as.number.is_integer) {
			return false;
		}
		*rejected = value->as.number.integer;
		return true;
	default:
		return false;
	}
}

/* Repeated keys: the last one wins, as with the members of repeated partialSuccess
 * objects; *message is left NULL for null. */
static bool read_partial_success(const spectra_json_value *partial, int64_t *rejected,
	const spectra_json_value **message)
{
	if (partial->type == SPECTRA_JSON_NULL) {
		return true;
	}
	if (partial->type != SPECTRA_JSON_OBJECT) {
		return false;
	}
	for (size_t i = 0; i < partial->as.object.count; i++) {
		const spectra_json_member *member = &partial->as.object.members[i];
		if (member_is(member, "rejectedSpans")) {
			if (!read_rejected_spans(&member->value, rejected)) {
				return false;
			}
		} else if (member_is(member, "errorMessage")) {
			if (member->value.type != SPECTRA_JSON_NULL && member->value.type != SPECTRA_JSON_STRING) {
				return false;
			}
			*message = member->value.type == SPECTRA_JSON_STRING ? &member->value : NULL;
		}
	}
	return true;
}

bool spectra_otlp_parse_response_json(const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out)
{
	*rejected_spans_out = 0;
	*error_message_out = NULL;
	if (!body || only_whitespace(body, len)) {
		return true; /* no body: nothing was rejected */
	}
	/* a collector's bad byte should not hide its answer: such bytes are repaired below */
	spectra_json_value root;
	if (!spectra_json_parse_ex(body, len, SPECTRA_JSON_ALLOW_INVALID_UTF8, &root, NULL)) {
		return false;
	}
	int64_t rejected = 0;
	const spectra_json_value *message = NULL;
	bool ok = root.type == SPECTRA_JSON_OBJECT;
	for (size_t i = 0; ok && i < root.as.object.count; i++) {
		const spectra_json_member *member = &root.as.object.members[i];
		if (member_is(member, "partialSuccess")) {
			ok = read_partial_success(&member->value, &rejected, &message);
		}
	}
	if (ok && message && message->as.string.len) {
		spectra_buf repaired;
		spectra_buf_init(&repaired);
		if (spectra_utf8_append_sanitized(&repaired, message->as.string.chars, message->as.string.len)) {
			*error_message_out = spectra_buf_detach(&repaired, NULL);
		} else {
			spectra_buf_free(&repaired);
			ok = false;
		}
	}
	if (ok) {
		*rejected_spans_out = rejected;
	}
	spectra_json_free(&root);
	return ok;
}
