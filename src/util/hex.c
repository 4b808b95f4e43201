#include "hex.h"

static const char hex_digits[] = "0123456789abcdef";

int spectra_hex_digit_value(char c, unsigned flags)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (!(flags & SPECTRA_HEX_LOWERCASE_ONLY) && c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

void spectra_hex_encode(const uint8_t *bytes, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++) {
		out[2 * i] = hex_digits[bytes[i] >> 4];
		out[2 * i + 1] = hex_digits[bytes[i] & 0x0F];
	}
	out[2 * len] = '\0';
}

bool spectra_hex_append(spectra_buf *buf, const uint8_t *bytes, size_t len)
{
	/* reserve keeps a spare byte for the NUL spectra_hex_encode writes */
	if (!spectra_buf_reserve(buf, 2 * len)) {
		return false;
	}
	spectra_hex_encode(bytes, len, buf->data + buf->len);
	buf->len += 2 * len;
	return true;
}

bool spectra_hex_decode(const char *text, size_t text_len, uint8_t *out, size_t out_len, unsigned flags)
{
	if (out_len > SIZE_MAX / 2 || text_len != 2 * out_len) {
		return false;
	}
	/* validate everything first, so that out is untouched on failure */
	bool nonzero = false;
	for (size_t i = 0; i < text_len; i++) {
		int digit = spectra_hex_digit_value(text[i], flags);
		if (digit < 0) {
			return false;
		}
		nonzero |= digit != 0;
	}
	if ((flags & SPECTRA_HEX_REJECT_ZERO) && !nonzero) {
		return false;
	}
	for (size_t i = 0; i < out_len; i++) {
		out[i] = (uint8_t) (spectra_hex_digit_value(text[2 * i], flags) << 4
			| spectra_hex_digit_value(text[2 * i + 1], flags));
	}
	return true;
}
