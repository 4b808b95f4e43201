/* A memo of provider answers by URL authority ("host", "host:port", as spectra_url_authority()
 * gives it), so that an authority seen before costs one hash of its bytes and one comparison
 * instead of parsing it and scanning every host pattern: most curl traffic goes to a few
 * hosts that are no provider. Direct-mapped and fixed-size: no allocation, a colliding
 * authority replaces the slot's. Not kept, so answered by the table each time: authorities
 * longer than a slot holds, and any with userinfo (it may hold a password). Plain C; the
 * caller owns the memo (one per thread). */
#ifndef SPECTRA_PROVIDERS_HOST_VERDICTS_H
#define SPECTRA_PROVIDERS_HOST_VERDICTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "providers.h"

#define SPECTRA_HOST_VERDICT_SLOTS 256
#define SPECTRA_HOST_VERDICT_KEY_MAX 94

typedef struct {
	const spectra_provider_info *provider; /* NULL: no provider */
	uint32_t hash;
	uint8_t key_len; /* 0: an empty slot */
	char key[SPECTRA_HOST_VERDICT_KEY_MAX];
} spectra_host_verdict;

/* Room for a URL's "scheme://" and an authority a slot holds. */
#define SPECTRA_HOST_VERDICT_URL_MAX (SPECTRA_HOST_VERDICT_KEY_MAX + 16)

typedef struct {
	spectra_host_verdict slots[SPECTRA_HOST_VERDICT_SLOTS];
	/* the last URL asked for, up to the end of its authority ("https://api.example.com:8443"),
	 * and the answer: a client calling one host again and again pays one comparison */
	const spectra_provider_info *recent_provider;
	uint8_t recent_len; /* 0: none */
	char recent[SPECTRA_HOST_VERDICT_URL_MAX];
} spectra_host_verdicts;

/* Empties the memo (the provider table or custom hosts changed, or before first use; all
 * zero bytes are an empty memo too). */
void spectra_host_verdicts_clear(spectra_host_verdicts *memo);
/* The provider whose host the authority names, or NULL; remembered for the next call. */
const spectra_provider_info *spectra_host_verdicts_lookup(spectra_host_verdicts *memo, const char *authority,
	size_t len);
/* The provider whose host a URL names (its authority as spectra_url_authority() bounds it),
 * or NULL: the last URL's scheme and authority are compared first, then the memo. */
const spectra_provider_info *spectra_host_verdicts_for_url(spectra_host_verdicts *memo, const char *url, size_t len);

#endif
