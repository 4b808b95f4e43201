/* Request state of ext/curl capture (spectra.auto_capture=1): what is known about each
 * CurlHandle of the request, so that a request to any other host costs one host check and
 * a few byte reads:
 *   marks    a byte per object handle number (SPECTRA_CURL_MARK_*): OTHER for handles whose
 *            URL is known and belongs to no provider, STATE for handles that may have an
 *            entry in handles (no mark: no lookup). A stale byte (the handle was freed, the
 *            number reused) is harmless: every new CurlHandle comes from curl_init() or
 *            curl_copy_handle(), both observed, and each sets its own byte.
 *   handles  a weak map CurlHandle => spectra_curl_handle * (src/php/curl/curl_handles.h)
 *            for provider URLs and handles whose URL is not known yet: the entry goes with
 *            the object (zend_weakrefs_hash_add), with the record in flight if any. */
#ifndef SPECTRA_PHP_CURL_STATE_H
#define SPECTRA_PHP_CURL_STATE_H

#include "php.h"
#include "src/providers/host_verdicts.h"

#define SPECTRA_CURL_MARK_OTHER 1
#define SPECTRA_CURL_MARK_STATE 2

typedef struct {
	bool ready;           /* the tables are initialised (capture on, request started) */
	unsigned char *marks; /* emalloc'd, grown on demand, freed at RSHUTDOWN */
	size_t marks_size;
	HashTable handles;
	int own_calls; /* > 0 while capture calls curl_* itself: those calls are not observed */
	/* URL authority => provider as the provider table answered, kept across requests (the
	 * table and the spectra.providers.*.hosts settings change only at startup, or when an FPM
	 * pool applies its lines, which empties it); the zero bytes GINIT leaves are an empty memo */
	spectra_host_verdicts host_verdicts;
} spectra_curl_state;

#endif
