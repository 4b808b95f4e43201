/* Shared by the libFuzzer harnesses in tests/fuzz. Each harness feeds one plain-C parser
 * untrusted bytes and, where there is a reference behaviour, checks it with FUZZ_ASSERT so
 * that logic bugs stop the run like crashes do. */
#ifndef SPECTRA_FUZZ_H
#define SPECTRA_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_ASSERT(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The length of the next piece when an input is fed in pieces (the stream parsers must give
 * the same result whatever the pieces): cuts, cycled, pick lengths from 1 to max; NULL feeds
 * the rest whole. Never more than remaining. */
static inline size_t fuzz_next_chunk(const uint8_t *cuts, size_t cut_count, size_t *turn, size_t max, size_t remaining)
{
	size_t chunk = cuts && cut_count ? 1 + cuts[(*turn)++ % cut_count] % max : remaining;
	return chunk < remaining ? chunk : remaining;
}

/* A malloc'd NUL-terminated copy of the input (for the parsers that take C strings). */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	FUZZ_ASSERT(copy);
	if (size) {
		memcpy(copy, data, size);
	}
	copy[size] = '\0';
	return copy;
}

static inline bool fuzz_is_lower_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

static inline bool fuzz_is_any_hex(char c)
{
	return fuzz_is_lower_hex(c) || (c >= 'A' && c <= 'F');
}

static inline char fuzz_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
}

#endif
