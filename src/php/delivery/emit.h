/* Delivery: span jobs of finished calls to the console, or to the exporter's sender thread
 * by export mode (after_response: held until the request ends; background: queued now;
 * sync: encoded and posted now). Also flush(), stats() and the export side's lifecycle. */
#ifndef SPECTRA_SPAN_EMIT_H
#define SPECTRA_SPAN_EMIT_H

#include "php.h"
#include "src/span/span.h"
#include "src/span/span_job.h"

/* False when no span goes anywhere (exporter none, or export off): skip the span stage. */
bool spectra_delivery_active(void);
/* The hand-off stage of a finished call: takes the job (NULL: nothing to do). */
void spectra_delivery_hand_off(spectra_span_job *job);

/* After_response: hands the request's spans to the sender. Also for flush(). */
void spectra_span_request_end(void);
/* RSHUTDOWN: request_end plus freeing the per-request list. */
void spectra_span_request_release(void);
bool spectra_span_flush(zend_long timeout_ms);
void spectra_span_stats_array(zval *out);

/* Module lifecycle of the export side. */
void spectra_export_module_startup(void);
void spectra_export_module_shutdown(void);
void spectra_export_info(void);

#endif
