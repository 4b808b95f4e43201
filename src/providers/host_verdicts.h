/* A memo of host -> provider answers (spectra_provider_for_host), so that a host seen before
 * costs one hash of its bytes and one comparison instead of a scan of every pattern: most
 * curl traffic goes to a few hosts that are no provider. Direct-mapped and fixed-size: no
 * allocation, a colliding host replaces the slot's; hosts longer than a slot holds are
 * answered by the table each time. Plain C; the caller owns the memo (one per thread). */
#ifndef SPECTRA_PROVIDERS_HOST_VERDICTS_H
#define SPECTRA_PROVIDERS_HOST_VERDICTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "providers.h"

#define SPECTRA_HOST_VERDICT_SLOTS 256
#define SPECTRA_HOST_VERDICT_HOST_MAX 94

typedef struct {
	const spectra_provider_info *provider; /* NULL: no provider */
	uint32_t hash;
	uint8_t host_len; /* 0: an empty slot */
	char host[SPECTRA_HOST_VERDICT_HOST_MAX];
} spectra_host_verdict;

typedef struct {
	spectra_host_verdict slots[SPECTRA_HOST_VERDICT_SLOTS];
} spectra_host_verdicts;

/* Empties the memo (the provider table or custom hosts changed, or before first use). */
void spectra_host_verdicts_clear(spectra_host_verdicts *memo);
/* The provider for host (no port, no scheme), or NULL; remembered for the next call. */
const spectra_provider_info *spectra_host_verdicts_lookup(spectra_host_verdicts *memo, const char *host, size_t len);

#endif
