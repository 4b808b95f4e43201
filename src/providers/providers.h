/* What we know about each provider: the names users give it, its GenAI
 * gen_ai.provider.name, and the API host used when the caller does not give a URL. */
#ifndef SPECTRA_PROVIDERS_PROVIDERS_H
#define SPECTRA_PROVIDERS_PROVIDERS_H

#include <stddef.h>

typedef struct {
	const char *slug;       /* our name, also the pricing catalog's */
	const char *aliases;    /* other accepted names, comma separated */
	const char *genai_name; /* gen_ai.provider.name */
	const char *host;       /* default server.address, NULL if it varies per account */
	int port;
} spectra_provider_info;

/* Case-insensitive match on slug or alias; NULL when unknown. */
const spectra_provider_info *spectra_provider_find(const char *name, size_t len);

#endif
