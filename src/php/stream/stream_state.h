/* What Spectra::stream() has read in this process (Spectra::stats()): kept for the life of
 * the worker, like the export counters, not reset per request. */
#ifndef SPECTRA_PHP_STREAM_STATE_H
#define SPECTRA_PHP_STREAM_STATE_H

#include <stdint.h>

typedef struct {
	uint64_t streams;           /* streams completed into a record */
	uint64_t events;            /* events read from them */
	uint64_t unreadable_events; /* not JSON, over the size limit, or with a bad CRC */
	uint64_t framing_lost;      /* event-stream framings that could not be followed */
} spectra_stream_state;

#endif
