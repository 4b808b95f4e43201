/* spectra.otel.exporter=console: one line per span, meant for eyes and grep, e.g.
 *   span chat gpt-4o trace=4bf9... span=00f0... parent=- kind=CLIENT status=UNSET
 *   duration_ms=12.345 gen_ai.provider.name="openai" gen_ai.usage.input_tokens=10
 * Values that could break the line or be misread (strings, odd names) are written as
 * JSON string literals, so the line stays single and valid UTF-8 whatever the input. */
#include "console.h"

#include "encode_json.h"

#include <inttypes.h>
#include <string.h>

#include "../util/hex.h"
#include "utf8.h"

/* True when text can be printed bare: valid UTF-8 with nothing JSON would escape and
 * none of the extra separators given (a key must not hold ' ' or '='). */
static bool is_plain(const char *text, const char *separators)
{
	size_t len = strlen(text);
	if (len == 0 || !spectra_utf8_is_valid(text, len)) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) text[i];
		if (c < 0x20 || c == 0x7F || c == '"' || c == '\\' || strchr(separators, c)) {
			return false;
		}
	}
	/* U+2028/U+2029 end lines in some viewers */
	return !strstr(text, "\xE2\x80\xA8") && !strstr(text, "\xE2\x80\xA9");
}

static bool append_plain_or_quoted(spectra_buf *out, const char *text, const char *separators)
{
	if (!text) {
		text = "";
	}
	return is_plain(text, separators) ? spectra_buf_append_str(out, text)
									  : spectra_utf8_append_json_string(out, text, strlen(text));
}

static bool append_quoted(spectra_buf *out, const char *text)
{
	if (!text) {
		text = "";
	}
	return spectra_utf8_append_json_string(out, text, strlen(text));
}

static const char *kind_name(int kind)
{
	switch (kind) {
	case 0:
		return "UNSPECIFIED";
	case 1:
		return "INTERNAL";
	case 2:
		return "SERVER";
	case 3:
		return "CLIENT";
	case 4:
		return "PRODUCER";
	case 5:
		return "CONSUMER";
	default:
		return NULL;
	}
}

static const char *status_name(int code)
{
	switch (code) {
	case SPECTRA_STATUS_UNSET:
		return "UNSET";
	case SPECTRA_STATUS_OK:
		return "OK";
	case SPECTRA_STATUS_ERROR:
		return "ERROR";
	default:
		return NULL;
	}
}

static bool append_enum(spectra_buf *out, const char *label, const char *name, int value)
{
	return name ? spectra_buf_appendf(out, " %s=%s", label, name) : spectra_buf_appendf(out, " %s=%d", label, value);
}

/* Integer arithmetic, not %f: the decimal point must not follow the C locale. */
static bool append_duration_ms(spectra_buf *out, uint64_t start, uint64_t end)
{
	bool negative = end < start;
	uint64_t ns = negative ? start - end : end - start;
	return spectra_buf_appendf(out, " duration_ms=%s%" PRIu64 ".%03" PRIu64, negative ? "-" : "", ns / 1000000,
		(ns % 1000000) / 1000);
}

static bool append_attr_value(spectra_buf *out, const spectra_attr *attr)
{
	switch (attr->type) {
	case SPECTRA_ATTR_STRING:
		return append_quoted(out, attr->value.str);
	case SPECTRA_ATTR_BOOL:
		return spectra_buf_append_str(out, attr->value.boolean ? "true" : "false");
	case SPECTRA_ATTR_INT:
		return spectra_buf_appendf(out, "%" PRId64, attr->value.integer);
	case SPECTRA_ATTR_DOUBLE:
		return spectra_otlp_append_double(out, attr->value.dbl);
	case SPECTRA_ATTR_STRING_ARRAY: {
		bool ok = spectra_buf_append_char(out, '[');
		for (size_t i = 0; ok && i < attr->value.strings.count; i++) {
			ok = (i == 0 || spectra_buf_append_char(out, ',')) && append_quoted(out, attr->value.strings.items[i]);
		}
		return ok && spectra_buf_append_char(out, ']');
	}
	}
	return false;
}

bool spectra_otlp_format_console(const spectra_span *span, spectra_buf *out)
{
	size_t start_len = out->len;
	bool ok = spectra_buf_append_str(out, "span ") && append_plain_or_quoted(out, span->name, "")
		&& spectra_buf_append_str(out, " trace=") && spectra_hex_append(out, span->trace_id, sizeof(span->trace_id))
		&& spectra_buf_append_str(out, " span=") && spectra_hex_append(out, span->span_id, sizeof(span->span_id))
		&& spectra_buf_append_str(out, " parent=")
		&& (span->has_parent ? spectra_hex_append(out, span->parent_span_id, sizeof(span->parent_span_id))
							 : spectra_buf_append_char(out, '-'))
		&& append_enum(out, "kind", kind_name(span->kind), span->kind)
		&& append_enum(out, "status", status_name(span->status_code), span->status_code);
	if (ok && span->status_message && *span->status_message) {
		ok = spectra_buf_append_str(out, " status_message=") && append_quoted(out, span->status_message);
	}
	ok = ok && append_duration_ms(out, span->start_time_unix_nano, span->end_time_unix_nano);
	if (ok && span->event_count) {
		ok = spectra_buf_append_str(out, " events=[");
		for (size_t i = 0; ok && i < span->event_count; i++) {
			ok = (i == 0 || spectra_buf_append_char(out, ',')) && append_quoted(out, span->events[i].name);
		}
		ok = ok && spectra_buf_append_char(out, ']');
	}
	for (size_t i = 0; ok && i < span->attrs.count; i++) {
		const spectra_attr *attr = &span->attrs.items[i];
		ok = spectra_buf_append_char(out, ' ') && append_plain_or_quoted(out, attr->key, " =")
			&& spectra_buf_append_char(out, '=') && append_attr_value(out, attr);
	}
	if (!ok) {
		out->len = start_len;
		if (out->data) {
			out->data[start_len] = '\0';
		}
	}
	return ok;
}
