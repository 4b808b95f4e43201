/* The span stage of a finished call. Takes: the completed context and the record array
 * publish made (NULL when none, or when PHP code may not run). Gives: a span job for
 * delivery: the user's PHP span builder runs now, on the request thread (it is PHP); the
 * native span is only captured here and built on the sender thread. */
#ifndef SPECTRA_PHP_SPAN_BRIDGE_SPAN_STAGE_H
#define SPECTRA_PHP_SPAN_BRIDGE_SPAN_STAGE_H

#include "php.h"
#include "src/php/capture/context.h"
#include "src/span/span_job.h"

/* NULL only when out of memory. */
spectra_span_job *spectra_span_stage(spectra_context_object *context, zval *php_array);

#endif
