/* A whole file into memory, for the C tests that read fixtures. */
#ifndef SPECTRA_TESTS_C_READ_FILE_H
#define SPECTRA_TESTS_C_READ_FILE_H

#include <stdio.h>

#include "util/buf.h"

/* The file's bytes, NUL-terminated (malloc'd; "" for an empty file), or NULL. */
static inline char *read_whole_file(const char *path, size_t *len_out)
{
	FILE *file = fopen(path, "rb");
	if (!file) {
		return NULL;
	}
	spectra_buf content;
	spectra_buf_init(&content);
	char chunk[4096];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, file)) > 0) {
		spectra_buf_append(&content, chunk, got);
	}
	fclose(file);
	if (!content.data) {
		spectra_buf_append(&content, "", 0);
	}
	return spectra_buf_detach(&content, len_out);
}

#endif
