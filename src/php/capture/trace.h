/* The trace of the current PHP request: continued from an incoming W3C traceparent when
 * there is a valid one, else a fresh random trace id. Every record of the request shares it. */
#ifndef SPECTRA_CAPTURE_TRACE_H
#define SPECTRA_CAPTURE_TRACE_H

#include "php.h"
#include "src/record/record.h"

/* Fills the record's trace id, parent and flags from the request trace (or the custom
 * trace id set with withTraceId()), and gives it a fresh span id. */
void spectra_trace_assign(spectra_record *record);
/* Hex of the trace id records of this request get. */
void spectra_trace_current_hex(char out[33]);
/* Drops the custom trace id of Spectra::withTraceId(). */
void spectra_trace_clear_custom_id(void);

#endif
