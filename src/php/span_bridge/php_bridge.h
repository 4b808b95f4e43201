/* Bridge to a user span builder written in PHP: record array in, OTLP-JSON-shaped span
 * array out, converted here to the C span. Also the C side of DefaultSpanBuilder, whose
 * protected hooks each return the native values so a subclass can override just one. */
#ifndef SPECTRA_SPAN_PHP_BRIDGE_H
#define SPECTRA_SPAN_PHP_BRIDGE_H

#include "php.h"
#include "src/span/span.h"
#include "src/php/capture/context.h"

extern zend_class_entry *spectra_ce_span_builder;
extern zend_class_entry *spectra_ce_default_span_builder;

/* True when a PHP span builder is in force (useSpanBuilder() or spectra.otel.span_builder). */
bool spectra_span_builder_is_php(void);

/* Never NULL unless out of memory: a failing or malformed builder gives the native span. */
spectra_span *spectra_span_from_php_builder(spectra_context_object *context, zval *php_array);

/* Converts an OTLP-JSON span array; missing ids and times come from the record.
 * On a malformed array returns NULL and writes the reason. */
spectra_span *spectra_span_from_otlp_array(HashTable *array, const spectra_record *record, char *error,
	size_t error_size);

#endif
