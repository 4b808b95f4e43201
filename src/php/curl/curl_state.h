/* Request state of ext/curl capture (spectra.auto_capture=1): what is known about each
 * CurlHandle of the request. Two tables, so that a request to any other host costs one
 * host check and one integer key:
 *   other    object handle number => true, for handles whose URL is known and belongs to no
 *            provider. A stale entry (the handle was freed, the number reused) is harmless:
 *            every new CurlHandle comes from curl_init() or curl_copy_handle(), both
 *            observed, and each sets its own entry.
 *   handles  a weak map CurlHandle => spectra_curl_handle * (src/php/curl/curl_handles.h)
 *            for provider URLs and handles whose URL is not known yet: the entry goes with
 *            the object (zend_weakrefs_hash_add), with the record in flight if any. */
#ifndef SPECTRA_PHP_CURL_STATE_H
#define SPECTRA_PHP_CURL_STATE_H

#include "php.h"

typedef struct {
	bool ready; /* the tables are initialised (capture on, request started) */
	HashTable other;
	HashTable handles;
	int own_calls; /* > 0 while capture calls curl_* itself: those calls are not observed */
	/* host => provider (NULL: none) as the provider table answered, kept across requests
	 * (the table and the spectra.providers.*.hosts settings are fixed after startup): a
	 * host seen before costs one hash lookup, not a scan of every pattern. Persistent,
	 * bounded (SPECTRA_CURL_HOST_CACHE entries, then started again); freed at GSHUTDOWN. */
	HashTable host_cache;
	bool host_cache_ready;
} spectra_curl_state;

#define SPECTRA_CURL_HOST_CACHE 256

#endif
