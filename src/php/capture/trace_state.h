/* Request state of the trace: the trace every record of the request shares (continued
 * from an incoming traceparent, or new), and a custom id from Spectra::withTraceId(). */
#ifndef SPECTRA_PHP_TRACE_STATE_H
#define SPECTRA_PHP_TRACE_STATE_H

#include <stdbool.h>
#include <stdint.h>

typedef struct {
	bool ready; /* resolved lazily, on the first record */
	uint8_t trace_id[16];
	bool has_parent;
	uint8_t parent_span_id[8];
	uint8_t flags;
	char *state; /* incoming tracestate, malloc'd; NULL = none */
	bool has_custom_trace_id;
	uint8_t custom_trace_id[16];
} spectra_trace_state;

void spectra_trace_rinit(void);
void spectra_trace_rshutdown(void);

#endif
