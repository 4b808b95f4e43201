#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void spectra_buf_init(spectra_buf *buf)
{
	buf->data = NULL;
	buf->len = 0;
	buf->cap = 0;
}

void spectra_buf_free(spectra_buf *buf)
{
	free(buf->data);
	spectra_buf_init(buf);
}

bool spectra_buf_reserve(spectra_buf *buf, size_t extra)
{
	/* one spare byte so the content can always be NUL-terminated */
	size_t need = buf->len + extra + 1;
	if (need <= buf->cap) {
		return true;
	}
	size_t cap = buf->cap ? buf->cap : 256;
	while (cap < need) {
		cap *= 2;
	}
	char *grown = realloc(buf->data, cap);
	if (!grown) {
		return false;
	}
	buf->data = grown;
	buf->cap = cap;
	return true;
}

bool spectra_buf_append(spectra_buf *buf, const void *bytes, size_t len)
{
	if (!spectra_buf_reserve(buf, len)) {
		return false;
	}
	if (len) {
		memcpy(buf->data + buf->len, bytes, len);
	}
	buf->len += len;
	buf->data[buf->len] = '\0';
	return true;
}

bool spectra_buf_append_str(spectra_buf *buf, const char *str)
{
	return spectra_buf_append(buf, str, strlen(str));
}

bool spectra_buf_append_char(spectra_buf *buf, char c)
{
	return spectra_buf_append(buf, &c, 1);
}

bool spectra_buf_appendf(spectra_buf *buf, const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	va_list copy;
	va_copy(copy, args);
	int needed = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (needed < 0 || !spectra_buf_reserve(buf, (size_t) needed)) {
		va_end(args);
		return false;
	}
	vsnprintf(buf->data + buf->len, (size_t) needed + 1, fmt, args);
	va_end(args);
	buf->len += (size_t) needed;
	return true;
}

char *spectra_buf_detach(spectra_buf *buf, size_t *len_out)
{
	char *data = buf->data;
	if (len_out) {
		*len_out = buf->len;
	}
	spectra_buf_init(buf);
	return data;
}

char *spectra_strdup(const char *str)
{
	return str ? spectra_strndup(str, strlen(str)) : NULL;
}

char *spectra_strndup(const char *str, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy) {
		return NULL;
	}
	memcpy(copy, str, len);
	copy[len] = '\0';
	return copy;
}
