/* The pipeline of a finished call, in one place: extract -> usage overrides -> end ->
 * price -> publish -> span -> hand-off. Each stage is a call into its own module; none
 * calls the next. Takes: a started RequestContext and what the call gave (a response, or
 * the exception). Gives: array_out (when non-NULL) receives the record as the transformer
 * produced it. */
#ifndef SPECTRA_PHP_PIPELINE_PIPELINE_H
#define SPECTRA_PHP_PIPELINE_PIPELINE_H

#include "php.h"
#include "src/php/capture/context.h"

/* response: what the callback returned (NULL = nothing); usage: the caller's overrides. */
void spectra_pipeline_success(spectra_context_object *context, zval *response, HashTable *usage, zval *array_out);
/* has_status false: the status is read from the exception when it carries one. */
void spectra_pipeline_failure(spectra_context_object *context, zend_object *exception, zend_long http_status,
	bool has_status, zval *array_out);

#endif
