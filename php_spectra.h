#ifndef PHP_SPECTRA_H
#define PHP_SPECTRA_H

#include "php.h"

#include "src/php/capture/capture_state.h"
#include "src/php/capture/trace_state.h"
#include "src/php/curl/curl_state.h"
#include "src/php/delivery/delivery_state.h"
#include "src/php/publish/publish_state.h"
#include "src/php/sandbox/sandbox_state.h"
#include "src/php/settings/settings_table.h"
#include "src/php/span_bridge/span_bridge_state.h"
#include "src/php/stream/stream_state.h"

extern zend_module_entry spectra_module_entry;
#define phpext_spectra_ptr &spectra_module_entry

#define PHP_SPECTRA_VERSION "0.1.0"
#define PHP_SPECTRA_NAME "spectra"

#if defined(ZTS) && defined(COMPILE_DL_SPECTRA)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

/* Module globals. Everything marked "request" is reset at the end of each request, so
 * nothing leaks from one request (or one Octane-style job) into the next. */
ZEND_BEGIN_MODULE_GLOBALS(spectra)
	/* INI: one field per row of src/php/settings/settings_table.h */
	SPECTRA_SETTINGS(SPECTRA_SETTING_GLOBALS_FIELD)

	/* request state, one part per stage; each stage resets its own part (its rinit and
	 * rshutdown hooks, called in order from spectra.c) */
	spectra_sandbox_state sandbox;
	spectra_capture_state capture;
	spectra_trace_state trace;
	spectra_publish_state publish;
	spectra_span_bridge_state span_bridge;
	spectra_delivery_state delivery;
	spectra_curl_state curl;
	/* process state */
	spectra_stream_state streams;
ZEND_END_MODULE_GLOBALS(spectra)

ZEND_EXTERN_MODULE_GLOBALS(spectra)
#define SPECTRA_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(spectra, v)

#endif
