#include "utf8.h"

#include <stdio.h>
#include <string.h>

static const char replacement_character[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Drops what a failed append added, keeping the buffer NUL-terminated. */
static void truncate_to(spectra_buf *buf, size_t len)
{
	buf->len = len;
	if (buf->data) {
		buf->data[len] = '\0';
	}
}

static bool is_continuation(unsigned char byte, unsigned char low, unsigned char high)
{
	return byte >= low && byte <= high;
}

bool spectra_utf8_decode(const char *s, size_t len, uint32_t *codepoint_out, size_t *consumed)
{
	const unsigned char *bytes = (const unsigned char *) s;
	unsigned char lead = bytes[0];
	if (lead < 0x80) {
		*codepoint_out = lead;
		*consumed = 1;
		return true;
	}

	size_t need;
	uint32_t codepoint;
	/* the allowed range of the second byte excludes overlongs, surrogates and > U+10FFFF */
	unsigned char second_low = 0x80, second_high = 0xBF;
	if (lead >= 0xC2 && lead <= 0xDF) {
		need = 1;
		codepoint = lead & 0x1F;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		need = 2;
		codepoint = lead & 0x0F;
		if (lead == 0xE0) {
			second_low = 0xA0;
		} else if (lead == 0xED) {
			second_high = 0x9F;
		}
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		need = 3;
		codepoint = lead & 0x07;
		if (lead == 0xF0) {
			second_low = 0x90;
		} else if (lead == 0xF4) {
			second_high = 0x8F;
		}
	} else {
		/* stray continuation byte, C0/C1 or F5..FF: never valid anywhere */
		*consumed = 1;
		return false;
	}

	size_t used = 1;
	for (size_t i = 1; i <= need; i++) {
		unsigned char low = i == 1 ? second_low : 0x80;
		unsigned char high = i == 1 ? second_high : 0xBF;
		if (used >= len || !is_continuation(bytes[used], low, high)) {
			*consumed = used;
			return false;
		}
		codepoint = (codepoint << 6) | (bytes[used] & 0x3F);
		used++;
	}
	*codepoint_out = codepoint;
	*consumed = used;
	return true;
}

bool spectra_utf8_is_valid(const char *s, size_t len)
{
	size_t pos = 0;
	/* most text is ASCII: eight bytes at a time while no byte has its high bit set, the
	 * last eight overlapping the ones before, so only strings under 8 bytes go bytewise */
	const uint64_t high_bits = UINT64_C(0x8080808080808080);
	if (len >= 8) {
		uint64_t word;
		while (pos + 8 <= len) {
			memcpy(&word, s + pos, sizeof word);
			if (word & high_bits) {
				break;
			}
			pos += 8;
		}
		if (pos + 8 > len) {
			memcpy(&word, s + len - 8, sizeof word);
			if (!(word & high_bits)) {
				return true;
			}
		}
	}
	while (pos < len) {
		if ((unsigned char) s[pos] < 0x80) {
			pos++;
			continue;
		}
		uint32_t codepoint;
		size_t consumed;
		if (!spectra_utf8_decode(s + pos, len - pos, &codepoint, &consumed)) {
			return false;
		}
		pos += consumed;
	}
	return true;
}

bool spectra_utf8_append_sanitized(spectra_buf *out, const char *s, size_t len)
{
	size_t start_len = out->len;
	size_t pos = 0;
	size_t run_start = 0; /* valid bytes are copied in runs, not one at a time */
	while (pos < len) {
		uint32_t codepoint;
		size_t consumed = 1;
		if ((unsigned char) s[pos] < 0x80 || spectra_utf8_decode(s + pos, len - pos, &codepoint, &consumed)) {
			pos += consumed;
			continue;
		}
		if (!spectra_buf_append(out, s + run_start, pos - run_start)
			|| !spectra_buf_append(out, replacement_character, 3)) {
			truncate_to(out, start_len);
			return false;
		}
		pos += consumed;
		run_start = pos;
	}
	if (!spectra_buf_append(out, s + run_start, len - run_start)) {
		truncate_to(out, start_len);
		return false;
	}
	return true;
}

/* The escape for one code point, or NULL when it can be written as is. */
static const char *json_escape_for(uint32_t codepoint, char scratch[8])
{
	switch (codepoint) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	default:
		break;
	}
	if (codepoint < 0x20 || codepoint == 0x7F || codepoint == 0x2028 || codepoint == 0x2029) {
		snprintf(scratch, 8, "\\u%04x", (unsigned) codepoint);
		return scratch;
	}
	return NULL;
}

bool spectra_utf8_append_json_string(spectra_buf *out, const char *s, size_t len)
{
	size_t start_len = out->len;
	if (!spectra_buf_reserve(out, len + 2) || !spectra_buf_append_char(out, '"')) {
		return false;
	}
	size_t pos = 0;
	size_t run_start = 0;
	while (pos < len) {
		uint32_t codepoint;
		size_t consumed;
		char scratch[8];
		const char *escape;
		if (spectra_utf8_decode(s + pos, len - pos, &codepoint, &consumed)) {
			escape = json_escape_for(codepoint, scratch);
			if (!escape) {
				pos += consumed;
				continue;
			}
		} else {
			escape = replacement_character;
		}
		if (!spectra_buf_append(out, s + run_start, pos - run_start) || !spectra_buf_append_str(out, escape)) {
			truncate_to(out, start_len);
			return false;
		}
		pos += consumed;
		run_start = pos;
	}
	if (!spectra_buf_append(out, s + run_start, len - run_start) || !spectra_buf_append_char(out, '"')) {
		truncate_to(out, start_len);
		return false;
	}
	return true;
}
