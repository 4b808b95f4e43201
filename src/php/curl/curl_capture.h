/* Zero-code capture of ext/curl (spectra.auto_capture=1): the Zend observer API watches
 * curl_init/curl_setopt/curl_setopt_array/curl_exec/curl_reset/curl_copy_handle and the
 * curl_multi_* calls (function-table entries are never replaced). A request whose URL is a
 * provider's becomes a record, or fills in the record of the track() whose callback makes
 * it; inside withoutTracking() nothing is recorded. Any other request costs one host check
 * (a memo of answers by URL authority) and a byte read per observed call.
 * Request headers are never read. */
#ifndef SPECTRA_PHP_CURL_CAPTURE_H
#define SPECTRA_PHP_CURL_CAPTURE_H

#include <stdbool.h>

/* MINIT, after the INI entries: registers the observer when spectra.auto_capture is on. */
void spectra_curl_capture_startup(void);
bool spectra_curl_capture_enabled(void);
void spectra_curl_capture_rinit(void);
void spectra_curl_capture_rshutdown(void);

#endif
