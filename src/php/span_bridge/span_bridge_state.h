/* Request state of the span bridge: the PHP span builder in force. */
#ifndef SPECTRA_PHP_SPAN_BRIDGE_STATE_H
#define SPECTRA_PHP_SPAN_BRIDGE_STATE_H

#include "php.h"

typedef struct {
	zval builder; /* UNDEF = INI/native, NULL = native, object or callable */
} spectra_span_bridge_state;

void spectra_span_bridge_rinit(void);
void spectra_span_bridge_rshutdown(void);

#endif
