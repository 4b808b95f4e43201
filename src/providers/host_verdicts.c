#include "host_verdicts.h"

#include <string.h>

#include "hosts.h"

void spectra_host_verdicts_clear(spectra_host_verdicts *memo)
{
	memset(memo, 0, sizeof *memo);
}

/* Eight bytes a step (a multiply-xor mix): a host costs a few instructions, not a few per
 * byte. Only slot choice and a quick reject depend on it; a hit compares the bytes. */
static uint32_t host_hash(const char *host, size_t len)
{
	uint64_t hash = (uint64_t) len * 0x9E3779B97F4A7C15u;
	while (len > 0) {
		uint64_t word = 0;
		size_t n = len < 8 ? len : 8;
		memcpy(&word, host, n);
		hash = (hash ^ word) * 0xFF51AFD7ED558CCDu;
		hash ^= hash >> 32;
		host += n;
		len -= n;
	}
	return (uint32_t) hash;
}

const spectra_provider_info *spectra_host_verdicts_lookup(spectra_host_verdicts *memo, const char *host, size_t len)
{
	if (len == 0 || len > SPECTRA_HOST_VERDICT_HOST_MAX) {
		return spectra_provider_for_host(host, len);
	}
	uint32_t hash = host_hash(host, len);
	spectra_host_verdict *slot = &memo->slots[hash % SPECTRA_HOST_VERDICT_SLOTS];
	if (slot->hash == hash && slot->host_len == len && memcmp(slot->host, host, len) == 0) {
		return slot->provider;
	}
	const spectra_provider_info *provider = spectra_provider_for_host(host, len);
	slot->provider = provider;
	slot->hash = hash;
	slot->host_len = (uint8_t) len;
	memcpy(slot->host, host, len);
	return provider;
}
