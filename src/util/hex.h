/* Hex encoding and decoding of byte strings (trace and span ids, mostly), in plain C.
 * Encoding always writes lowercase digits, as W3C Trace Context and OTLP/JSON want. */
#ifndef SPECTRA_UTIL_HEX_H
#define SPECTRA_UTIL_HEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Flags for spectra_hex_decode. */
enum {
	/* only 0-9 and a-f are digits (W3C traceparent); without it A-F are digits too */
	SPECTRA_HEX_LOWERCASE_ONLY = 1u << 0,
	/* fail when every decoded byte is zero (an all-zero trace or span id is invalid) */
	SPECTRA_HEX_REJECT_ZERO = 1u << 1,
};

/* 0-15 for a hex digit (A-F only without SPECTRA_HEX_LOWERCASE_ONLY in flags), else -1. */
int spectra_hex_digit_value(char c, unsigned flags);

/* Writes the 2*len lowercase hex digits of bytes and a NUL: out holds 2*len+1 chars. */
void spectra_hex_encode(const uint8_t *bytes, size_t len, char *out);

/* Appends the 2*len lowercase hex digits of bytes to buf. False on OOM (buf unchanged). */
bool spectra_hex_append(spectra_buf *buf, const uint8_t *bytes, size_t len);

/* Decodes text[0, text_len) into out[0, out_len). True when text_len == 2*out_len and every
 * char is a hex digit (see the flags; an all-zero result fails with SPECTRA_HEX_REJECT_ZERO).
 * out is written only on success. */
bool spectra_hex_decode(const char *text, size_t text_len, uint8_t *out, size_t out_len, unsigned flags);

#endif
