/* Publish stage: the finished record goes to the span stage, and — only when someone
 * asked for it — becomes a PHP array, passes the transformer and reaches the listeners
 * as a RequestTracked event. */
#ifndef SPECTRA_PUBLISH_PUBLISH_H
#define SPECTRA_PUBLISH_PUBLISH_H

#include "php.h"
#include "src/php/capture/context.h"

extern zend_class_entry *spectra_ce_request_tracked;
extern zend_class_entry *spectra_ce_request_transformer;

/* The publish stage of a finished call. array receives the record as a PHP array, passed
 * through the transformer and dispatched to the listeners and spectra.event_dispatcher, when
 * want_array, a hook, or a PHP span builder (builder_wants_array) needs it; else it is left UNDEF. Returns false when PHP code may not
 * run now (request shutdown, a pending exception): the array, if any, was not transformed
 * and must not reach a PHP span builder. */
bool spectra_publish(spectra_context_object *context, bool want_array, bool builder_wants_array, zval *array);

#endif
