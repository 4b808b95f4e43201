/* Spectra\RequestContext: the PHP face of one in-flight record. The C record carries
 * everything the span needs; the PHP-only values (metadata of any type, the tag list,
 * the trackable id's original type) stay zvals here and are read only when someone asks
 * for the PHP array. */
#ifndef SPECTRA_CAPTURE_CONTEXT_H
#define SPECTRA_CAPTURE_CONTEXT_H

#include "php.h"
#include "src/php/capture/context_object.h"
#include "src/record/record.h"

void spectra_context_register(zend_class_entry *ce);

/* False outside a request (after RSHUTDOWN released the request state): code running
 * then, e.g. a late destructor, still runs its callback but records nothing. */
bool spectra_capture_request_ready(void);
/* The running fiber, as a key of the per-fiber suppression table (0 = the main context). */
static inline zend_ulong spectra_capture_fiber_key(void)
{
	return (zend_ulong) (uintptr_t) EG(active_fiber);
}
/* Records are made now: the extension is enabled, the request is running, and no
 * withoutTracking() of this fiber is. */
bool spectra_capture_tracking_active(void);

/* Starts a record: ids, clocks, the request's trace, globals merged with options.
 * Throws TypeError/ValueError for bad options and returns false. */
bool spectra_context_start(zend_string *provider, zend_string *model, HashTable *options, uint32_t options_arg_num,
	zval *context_out);

/* The capture steps of a finished call; src/php/pipeline runs them with the other stages. */
/* Usage from RequestContext::setUsage() and then the caller's array override what the
 * response said (a bad entry: one warning, ignored). */
void spectra_context_apply_usage(spectra_context_object *context, HashTable *usage);
/* A failure: error type = the exception's class, its message, the HTTP status given or
 * read from the exception (Guzzle/PSR-18 getResponse(), Laravel ->response, getStatusCode()). */
void spectra_context_mark_failure(spectra_context_object *context, zend_object *exception, zend_long http_status,
	bool has_status);
/* Stops the clock and completes the record (status 200 when none; >= 400 is a failure). */
void spectra_context_end(spectra_context_object *context);

#endif
