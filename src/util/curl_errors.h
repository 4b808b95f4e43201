/* libcurl's result codes by their names (CURLE_COULDNT_CONNECT...): the error.type of a
 * request that failed before any answer. A name rather than curl's message: stable, short,
 * and never holding a URL. Plain C. */
#ifndef SPECTRA_UTIL_CURL_ERRORS_H
#define SPECTRA_UTIL_CURL_ERRORS_H

/* The name of a CURLcode; "CURLE_<n>" style codes not in the table are written into buf
 * (at least 24 bytes) and buf is returned. */
const char *spectra_curl_error_name(long code, char *buf, unsigned long buf_len);

#endif
