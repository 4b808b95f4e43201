#include "trace_context.h"

#include <string.h>

#include "../util/buf.h"
#include "../util/hex.h"

static bool is_ows(char c)
{
	return c == ' ' || c == '\t';
}

static void trim_ows(const char **value, size_t *len)
{
	while (*len && is_ows(**value)) {
		(*value)++;
		(*len)--;
	}
	while (*len && is_ows((*value)[*len - 1])) {
		(*len)--;
	}
}

bool spectra_traceparent_parse(const char *value, size_t len, spectra_traceparent *out)
{
	trim_ows(&value, &len);
	/* version(2) - trace(32) - parent(16) - flags(2) = 55 chars */
	if (len < 55) {
		return false;
	}
	uint8_t version;
	if (!spectra_hex_decode(value, 2, &version, 1, SPECTRA_HEX_LOWERCASE_ONLY) || version == 0xff) {
		return false;
	}
	if (version == 0x00 && len != 55) {
		return false;
	}
	/* a later version may append fields, each after a '-' */
	if (len > 55 && value[55] != '-') {
		return false;
	}
	if (value[2] != '-' || value[35] != '-' || value[52] != '-') {
		return false;
	}
	spectra_traceparent parsed;
	const unsigned id_flags = SPECTRA_HEX_LOWERCASE_ONLY | SPECTRA_HEX_REJECT_ZERO;
	if (!spectra_hex_decode(value + 3, 32, parsed.trace_id, 16, id_flags)
		|| !spectra_hex_decode(value + 36, 16, parsed.parent_id, 8, id_flags)
		|| !spectra_hex_decode(value + 53, 2, &parsed.flags, 1, SPECTRA_HEX_LOWERCASE_ONLY)) {
		return false;
	}
	*out = parsed;
	return true;
}

static bool is_key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '*' || c == '/' || c == '@';
}

static bool valid_key(const char *key, size_t len)
{
	if (len == 0 || len > 256 || !((key[0] >= 'a' && key[0] <= 'z') || (key[0] >= '0' && key[0] <= '9'))) {
		return false;
	}
	for (size_t i = 1; i < len; i++) {
		if (!is_key_char(key[i])) {
			return false;
		}
	}
	return true;
}

static bool valid_value(const char *value, size_t len)
{
	if (len == 0 || len > 256 || value[len - 1] == ' ') {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) value[i];
		if (c < 0x20 || c > 0x7E || c == ',' || c == '=') {
			return false;
		}
	}
	return true;
}

char *spectra_tracestate_normalize(const char *value, size_t len)
{
	struct {
		const char *key;
		size_t len;
	} keys[SPECTRA_TRACESTATE_MAX_MEMBERS];
	size_t count = 0;
	spectra_buf out;
	spectra_buf_init(&out);
	const char *cursor = value;
	const char *end = value + len;
	while (cursor) {
		const char *comma = memchr(cursor, ',', (size_t) (end - cursor));
		const char *member = cursor;
		size_t member_len = (size_t) ((comma ? comma : end) - cursor);
		cursor = comma ? comma + 1 : NULL;
		trim_ows(&member, &member_len);
		if (member_len == 0) {
			continue; /* empty and whitespace-only members are allowed */
		}
		const char *equals = memchr(member, '=', member_len);
		if (!equals || count == SPECTRA_TRACESTATE_MAX_MEMBERS) {
			goto invalid;
		}
		size_t key_len = (size_t) (equals - member);
		if (!valid_key(member, key_len) || !valid_value(equals + 1, member_len - key_len - 1)) {
			goto invalid;
		}
		for (size_t i = 0; i < count; i++) {
			if (keys[i].len == key_len && memcmp(keys[i].key, member, key_len) == 0) {
				goto invalid;
			}
		}
		keys[count].key = member;
		keys[count].len = key_len;
		if ((count && !spectra_buf_append_char(&out, ',')) || !spectra_buf_append(&out, member, member_len)) {
			goto invalid;
		}
		count++;
	}
	if (count == 0) {
		goto invalid;
	}
	return spectra_buf_detach(&out, NULL);

invalid:
	spectra_buf_free(&out);
	return NULL;
}

bool spectra_trace_id_parse(const char *value, size_t len, uint8_t out[16])
{
	char digits[32];
	if (len == 32) {
		memcpy(digits, value, 32);
	} else if (len == 36) {
		static const size_t dashes[] = { 8, 13, 18, 23 };
		size_t d = 0;
		for (size_t i = 0, next_dash = 0; i < 36; i++) {
			if (next_dash < 4 && i == dashes[next_dash]) {
				if (value[i] != '-') {
					return false;
				}
				next_dash++;
				continue;
			}
			digits[d++] = value[i];
		}
	} else {
		return false;
	}
	return spectra_hex_decode(digits, 32, out, 16, SPECTRA_HEX_REJECT_ZERO);
}
