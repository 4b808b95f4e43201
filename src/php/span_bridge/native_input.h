/* Native-builder input from a RequestContext: converts the context's PHP values (tags,
 * scalar metadata, trackable id) to C attributes and packs them with the record into a
 * span job. Takes: a finished context. Gives: a plain-C job (or a span built now). */
#ifndef SPECTRA_PHP_SPAN_BRIDGE_NATIVE_INPUT_H
#define SPECTRA_PHP_SPAN_BRIDGE_NATIVE_INPUT_H

#include "php.h"
#include "src/php/capture/context.h"
#include "src/span/span_job.h"

/* steal_record: take the record out of the context (after publish, nothing reads it
 * again) instead of borrowing it; the context keeps an empty completed record. */
spectra_span_job *spectra_span_job_capture(spectra_context_object *context, bool steal_record);

/* How many scalar metadata values the native span leaves out (beyond
 * SPECTRA_MAX_METADATA_ATTRIBUTES, src/record/limits.h); 0 when none. */
size_t spectra_span_metadata_dropped(const zval *metadata);

/* The native GenAI span for a context, built now (console exporter, PHP-builder fallback). */
spectra_span *spectra_span_build_native(spectra_context_object *context);

#endif
