/* Growable byte buffer in plain malloc'd memory: usable off the request thread. */
#ifndef SPECTRA_UTIL_BUF_H
#define SPECTRA_UTIL_BUF_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef struct {
	char *data;
	size_t len;
	size_t cap;
} spectra_buf;

void spectra_buf_init(spectra_buf *buf);
void spectra_buf_free(spectra_buf *buf);
/* Returns false only when memory is exhausted; the buffer stays valid. */
bool spectra_buf_reserve(spectra_buf *buf, size_t extra);
bool spectra_buf_append(spectra_buf *buf, const void *bytes, size_t len);
bool spectra_buf_append_str(spectra_buf *buf, const char *str);
bool spectra_buf_append_char(spectra_buf *buf, char c);
bool spectra_buf_appendf(spectra_buf *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the bytes to the caller (who frees them) and leaves the buffer empty. */
char *spectra_buf_detach(spectra_buf *buf, size_t *len_out);

char *spectra_strdup(const char *str);
char *spectra_strndup(const char *str, size_t len);

#endif
