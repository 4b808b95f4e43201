/* The record as the PHP array listeners, the transformer, span builders and
 * recordSuccess()/recordFailure() callers get (keys documented in README "The record"). */
#ifndef SPECTRA_PHP_PUBLISH_RECORD_ARRAY_H
#define SPECTRA_PHP_PUBLISH_RECORD_ARRAY_H

#include "php.h"
#include "src/php/capture/context_object.h"

void spectra_record_to_array(spectra_context_object *context, zval *out);

#endif
