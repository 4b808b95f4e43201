/* Request state of capture: the globals set from PHP (Spectra::withMetadata() and
 * friends), merged into every record of the request, and withoutTracking() nesting. */
#ifndef SPECTRA_PHP_CAPTURE_STATE_H
#define SPECTRA_PHP_CAPTURE_STATE_H

#include "php.h"

typedef struct {
	zval metadata;             /* array */
	zval tags;                 /* list of strings, at most SPECTRA_MAX_TAGS */
	size_t tags_dropped;       /* global tags refused by that cap */
	zend_string *pricing_tier; /* NULL = none */
	zend_string *trackable_type;
	zval trackable_id; /* string|int, UNDEF when none */
	/* withoutTracking() nesting per fiber: fiber pointer (0 = main) => depth. Suppression
	 * follows the fiber that set it, so a Fiber suspended inside withoutTracking() does
	 * not turn tracking off for the code that runs while it waits. */
	HashTable suppressed;
	/* The RequestContext of the innermost track() whose callback is running, and the fiber
	 * it runs in (NULL = none): ext/curl capture enriches that record rather than making a
	 * second one. */
	zend_object *current_track;
	void *current_track_fiber;
} spectra_capture_state;

void spectra_capture_rinit(void);
/* Clears the globals (also Spectra::clearGlobals()). */
void spectra_capture_clear_globals(void);
void spectra_capture_rshutdown(void);

#endif
