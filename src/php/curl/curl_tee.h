/* The tee put between ext/curl and an application's CURLOPT_WRITEFUNCTION on a provider
 * request: an invokable object (Spectra\Internal\CurlWriteTee, final, not constructible
 * from PHP) that calls the application's callable with exactly the arguments curl gave,
 * returns exactly what it returned (an exception passes through untouched), and copies the
 * bytes into the handle's capture state. */
#ifndef SPECTRA_PHP_CURL_TEE_H
#define SPECTRA_PHP_CURL_TEE_H

#include "php.h"

void spectra_curl_tee_register(void);
/* A new tee around callable (copied). */
void spectra_curl_tee_create(zval *callable, zval *tee_out);
/* Whether value is one of our tees (curl_copy_handle() copies them with the handle). */
bool spectra_curl_is_tee(zval *value);

#endif
