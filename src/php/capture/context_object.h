/* The RequestContext object's C layout: the record plus the PHP-only values of one
 * in-flight call. Type only, so the option parsing can fill it without depending on the
 * context's lifecycle code. */
#ifndef SPECTRA_PHP_CAPTURE_CONTEXT_OBJECT_H
#define SPECTRA_PHP_CAPTURE_CONTEXT_OBJECT_H

#include "php.h"
#include "src/record/record.h"

typedef struct {
	spectra_record *record;
	zval metadata;       /* array */
	zval tags;           /* list of strings, at most SPECTRA_MAX_TAGS */
	size_t tags_dropped; /* tags refused by that cap (global and per-call) */
	zval trackable_id;   /* string|int, UNDEF when none */
	zval usage_override; /* array from setUsage(), applied after extraction; UNDEF = none */
	zend_object std;
} spectra_context_object;

extern zend_class_entry *spectra_ce_request_context;

static inline spectra_context_object *spectra_context_from_obj(zend_object *obj)
{
	return (spectra_context_object *) ((char *) obj - XtOffsetOf(spectra_context_object, std));
}

#endif
