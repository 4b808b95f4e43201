/* OTLP/HTTP JSON encoding (proto3 JSON mapping with the OTLP deviations), the JSON
 * merge and the JSON response reader.
 *
 * The OTLP rules applied: lowerCamelCase keys; traceId/spanId/parentSpanId as lowercase
 * hex instead of base64; enums as integers; int64/fixed64 as decimal strings; uint32,
 * fixed32 and double as JSON numbers. Fields holding their proto3 default are left out,
 * like the protobuf encoding does, except the ids, name, times and status. */
#include "otlp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

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
	static const char digits[] = "0123456789abcdef";
	if (!w->ok || !spectra_buf_reserve(w->out, len * 2 + 2)) {
		w->ok = false;
		return;
	}
	spectra_buf_append_char(w->out, '"');
	for (size_t i = 0; i < len; i++) {
		char pair[2] = { digits[bytes[i] >> 4], digits[bytes[i] & 0x0F] };
		spectra_buf_append(w->out, pair, 2);
	}
	spectra_buf_append_char(w->out, '"');
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

bool spectra_otlp_encode_json(const spectra_resource *resource, spectra_span *const *spans,
	size_t span_count, spectra_buf *out)
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

/* ---- a small strict JSON reader, enough for merge and the collector's response ---------- */

enum { JSON_MAX_DEPTH = 64 };

typedef struct {
	const char *pos;
	const char *end;
} json_cursor;

static void skip_whitespace(json_cursor *c)
{
	while (c->pos < c->end && (*c->pos == ' ' || *c->pos == '\t' || *c->pos == '\n' || *c->pos == '\r')) {
		c->pos++;
	}
}

static bool peek_is(json_cursor *c, char expected)
{
	skip_whitespace(c);
	return c->pos < c->end && *c->pos == expected;
}

static bool consume(json_cursor *c, char expected)
{
	if (!peek_is(c, expected)) {
		return false;
	}
	c->pos++;
	return true;
}

static bool consume_literal(json_cursor *c, const char *literal)
{
	size_t len = strlen(literal);
	skip_whitespace(c);
	if ((size_t) (c->end - c->pos) < len || memcmp(c->pos, literal, len) != 0) {
		return false;
	}
	c->pos += len;
	return true;
}

static int hex_digit_value(char c)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

static bool read_hex4(json_cursor *c, uint32_t *value)
{
	if (c->end - c->pos < 4) {
		return false;
	}
	*value = 0;
	for (int i = 0; i < 4; i++) {
		int digit = hex_digit_value(c->pos[i]);
		if (digit < 0) {
			return false;
		}
		*value = (*value << 4) | (uint32_t) digit;
	}
	c->pos += 4;
	return true;
}

