/* What a streamed response said (spectra_stream_usage), written into its record when the
 * stream is over, however it ended. Plain C.
 *
 * Usage the stream reported is taken as it is. A stream that reported none (OpenAI chat
 * without stream_options.include_usage, a stream cut short before its usage event) gets its
 * output tokens estimated from the streamed text (spectra_stream_usage_estimated_output) and
 * usage_estimated set, so the price says it is not known. A stream that ended before its end
 * (the consumer stopped reading, or the request ended first) gets a finish reason that says
 * so after the provider's own. */
#ifndef SPECTRA_STREAM_STREAM_RECORD_H
#define SPECTRA_STREAM_STREAM_RECORD_H

#include "../record/record.h"
#include "stream_usage.h"

typedef enum {
	SPECTRA_STREAM_ENDED,      /* the source ran out */
	SPECTRA_STREAM_STOPPED,    /* the consumer stopped reading (the generator was destroyed) */
	SPECTRA_STREAM_UNFINISHED, /* the request ended with the stream still open */
	SPECTRA_STREAM_FAILED,     /* the source threw: the failure is recorded from the exception */
} spectra_stream_end;

/* The finish reasons added for a stream that did not run to its end. */
#define SPECTRA_FINISH_STREAM_STOPPED "stream_stopped"
#define SPECTRA_FINISH_STREAM_UNFINISHED "stream_unfinished"

void spectra_stream_record(spectra_record *record, const spectra_stream_usage *usage, spectra_stream_end how);

#endif
