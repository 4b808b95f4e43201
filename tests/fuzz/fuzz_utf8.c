/* src/otlp/utf8 against a reference decoder written from Unicode's Table 3-7 with
 * "substitution of maximal subparts": decode, validate and sanitize must agree with it exactly,
 * sanitized output is valid UTF-8, and the JSON string form reads back (src/util/json_reader)
 * as the sanitized text. */
#include "fuzz.h"

#include "otlp/utf8.h"
#include "util/json_reader.h"

/* Returns true for a well-formed sequence at s (n > 0); *consumed: its length, or the
 * length of the maximal invalid subpart. */
static bool reference_decode(const uint8_t *s, size_t n, uint32_t *cp, size_t *consumed)
{
	uint8_t b = s[0];
	size_t len;
	uint8_t lo = 0x80, hi = 0xBF;
	if (b < 0x80) {
		*cp = b;
		*consumed = 1;
		return true;
	} else if (b >= 0xC2 && b <= 0xDF) {
		len = 2;
	} else if (b == 0xE0) {
		len = 3;
		lo = 0xA0;
	} else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
		len = 3;
	} else if (b == 0xED) {
		len = 3;
		hi = 0x9F;
	} else if (b == 0xF0) {
		len = 4;
		lo = 0x90;
	} else if (b >= 0xF1 && b <= 0xF3) {
		len = 4;
	} else if (b == 0xF4) {
		len = 4;
		hi = 0x8F;
	} else {
		*consumed = 1;
		return false;
	}
	uint32_t value = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
	for (size_t i = 1; i < len; i++) {
		uint8_t min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
		if (i >= n || s[i] < min || s[i] > max) {
			*consumed = i;
			return false;
		}
		value = value << 6 | (s[i] & 0x3F);
	}
	*cp = value;
	*consumed = len;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	spectra_buf expected;
	spectra_buf_init(&expected);
	bool all_valid = true;
	for (size_t at = 0; at < size;) {
		uint32_t cp = 0, ref_cp = 0;
		size_t consumed = 0, ref_consumed = 0;
		bool ok = spectra_utf8_decode(text + at, size - at, &cp, &consumed);
		bool ref_ok = reference_decode(data + at, size - at, &ref_cp, &ref_consumed);
		FUZZ_ASSERT(ok == ref_ok && consumed == ref_consumed);
		FUZZ_ASSERT(!ok || cp == ref_cp);
		FUZZ_ASSERT(consumed >= 1 && consumed <= size - at);
		FUZZ_ASSERT(
			ok ? spectra_buf_append(&expected, text + at, consumed) : spectra_buf_append(&expected, "\xEF\xBF\xBD", 3));
		all_valid &= ok;
		at += consumed;
	}
	FUZZ_ASSERT(spectra_utf8_is_valid(text, size) == all_valid);

	spectra_buf sanitized;
	spectra_buf_init(&sanitized);
	FUZZ_ASSERT(spectra_utf8_append_sanitized(&sanitized, text, size));
	FUZZ_ASSERT(sanitized.len == expected.len
		&& (sanitized.len == 0 || memcmp(sanitized.data, expected.data, sanitized.len) == 0));
	FUZZ_ASSERT(spectra_utf8_is_valid(sanitized.data, sanitized.len));
	if (all_valid) {
		FUZZ_ASSERT(sanitized.len == size);
	}

	/* the JSON string: one line, valid UTF-8, reads back as the sanitized text */
	spectra_buf json;
	spectra_buf_init(&json);
	FUZZ_ASSERT(spectra_buf_append_str(&json, "x"));
	FUZZ_ASSERT(spectra_utf8_append_json_string(&json, text, size));
	const char *literal = json.data + 1;
	size_t literal_len = json.len - 1;
	FUZZ_ASSERT(literal_len >= 2 && literal[0] == '"' && literal[literal_len - 1] == '"');
	FUZZ_ASSERT(spectra_utf8_is_valid(literal, literal_len));
	for (size_t i = 0; i < literal_len; i++) {
		unsigned char c = (unsigned char) literal[i];
		FUZZ_ASSERT(c >= 0x20 && c != 0x7F);
		FUZZ_ASSERT(!(c == 0xE2 && i + 2 < literal_len && (unsigned char) literal[i + 1] == 0x80
			&& ((unsigned char) literal[i + 2] == 0xA8 || (unsigned char) literal[i + 2] == 0xA9)));
	}
	spectra_json_value root;
	spectra_json_error error;
	FUZZ_ASSERT(spectra_json_parse(literal, literal_len, &root, &error));
	FUZZ_ASSERT(root.type == SPECTRA_JSON_STRING && root.as.string.len == sanitized.len);
	FUZZ_ASSERT(sanitized.len == 0 || memcmp(root.as.string.chars, sanitized.data, sanitized.len) == 0);
	spectra_json_free(&root);

	spectra_buf_free(&json);
	spectra_buf_free(&sanitized);
	spectra_buf_free(&expected);
	return 0;
}
