/* The memo of host -> provider answers (src/providers/host_verdicts): every answer, first
 * or remembered, is the provider table's, whatever other hosts filled or replaced the slots;
 * hosts too long to keep are answered too. Prints "N passed, N failed"; exits non-zero on failure. */
#include "providers/host_verdicts.h"

#include <stdio.h>
#include <string.h>

#include "check.h"
#include "providers/hosts.h"

static spectra_host_verdicts memo;

static bool same_as_table(const char *host)
{
	size_t len = strlen(host);
	return spectra_host_verdicts_lookup(&memo, host, len) == spectra_provider_for_host(host, len);
}

static const char *slug_of(const char *host)
{
	const spectra_provider_info *found = spectra_host_verdicts_lookup(&memo, host, strlen(host));
	return found ? found->slug : "(none)";
}

int main(void)
{
	spectra_host_verdicts_clear(&memo);
	/* first answer, then the remembered one */
	for (int round = 0; round < 2; round++) {
		CHECK_STR(slug_of("api.openai.com"), "openai");
		CHECK_STR(slug_of("API.OpenAI.com"), "openai");
		CHECK_STR(slug_of("acme-eastus.openai.azure.com"), "azure");
		CHECK_STR(slug_of("bedrock-runtime.us-east-1.amazonaws.com"), "bedrock");
		CHECK_STR(slug_of("api.stripe.com"), "(none)");
		CHECK_STR(slug_of("127.0.0.1"), "(none)");
	}
	/* hosts differing in one byte, or one a prefix of another, never share an answer */
	CHECK_STR(slug_of("api.openai.co"), "(none)");
	CHECK_STR(slug_of("api.openai.com"), "openai");
	CHECK_STR(slug_of("api.openai.con"), "(none)");
	CHECK_STR(slug_of("api.openai.com"), "openai");
	CHECK_STR(slug_of("api.x.ai"), "xai");
	CHECK_STR(slug_of("api.x.aj"), "(none)");

	/* far more hosts than slots, providers among them, asked twice in turn: every slot
	 * is taken and replaced, and each answer still matches the table */
	char host[64];
	bool all_same = true;
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 4 * SPECTRA_HOST_VERDICT_SLOTS; i++) {
			snprintf(host, sizeof host, "svc%d.internal.example", i);
			all_same = all_same && same_as_table(host);
			snprintf(host, sizeof host, "r%d.openai.azure.com", i);
			all_same = all_same && same_as_table(host);
			all_same = all_same && same_as_table("api.anthropic.com");
		}
	}
	CHECK(all_same);

	/* longer than a slot holds: answered by the table every time */
	char long_host[SPECTRA_HOST_VERDICT_HOST_MAX + 40];
	memset(long_host, 'a', sizeof long_host);
	memcpy(long_host + sizeof long_host - 17, ".openai.azure.com", 17);
	CHECK(spectra_host_verdicts_lookup(&memo, long_host, sizeof long_host) != NULL);
	CHECK(spectra_host_verdicts_lookup(&memo, long_host, sizeof long_host) != NULL);
	long_host[sizeof long_host - 1] = 'x';
	CHECK(spectra_host_verdicts_lookup(&memo, long_host, sizeof long_host) == NULL);
	/* exactly as long as a slot holds: kept */
	CHECK(spectra_host_verdicts_lookup(&memo, long_host + 40, SPECTRA_HOST_VERDICT_HOST_MAX) == NULL);
	long_host[sizeof long_host - 1] = 'm';
	CHECK(spectra_host_verdicts_lookup(&memo, long_host + 40, SPECTRA_HOST_VERDICT_HOST_MAX) != NULL);
	CHECK(spectra_host_verdicts_lookup(&memo, "", 0) == NULL);

	/* a custom host added after clearing: the memo answers as the table now does */
	CHECK_STR(slug_of("llm.acme.internal"), "(none)");
	CHECK(spectra_provider_add_hosts("openai", "llm.acme.internal"));
	spectra_host_verdicts_clear(&memo);
	CHECK_STR(slug_of("llm.acme.internal"), "openai");
	CHECK_STR(slug_of("llm.acme.internal"), "openai");
	spectra_provider_clear_custom_hosts();
	return check_summary();
}
