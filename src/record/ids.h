/* Ids and clocks: random trace/span ids, ULIDs, W3C traceparent, custom trace ids. */
#ifndef SPECTRA_RECORD_IDS_H
#define SPECTRA_RECORD_IDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

uint64_t spectra_clock_monotonic_ns(void);
uint64_t spectra_clock_wall_ns(void);

/* Fills with random bytes, never all zero (an all-zero id is invalid in OTLP/W3C). */
void spectra_random_id(uint8_t *out, size_t len);
/* 26-char Crockford base32 ULID from a wall-clock ms timestamp and 80 random bits. */
void spectra_ulid(char out[27], uint64_t wall_ms);

void spectra_hex_encode(const uint8_t *bytes, size_t len, char *out /* 2*len+1 */);

typedef struct {
	uint8_t trace_id[16];
	uint8_t parent_id[8];
	uint8_t flags;
} spectra_traceparent;

/* W3C Trace Context parsing (version 00 exact, higher versions by prefix, OWS trimmed). */
bool spectra_traceparent_parse(const char *value, size_t len, spectra_traceparent *out);

/* A custom trace id: 32 hex digits (any case) or a UUID (8-4-4-4-12). Not all zero. */
bool spectra_trace_id_parse(const char *value, size_t len, uint8_t out[16]);

#endif
