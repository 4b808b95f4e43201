/* Request state of publish: the listeners and the transformer of this request. */
#ifndef SPECTRA_PHP_PUBLISH_STATE_H
#define SPECTRA_PHP_PUBLISH_STATE_H

#include "php.h"

typedef struct {
	zval listeners;   /* list of callables */
	zval transformer; /* UNDEF = INI/default, NULL = default, object or callable */
} spectra_publish_state;

void spectra_publish_rinit(void);
/* Drops the hooks; their destructors may still track (records then go out directly). */
void spectra_publish_rshutdown(void);

#endif
