/* An ext/curl request to a provider, read into its record: the URL (server address, port,
 * the endpoint as a path without its query) and the body (string or array POSTFIELDS): model,
 * stream flag. Headers are never read, so keys in them cannot reach a record. */
#ifndef SPECTRA_PHP_CURL_REQUEST_H
#define SPECTRA_PHP_CURL_REQUEST_H

#include "php.h"
#include "src/php/curl/curl_handles.h"
#include "src/record/record.h"

/* The provider a URL names (its host against the provider table and the
 * spectra.providers.<slug>.hosts settings), or NULL. */
const spectra_provider_info *spectra_curl_provider_for_url(const char *url, size_t len);

/* The request body as an array (a JSON string decoded, an array as is), or UNDEF. */
void spectra_curl_request_body(const spectra_curl_handle *state, zval *body_out);
/* The model the request names: the body's "model", else a "/models/{model}:..." path
 * segment (Gemini); NULL when neither. */
/* Why the request's body (body: what spectra_curl_request_body() gave) was not read, as the
 * record's request_body_skipped says it; NULL when it was read or there is none. */
const char *spectra_curl_request_body_skipped(const spectra_curl_handle *state, const zval *body);

zend_string *spectra_curl_request_model(const spectra_curl_handle *state, HashTable *body);
/* Fills what the request says into the record (replacing the server address and port a
 * track() took from the provider table; endpoint and operation only where unset). */
void spectra_curl_request_apply(spectra_record *record, const spectra_curl_handle *state, HashTable *body);

#endif
