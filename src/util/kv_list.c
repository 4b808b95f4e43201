#include "kv_list.h"

#include <stdlib.h>
#include <string.h>

#include "hex.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Trims text[0, len), percent-decodes it into out (room for len + 1) and NUL-terminates it.
 * False when the result would hold a NUL byte. */
static bool decode_part(const char *text, size_t len, char *out)
{
	while (len && is_space(*text)) {
		text++;
		len--;
	}
	while (len && is_space(text[len - 1])) {
		len--;
	}
	size_t written = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		int hi = -1, lo = -1;
		if (c == '%' && len - i >= 3) {
			hi = spectra_hex_digit_value(text[i + 1], 0);
			lo = spectra_hex_digit_value(text[i + 2], 0);
		}
		if (hi >= 0 && lo >= 0) {
			c = (char) (hi << 4 | lo);
			i += 2;
		}
		if (c == '\0') {
			return false;
		}
		out[written++] = c;
	}
	out[written] = '\0';
	return true;
}

static bool blank(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!is_space(text[i])) {
			return false;
		}
	}
	return true;
}

size_t spectra_kv_list_parse(const char *text, size_t len, spectra_kv_add_fn add, void *ctx)
{
	size_t skipped = 0;
	const char *cursor = text;
	const char *end = text + len;
	while (cursor) {
		const char *comma = memchr(cursor, ',', (size_t) (end - cursor));
		const char *entry = cursor;
		size_t entry_len = (size_t) ((comma ? comma : end) - cursor);
		cursor = comma ? comma + 1 : NULL;
		const char *equals = memchr(entry, '=', entry_len);
		if (!equals) {
			skipped += blank(entry, entry_len) ? 0 : 1;
			continue;
		}
		size_t key_len = (size_t) (equals - entry);
		size_t value_len = entry_len - key_len - 1;
		/* decoding never grows the text: one block holds both NUL-terminated parts */
		char *key = malloc(entry_len + 1);
		if (!key) {
			skipped++;
			continue;
		}
		char *value = key + key_len + 1;
		bool ok = decode_part(entry, key_len, key) && decode_part(equals + 1, value_len, value) && *key
			&& add(ctx, key, value);
		skipped += ok ? 0 : 1;
		free(key);
	}
	return skipped;
}

static bool is_token_char(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
		|| (c && strchr("!#$%&'*+-.^_`|~", c));
}

bool spectra_kv_is_http_header(const char *key, const char *value)
{
	if (!*key) {
		return false;
	}
	for (const unsigned char *p = (const unsigned char *) key; *p; p++) {
		if (!is_token_char(*p)) {
			return false;
		}
	}
	for (const unsigned char *p = (const unsigned char *) value; *p; p++) {
		if ((*p < 0x20 && *p != '\t') || *p == 0x7F) {
			return false;
		}
	}
	return true;
}
