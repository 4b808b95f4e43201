/* UTF-8 validation and repair shared by the OTLP encoders. Protobuf string fields and
 * JSON text must both be valid UTF-8, while attribute values come from user code and
 * provider responses and may hold any bytes. Invalid input is never dropped: each
 * maximal invalid subpart (Unicode's "substitution of maximal subparts") becomes U+FFFD. */
#ifndef SPECTRA_OTLP_UTF8_H
#define SPECTRA_OTLP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../util/buf.h"

/* Decodes the sequence at the start of s (len > 0). Returns true and the code point for
 * a well-formed sequence (no overlongs, surrogates or values above U+10FFFF). Either way
 * *consumed receives the bytes to skip: the sequence, or the maximal invalid subpart. */
bool spectra_utf8_decode(const char *s, size_t len, uint32_t *codepoint_out, size_t *consumed);

bool spectra_utf8_is_valid(const char *s, size_t len);

/* True when s[0, len) is plain ASCII (so valid UTF-8), in a few word loads that overlap
 * rather than a byte loop. Inline: the span encoder checks ~40 short keys and values per
 * span, where the call to spectra_utf8_is_valid() cost as much as the check. */
static inline bool spectra_utf8_is_ascii(const char *s, size_t len)
{
	uint64_t bits = 0;
	if (len >= 8) {
		uint64_t word;
		for (size_t pos = 0; pos + 8 < len; pos += 8) {
			memcpy(&word, s + pos, sizeof word);
			bits |= word;
		}
		memcpy(&word, s + len - 8, sizeof word);
		bits |= word;
	} else if (len >= 4) {
		uint32_t head, tail;
		memcpy(&head, s, sizeof head);
		memcpy(&tail, s + len - 4, sizeof tail);
		bits = head | tail;
	} else {
		for (size_t i = 0; i < len; i++) {
			bits |= (unsigned char) s[i];
		}
	}
	return !(bits & UINT64_C(0x8080808080808080));
}

/* Appends s with every invalid subpart replaced by U+FFFD. False on OOM. */
bool spectra_utf8_append_sanitized(spectra_buf *out, const char *s, size_t len);

/* Appends s as a quoted JSON string: sanitized as above, with '"', '\\', control
 * characters, DEL and U+2028/U+2029 escaped, so the result is valid JSON and safe to
 * print on one line. False on OOM. */
bool spectra_utf8_append_json_string(spectra_buf *out, const char *s, size_t len);

#endif
