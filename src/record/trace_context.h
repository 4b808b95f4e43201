/* W3C Trace Context (https://www.w3.org/TR/trace-context/): the traceparent and tracestate
 * headers of an incoming request, and custom trace ids given by the application. */
#ifndef SPECTRA_RECORD_TRACE_CONTEXT_H
#define SPECTRA_RECORD_TRACE_CONTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint8_t trace_id[16];
	uint8_t parent_id[8];
	uint8_t flags;
} spectra_traceparent;

/* Parses a traceparent value, OWS (spaces, tabs) around it ignored: version 00 is exactly
 * "00-<32 hex>-<16 hex>-<2 hex>"; a higher version (not ff) starts the same way and may go
 * on after a '-'. Lowercase hex only; an all-zero trace id or parent id is invalid. Fills
 * *out only on success. */
bool spectra_traceparent_parse(const char *value, size_t len, spectra_traceparent *out);

/* At most this many list members in a tracestate (W3C: 32). */
#define SPECTRA_TRACESTATE_MAX_MEMBERS 32

/* Validates a tracestate value (several headers combined with ',' are one value). Members
 * are key=value separated by ',' with OWS around them; empty members are allowed. A key is
 * 1-256 chars of a-z 0-9 _ - * / @ starting with a-z or 0-9 (Trace Context Level 2, which
 * includes the Level 1 tenant@system keys); a value is 1-256 printable ASCII chars
 * (0x20-0x7E) other than ',' and '=', not ending in a space.
 * Returns a malloc'd copy with OWS and empty members removed ("a=1,b=2"), or NULL: when any
 * member is malformed, a key repeats, there are more than 32 members (W3C lets a receiver
 * discard such a header whole, and then it must not be propagated), when there is no member
 * at all, or on OOM. */
char *spectra_tracestate_normalize(const char *value, size_t len);

/* A custom trace id: 32 hex digits (any case) or a UUID (8-4-4-4-12). Not all zero. Fills
 * out only on success. */
bool spectra_trace_id_parse(const char *value, size_t len, uint8_t out[16]);

#endif
