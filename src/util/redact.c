#include "redact.h"

#include <string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Appends "name=***" for [start, start+len) trimmed, or "***" when it has no separator. */
static bool append_masked_entry(spectra_buf *out, bool *first, const char *start, size_t len, char separator)
{
	while (len && is_space(*start)) {
		start++;
		len--;
	}
	while (len && is_space(start[len - 1])) {
		len--;
	}
	if (!len) {
		return true;
	}
	if (!*first && !spectra_buf_append_str(out, ", ")) {
		return false;
	}
	*first = false;
	const char *sep = memchr(start, separator, len);
	if (!sep) {
		return spectra_buf_append_str(out, SPECTRA_REDACTED);
	}
	size_t name_len = (size_t) (sep - start);
	while (name_len && is_space(start[name_len - 1])) {
		name_len--;
	}
	return spectra_buf_append(out, start, name_len) && spectra_buf_append_char(out, '=')
		&& spectra_buf_append_str(out, SPECTRA_REDACTED);
}

bool spectra_redact_key_values(const char *text, spectra_buf *out)
{
	bool first = true;
	const char *cursor = text;
	while (cursor && *cursor) {
		const char *comma = strchr(cursor, ',');
		size_t len = comma ? (size_t) (comma - cursor) : strlen(cursor);
		if (!append_masked_entry(out, &first, cursor, len, '=')) {
			return false;
		}
		cursor = comma ? comma + 1 : NULL;
	}
	return true;
}

bool spectra_redact_header_lines(char *const *lines, size_t count, spectra_buf *out)
{
	bool first = true;
	for (size_t i = 0; i < count; i++) {
		if (lines[i] && !append_masked_entry(out, &first, lines[i], strlen(lines[i]), ':')) {
			return false;
		}
	}
	return true;
}

/* Length of "scheme://" at the start of url, or 0 when it has none. */
static size_t scheme_prefix_length(const char *url)
{
	size_t i = 0;
	while ((url[i] >= 'a' && url[i] <= 'z') || (url[i] >= 'A' && url[i] <= 'Z') || (url[i] >= '0' && url[i] <= '9')
		|| url[i] == '+' || url[i] == '-' || url[i] == '.') {
		i++;
	}
	return i > 0 && strncmp(url + i, "://", 3) == 0 ? i + 3 : 0;
}

bool spectra_redact_url(const char *url, spectra_buf *out)
{
	if (!url) {
		return true;
	}
	size_t authority = scheme_prefix_length(url);
	size_t authority_end = authority + strcspn(url + authority, "/?#");
	/* userinfo ends at the last '@' of the authority (a password may hold one, encoded or not) */
	size_t host = authority;
	for (size_t i = authority; i < authority_end; i++) {
		if (url[i] == '@') {
			host = i + 1;
		}
	}
	size_t path_end = authority_end + strcspn(url + authority_end, "?#");
	if (!spectra_buf_append(out, url, authority) || !spectra_buf_append(out, url + host, path_end - host)) {
		return false;
	}
	const char *cursor = url + path_end;
	if (*cursor == '?') {
		if (!spectra_buf_append_char(out, '?')) {
			return false;
		}
		cursor++;
		while (*cursor && *cursor != '#') {
			size_t len = strcspn(cursor, "&#");
			const char *equals = memchr(cursor, '=', len);
			if (equals) {
				if (!spectra_buf_append(out, cursor, (size_t) (equals - cursor) + 1)
					|| !spectra_buf_append_str(out, SPECTRA_REDACTED)) {
					return false;
				}
			} else if (len && !spectra_buf_append_str(out, SPECTRA_REDACTED)) {
				return false;
			}
			cursor += len;
			if (*cursor == '&') {
				if (!spectra_buf_append_char(out, '&')) {
					return false;
				}
				cursor++;
			}
		}
	}
	if (*cursor == '#') {
		return spectra_buf_append_str(out, cursor[1] ? "#" SPECTRA_REDACTED : "#");
	}
	return true;
}
