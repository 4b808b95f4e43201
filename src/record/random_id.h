/* Random trace/span ids and ULIDs (record ids). */
#ifndef SPECTRA_RECORD_RANDOM_ID_H
#define SPECTRA_RECORD_RANDOM_ID_H

#include <stddef.h>
#include <stdint.h>

/* Fills with random bytes, never all zero (an all-zero id is invalid in OTLP/W3C). */
void spectra_random_id(uint8_t *out, size_t len);

/* 26-char Crockford base32 ULID from a wall-clock ms timestamp and 80 random bits. */
void spectra_ulid(char out[27], uint64_t wall_ms);

/* The ULID of the given parts: 10 chars of the 48-bit ms timestamp (bits above 48 are
 * dropped), then 16 chars of the 80 bits of random (big-endian), then a NUL. */
void spectra_ulid_encode(char out[27], uint64_t wall_ms, const uint8_t random[10]);

#endif