static bool append_codepoint(spectra_buf *out, uint32_t cp)
{
	char bytes[4];
	size_t len;
	if (cp < 0x80) {
		bytes[0] = (char) cp;
		len = 1;
	} else if (cp < 0x800) {
		bytes[0] = (char) (0xC0 | (cp >> 6));
		bytes[1] = (char) (0x80 | (cp & 0x3F));
		len = 2;
	} else if (cp < 0x10000) {
		bytes[0] = (char) (0xE0 | (cp >> 12));
		bytes[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		bytes[2] = (char) (0x80 | (cp & 0x3F));
		len = 3;
	} else {
		bytes[0] = (char) (0xF0 | (cp >> 18));
		bytes[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
		bytes[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
		bytes[3] = (char) (0x80 | (cp & 0x3F));
		len = 4;
	}
	return spectra_buf_append(out, bytes, len);
}

/* Reads a string; decoded (may be NULL) receives its unescaped bytes. Raw bytes are kept
 * as they are, lone surrogate escapes become U+FFFD. Running out of memory fails like
 * malformed input: either way the text could not be read. */
static bool read_string(json_cursor *c, spectra_buf *decoded)
{
	if (!consume(c, '"')) {
		return false;
	}
	while (c->pos < c->end) {
		const char *run = c->pos;
		while (c->pos < c->end && *c->pos != '"' && *c->pos != '\\' && (unsigned char) *c->pos >= 0x20) {
			c->pos++;
		}
		if (decoded && !spectra_buf_append(decoded, run, (size_t) (c->pos - run))) {
			return false;
		}
		if (c->pos == c->end || (unsigned char) *c->pos < 0x20) {
			return false; /* unterminated, or a raw control character */
		}
		if (*c->pos++ == '"') {
			return true;
		}
		if (c->pos == c->end) {
			return false;
		}
		char escape = *c->pos++;
		uint32_t cp;
		switch (escape) {
		case '"': cp = '"'; break;
		case '\\': cp = '\\'; break;
		case '/': cp = '/'; break;
		case 'b': cp = '\b'; break;
		case 'f': cp = '\f'; break;
		case 'n': cp = '\n'; break;
		case 'r': cp = '\r'; break;
		case 't': cp = '\t'; break;
		case 'u':
			if (!read_hex4(c, &cp)) {
				return false;
			}
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				uint32_t low;
				json_cursor lookahead = *c;
				if (lookahead.end - lookahead.pos >= 2 && lookahead.pos[0] == '\\' && lookahead.pos[1] == 'u') {
					lookahead.pos += 2;
					if (read_hex4(&lookahead, &low) && low >= 0xDC00 && low <= 0xDFFF) {
						cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
						*c = lookahead;
					} else {
						cp = 0xFFFD;
					}
				} else {
					cp = 0xFFFD;
				}
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				cp = 0xFFFD;
			}
			break;
		default:
			return false;
		}
		if (decoded && !append_codepoint(decoded, cp)) {
			return false;
		}
	}
	return false;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a number per the JSON grammar; *text and *len receive its source text. */
static bool read_number(json_cursor *c, const char **text, size_t *len)
{
	skip_whitespace(c);
	const char *start = c->pos;
	const char *p = c->pos;
	if (p < c->end && *p == '-') {
		p++;
	}
	if (p < c->end && *p == '0') {
		p++;
	} else if (p < c->end && is_digit(*p)) {
		while (p < c->end && is_digit(*p)) {
			p++;
		}
	} else {
		return false;
	}
	if (p < c->end && *p == '.') {
		p++;
		if (p == c->end || !is_digit(*p)) {
			return false;
		}
		while (p < c->end && is_digit(*p)) {
			p++;
		}
	}
	if (p < c->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < c->end && (*p == '+' || *p == '-')) {
			p++;
		}
		if (p == c->end || !is_digit(*p)) {
			return false;
		}
		while (p < c->end && is_digit(*p)) {
			p++;
		}
	}
	c->pos = p;
	*text = start;
	*len = (size_t) (p - start);
	return true;
}

static bool skip_value(json_cursor *c, int depth)
{
	if (depth > JSON_MAX_DEPTH) {
		return false;
	}
	skip_whitespace(c);
	if (c->pos == c->end) {
		return false;
	}
	switch (*c->pos) {
	case '{':
		c->pos++;
		if (consume(c, '}')) {
			return true;
		}
		do {
			if (!read_string(c, NULL) || !consume(c, ':') || !skip_value(c, depth + 1)) {
				return false;
			}
		} while (consume(c, ','));
		return consume(c, '}');
	case '[':
		c->pos++;
		if (consume(c, ']')) {
			return true;
		}
		do {
			if (!skip_value(c, depth + 1)) {
				return false;
			}
		} while (consume(c, ','));
		return consume(c, ']');
	case '"':
		return read_string(c, NULL);
	case 't':
		return consume_literal(c, "true");
	case 'f':
		return consume_literal(c, "false");
	case 'n':
		return consume_literal(c, "null");
	default: {
		const char *text;
		size_t len;
		return read_number(c, &text, &len);
	}
	}
}

/* ---- merge ------------------------------------------------------------------------------ */

/* Finds the inside of the resourceSpans array of one encoded request (trimmed, may be empty). */
static bool find_resource_spans_items(const spectra_buf *part, const char **items, size_t *items_len)
{
	if (!part->data) {
		return false;
	}
	json_cursor c = { part->data, part->data + part->len };
	if (!consume(&c, '{') || !consume_literal(&c, "\"resourceSpans\"") || !consume(&c, ':')
		|| !peek_is(&c, '[')) {
		return false;
	}
	const char *array_open = c.pos;
	if (!skip_value(&c, 1)) { /* validates the array; stops right after its ']' */
		return false;
	}
	const char *array_close = c.pos - 1;
	if (!consume(&c, '}')) {
		return false;
	}
	skip_whitespace(&c);
	if (c.pos != c.end) {
		return false;
	}
	json_cursor inside = { array_open + 1, array_close };
	skip_whitespace(&inside);
	const char *last = array_close;
	while (last > inside.pos && (last[-1] == ' ' || last[-1] == '\t' || last[-1] == '\n' || last[-1] == '\r')) {
		last--;
	}
	*items = inside.pos;
	*items_len = (size_t) (last - inside.pos);
	return true;
}

bool spectra_otlp_merge_json(const spectra_buf *parts, size_t part_count, spectra_buf *out)
{
	size_t start_len = out->len;
	bool ok = spectra_buf_append_str(out, "{\"resourceSpans\":[");
	bool first = true;
	for (size_t i = 0; ok && i < part_count; i++) {
		const char *items;
		size_t items_len;
		ok = find_resource_spans_items(&parts[i], &items, &items_len);
		if (ok && items_len) {
			ok = (first || spectra_buf_append_char(out, ',')) && spectra_buf_append(out, items, items_len);
			first = false;
		}
	}
	ok = ok && spectra_buf_append_str(out, "]}");
	if (!ok) {
		truncate_to(out, start_len);
	}
	return ok;
}

/* ---- response ------------------------------------------------------------------------- */

/* Strict integer text: optional '-', digits, no fraction or exponent, within int64. */
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
		if (!is_digit(text[i])) {
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

/* Reads an object key and its ':' into scratch (replacing what it held). */
static bool read_key(json_cursor *c, spectra_buf *scratch)
{
	scratch->len = 0;
	return read_string(c, scratch) && consume(c, ':');
}

static bool buf_equals(const spectra_buf *buf, const char *text)
{
	size_t len = strlen(text);
	return buf->len == len && memcmp(buf->data, text, len) == 0;
}

static bool read_rejected_spans(json_cursor *c, spectra_buf *scratch, int64_t *rejected)
{
	if (peek_is(c, 'n')) {
		*rejected = 0;
		return consume_literal(c, "null");
	}
	if (peek_is(c, '"')) {
		/* proto3 JSON writes int64 as a string; numbers are accepted as well */
		scratch->len = 0;
		return read_string(c, scratch) && parse_int64(scratch->data ? scratch->data : "", scratch->len, rejected);
	}
	const char *text;
	size_t len;
	return read_number(c, &text, &len) && parse_int64(text, len, rejected);
}

static bool read_partial_success(json_cursor *c, spectra_buf *scratch, int64_t *rejected, spectra_buf *message)
{
	if (peek_is(c, 'n')) {
		return consume_literal(c, "null");
	}
	if (!consume(c, '{')) {
		return false;
	}
	if (consume(c, '}')) {
		return true;
	}
	do {
		if (!read_key(c, scratch)) {
			return false;
		}
		if (buf_equals(scratch, "rejectedSpans")) {
			if (!read_rejected_spans(c, scratch, rejected)) {
				return false;
			}
		} else if (buf_equals(scratch, "errorMessage")) {
			message->len = 0; /* a repeated key: the last one wins */
			if (peek_is(c, 'n')) {
				if (!consume_literal(c, "null")) {
					return false;
				}
			} else if (!read_string(c, message)) {
				return false;
			}
		} else if (!skip_value(c, 2)) {
			return false;
		}
	} while (consume(c, ','));
	return consume(c, '}');
}

bool spectra_otlp_parse_response_json(const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out)
{
	*rejected_spans_out = 0;
	*error_message_out = NULL;
	if (!body) {
		return true;
	}
	json_cursor c = { body, body + len };
	skip_whitespace(&c);
	if (c.pos == c.end) {
		return true; /* no body: nothing was rejected */
	}

	spectra_buf scratch, message;
	spectra_buf_init(&scratch);
	spectra_buf_init(&message);
	int64_t rejected = 0;
	bool ok = consume(&c, '{');
	if (ok && !consume(&c, '}')) {
		do {
			ok = read_key(&c, &scratch);
			if (ok) {
				ok = buf_equals(&scratch, "partialSuccess") ? read_partial_success(&c, &scratch, &rejected, &message)
				                                            : skip_value(&c, 1);
			}
		} while (ok && consume(&c, ','));
		ok = ok && consume(&c, '}');
	}
	skip_whitespace(&c);
	ok = ok && c.pos == c.end;

	if (ok && message.len) {
		/* raw bytes inside the JSON string were copied as they came: repair them */
		spectra_buf repaired;
		spectra_buf_init(&repaired);
		if (spectra_utf8_append_sanitized(&repaired, message.data, message.len)) {
			*error_message_out = spectra_buf_detach(&repaired, NULL);
		} else {
			spectra_buf_free(&repaired);
			ok = false;
		}
	}
	if (ok) {
		*rejected_spans_out = rejected;
	}
	spectra_buf_free(&scratch);
	spectra_buf_free(&message);
	return ok;
}
