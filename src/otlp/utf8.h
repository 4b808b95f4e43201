/* UTF-8 validation and repair shared by the OTLP encoders. Protobuf string fields and
 * JSON text must both be valid UTF-8, while attribute values come from user code and
 * provider responses and may hold any bytes. Invalid input is never dropped: each
 * maximal invalid subpart (Unicode's "substitution of maximal subparts") becomes U+FFFD. */
#ifndef SPECTRA_OTLP_UTF8_H
#define SPECTRA_OTLP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

/* Decodes the sequence at the start of s (len > 0). Returns true and the code point for
 * a well-formed sequence (no overlongs, surrogates or values above U+10FFFF). Either way
 * *consumed receives the bytes to skip: the sequence, or the maximal invalid subpart. */
bool spectra_utf8_decode(const char *s, size_t len, uint32_t *codepoint_out, size_t *consumed);

bool spectra_utf8_is_valid(const char *s, size_t len);

/* Appends s with every invalid subpart replaced by U+FFFD. False on OOM. */
bool spectra_utf8_append_sanitized(spectra_buf *out, const char *s, size_t len);

/* Appends s as a quoted JSON string: sanitized as above, with '"', '\\', control
 * characters, DEL and U+2028/U+2029 escaped, so the result is valid JSON and safe to
 * print on one line. False on OOM. */
bool spectra_utf8_append_json_string(spectra_buf *out, const char *s, size_t len);

#endif
