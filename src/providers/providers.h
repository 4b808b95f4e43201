/* What we know about each provider, in one table (providers.c): the names users give it,
 * the pricing catalog's slug for it (spectra_pricing_provider_slug() reads it from here),
 * its GenAI gen_ai.provider.name, and the API host used when the caller gives no URL. */
#ifndef SPECTRA_PROVIDERS_PROVIDERS_H
#define SPECTRA_PROVIDERS_PROVIDERS_H

#include <stddef.h>

typedef struct {
	const char *slug;       /* our name, also the pricing catalog's provider */
	const char *aliases;    /* other accepted names, comma separated ("" = none) */
	const char *genai_name; /* gen_ai.provider.name */
	const char *host;       /* default server.address, NULL if it varies per account */
	int port;
	const char *hosts; /* API hosts in URLs, comma-separated patterns ("" = none): hosts.h */
} spectra_provider_info;

/* Case-insensitive (ASCII) match on slug or alias, first matching row; NULL when unknown. */
const spectra_provider_info *spectra_provider_find(const char *name, size_t len);

/* The rows, in table order (for tests and diagnostics); NULL past the end. */
size_t spectra_provider_count(void);
const spectra_provider_info *spectra_provider_at(size_t index);

#endif
