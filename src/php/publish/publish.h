/* Publish stage: the finished record goes to the span stage, and — only when someone
 * asked for it — becomes a PHP array, passes the transformer and reaches the listeners
 * as a RequestTracked event. */
#ifndef SPECTRA_PUBLISH_PUBLISH_H
#define SPECTRA_PUBLISH_PUBLISH_H

#include "php.h"
#include "src/php/capture/context.h"

extern zend_class_entry *spectra_ce_request_tracked;
extern zend_class_entry *spectra_ce_request_transformer;

/* array_out, when given, receives the transformed array (the caller asked for it). */
void spectra_publish(spectra_context_object *context, zval *array_out);

/* The record as a PHP array (DESIGN.md §3 keys). */
void spectra_record_to_array(spectra_context_object *context, zval *out);

/* True when a PHP array is needed for listeners, transformer or span builder. */
bool spectra_publish_needs_array(void);

#endif
