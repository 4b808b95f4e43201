/* Span stage entry: record -> span (native builder, or the user's PHP builder through
 * the bridge) -> encoded payload -> the exporter, by export mode. */
#ifndef SPECTRA_SPAN_EMIT_H
#define SPECTRA_SPAN_EMIT_H

#include "php.h"
#include "src/span/span.h"
#include "src/span/span_job.h"
#include "src/php/capture/context.h"

/* php_array is the (transformed) record array when one was built, else NULL. */
void spectra_span_emit(spectra_context_object *context, zval *php_array);
bool spectra_span_builder_is_php(void);

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
