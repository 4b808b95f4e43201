/* Which provider a URL's host belongs to: the host patterns of the provider table, plus the
 * hosts an operator adds for custom base URLs and proxies (spectra.providers.<slug>.hosts:
 * LiteLLM, Azure API Management, a company gateway). A pattern is a host name in which "*"
 * stands for one or more characters ("*.openai.azure.com", "bedrock-runtime.*.amazonaws.com");
 * matching ignores ASCII case. Custom hosts are checked first. */
#ifndef SPECTRA_PROVIDERS_HOSTS_H
#define SPECTRA_PROVIDERS_HOSTS_H

#include <stdbool.h>
#include <stddef.h>

#include "providers.h"

/* The provider for host (no port, no scheme), or NULL. */
const spectra_provider_info *spectra_provider_for_host(const char *host, size_t len);

/* Adds custom host patterns (comma-separated, spaces around them ignored) for the provider
 * named slug or an alias of it. Process-wide: call at startup, before any thread reads.
 * False when the name is no provider, or out of memory. */
bool spectra_provider_add_hosts(const char *slug, const char *patterns);
/* The provider's custom patterns become these ("" = none), replacing those set before; the
 * same patterns again change nothing. */
bool spectra_provider_set_hosts(const char *slug, const char *patterns);
void spectra_provider_clear_custom_hosts(void);

/* Whether host matches one pattern (exposed for tests). */
bool spectra_host_matches(const char *pattern, size_t pattern_len, const char *host, size_t len);

#endif
