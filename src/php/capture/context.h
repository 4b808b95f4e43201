/* Spectra\RequestContext: the PHP face of one in-flight record. The C record carries
 * everything the span needs; the PHP-only values (metadata of any type, the tag list,
 * the trackable id's original type) stay zvals here and are read only when someone asks
 * for the PHP array. */
#ifndef SPECTRA_CAPTURE_CONTEXT_H
#define SPECTRA_CAPTURE_CONTEXT_H

#include "php.h"
#include "src/record/record.h"

typedef struct {
	spectra_record *record;
	zval metadata;       /* array */
	zval tags;           /* list of strings */
	zval trackable_id;   /* string|int, UNDEF when none */
	zval usage_override; /* array from setUsage(), applied after extraction; UNDEF = none */
	zend_object std;
} spectra_context_object;

extern zend_class_entry *spectra_ce_request_context;

static inline spectra_context_object *spectra_context_from_obj(zend_object *obj)
{
	return (spectra_context_object *) ((char *) obj - XtOffsetOf(spectra_context_object, std));
}

void spectra_context_register(zend_class_entry *ce);

/* Starts a record: ids, clocks, the request's trace, globals merged with options.
 * Throws TypeError/ValueError for bad options and returns false. */
bool spectra_context_start(zend_string *provider, zend_string *model, HashTable *options, uint32_t options_arg_num,
	zval *context_out);

/* Ends the record (success or failure) and sends it down the pipeline. If array_out is
 * non-NULL it receives the record as the transformer produced it. */
void spectra_context_finish_success(spectra_context_object *context, zval *response, HashTable *usage, zval *array_out);
void spectra_context_finish_failure(spectra_context_object *context, zend_object *exception, zend_long http_status,
	bool has_status, zval *array_out);

#endif
