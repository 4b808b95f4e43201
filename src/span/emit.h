/* Span stage entry: record -> span (native builder, or the user's PHP builder through
 * the bridge) -> encoded payload -> the exporter, by export mode. */
#ifndef SPECTRA_SPAN_EMIT_H
#define SPECTRA_SPAN_EMIT_H

#include "php.h"
#include "span.h"
#include "../capture/context.h"

/* php_array is the (transformed) record array when one was built, else NULL. */
void spectra_span_emit(spectra_context_object *context, zval *php_array);
bool spectra_span_builder_is_php(void);

/* What the native builder needs, detached from PHP: the finished record plus the tags,
 * scalar metadata and trackable id snapshotted from the context's zvals. Captured on the
 * request thread; the span itself can then be built on any thread. A job may instead
 * carry a span already built by a PHP span builder. */
typedef struct {
	spectra_record *record;
	bool owns_record;
	spectra_attr_list context_attrs; /* spectra.tags, spectra.metadata.*, spectra.trackable.id */
	bool legacy_attributes;          /* spectra.span_compat */
	spectra_span *prebuilt;
} spectra_span_job;

/* steal_record: take the record out of the context (after publish, nothing reads it
 * again) instead of borrowing it; the context keeps an empty completed record. */
spectra_span_job *spectra_span_job_capture(spectra_context_object *context, bool steal_record);
spectra_span_job *spectra_span_job_for_span(spectra_span *span);
/* Builds (or hands over the prebuilt) span; plain C, safe on the sender thread. */
spectra_span *spectra_span_job_build(spectra_span_job *job);
void spectra_span_job_free(spectra_span_job *job);

/* A span carrying the record's identity only: ids, parent (+ tracestate and W3C flags),
 * kind CLIENT, start/end times. Both builders start from it. */
spectra_span *spectra_span_for_record(const spectra_record *record);

/* Native GenAI span for a context, built now. */
spectra_span *spectra_span_build_native(spectra_context_object *context);

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
