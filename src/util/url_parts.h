/* The parts of a URL that capture needs, found in place without allocating: the host (for
 * the provider check every captured request pays), the port and the path. Never the query:
 * it may carry a key (`?key=`, `?api_key=`). Plain C. */
#ifndef SPECTRA_UTIL_URL_PARTS_H
#define SPECTRA_UTIL_URL_PARTS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	const char *host; /* without brackets for an IPv6 literal */
	size_t host_len;
	long port;        /* the explicit port, else the scheme's (80 for http, 443 otherwise) */
	const char *path; /* from the first '/' after the authority up to '?' or '#'; "/" if none */
	size_t path_len;
} spectra_url_parts;

/* "scheme://user:pass@host:port/path?query#fragment" (the scheme may be missing, as libcurl
 * allows). False when there is no host, or the port is not a number from 1 to 65535. */
bool spectra_url_split(const char *url, size_t len, spectra_url_parts *out);
/* Only the host, as spectra_url_split() finds it (the port is not checked). */
bool spectra_url_host(const char *url, size_t len, const char **host, size_t *host_len);
/* The authority ("user:pass@host:port", as spectra_url_split() bounds it), found without
 * looking inside it: the check every captured request pays. False when it is empty. Its
 * host is spectra_url_host() of the authority alone. */
bool spectra_url_authority(const char *url, size_t len, const char **authority, size_t *authority_len);

#endif
