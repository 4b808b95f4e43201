#include "host_verdicts.h"

#include <string.h>

#include "../util/url_parts.h"
#include "hosts.h"

void spectra_host_verdicts_clear(spectra_host_verdicts *memo)
{
	memset(memo, 0, sizeof *memo);
}

static uint64_t mix(uint64_t hash, uint64_t word)
{
	hash = (hash ^ word) * 0xFF51AFD7ED558CCDu;
	return hash ^ (hash >> 32);
}

/* Eight bytes a step (the last eight overlap the one before): an authority costs a few
 * instructions, not a few per byte. Only slot choice and a quick reject depend on it; a hit
 * compares the bytes. */
static uint32_t key_hash(const char *key, size_t len)
{
	uint64_t hash = (uint64_t) len * 0x9E3779B97F4A7C15u, word = 0;
	if (len >= 8) {
		for (size_t i = 0; i + 8 < len; i += 8) {
			memcpy(&word, key + i, 8); /* a constant size: one load */
			hash = mix(hash, word);
		}
		memcpy(&word, key + len - 8, 8);
		return (uint32_t) mix(hash, word);
	}
	for (size_t i = 0; i < len; i++) {
		word |= (uint64_t) (unsigned char) key[i] << (8 * i);
	}
	return (uint32_t) mix(hash, word);
}

/* Whether len (at least 8) bytes at a and b match: eight bytes a step as the hash reads them
 * (the last eight overlap the one before), so that a usual key costs no call. */
static bool same_bytes(const char *a, const char *b, size_t len)
{
	uint64_t ours, theirs;
	for (size_t i = 0; i + 8 < len; i += 8) {
		memcpy(&ours, a + i, 8);
		memcpy(&theirs, b + i, 8);
		if (ours != theirs) {
			return false;
		}
	}
	memcpy(&ours, a + len - 8, 8);
	memcpy(&theirs, b + len - 8, 8);
	return ours == theirs;
}

static bool slot_holds(const spectra_host_verdict *slot, uint32_t hash, const char *key, size_t len)
{
	if (slot->hash != hash || slot->key_len != len) {
		return false;
	}
	return len < 8 ? memcmp(slot->key, key, len) == 0 : same_bytes(slot->key, key, len);
}

static const spectra_provider_info *provider_for_authority(const char *authority, size_t len)
{
	const char *host;
	size_t host_len;
	return spectra_url_host(authority, len, &host, &host_len) ? spectra_provider_for_host(host, host_len) : NULL;
}

const spectra_provider_info *spectra_host_verdicts_lookup(spectra_host_verdicts *memo, const char *authority,
	size_t len)
{
	if (len == 0 || len > SPECTRA_HOST_VERDICT_KEY_MAX) {
		return provider_for_authority(authority, len);
	}
	uint32_t hash = key_hash(authority, len);
	spectra_host_verdict *slot = &memo->slots[hash % SPECTRA_HOST_VERDICT_SLOTS];
	if (slot_holds(slot, hash, authority, len)) {
		return slot->provider;
	}
	const spectra_provider_info *provider = provider_for_authority(authority, len);
	if (!memchr(authority, '@', len)) {
		slot->provider = provider;
		slot->hash = hash;
		slot->key_len = (uint8_t) len;
		memcpy(slot->key, authority, len);
	}
	return provider;
}

/* Whether the URL starts with the recent one's scheme and authority, and its authority ends
 * there (a kept prefix is at least "http://" and a byte: nine). */
static bool continues_recent(const spectra_host_verdicts *memo, const char *url, size_t len)
{
	size_t prefix = memo->recent_len;
	if (!prefix || len < prefix || (len > prefix && url[prefix] != '/' && url[prefix] != '?' && url[prefix] != '#')) {
		return false;
	}
	return same_bytes(memo->recent, url, prefix);
}

_Static_assert(SPECTRA_HOST_VERDICT_URL_MAX <= UINT8_MAX, "recent_len is a byte");

const spectra_provider_info *spectra_host_verdicts_for_url(spectra_host_verdicts *memo, const char *url, size_t len)
{
	if (continues_recent(memo, url, len)) {
		return memo->recent_provider;
	}
	const char *authority;
	size_t authority_len;
	if (!spectra_url_authority(url, len, &authority, &authority_len)) {
		return NULL;
	}
	const spectra_provider_info *provider = spectra_host_verdicts_lookup(memo, authority, authority_len);
	/* kept only after a "scheme://" (without one, a later "://" could start the authority
	 * elsewhere) and without userinfo (a password stays out of the memo) */
	size_t prefix = (size_t) (authority - url) + authority_len;
	if (authority > url && prefix >= 8 && prefix <= SPECTRA_HOST_VERDICT_URL_MAX && authority[-1] == '/'
		&& !memchr(authority, '@', authority_len)) {
		memcpy(memo->recent, url, prefix);
		memo->recent_len = (uint8_t) prefix;
		memo->recent_provider = provider;
	}
	return provider;
}
