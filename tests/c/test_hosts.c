/* Which provider a URL host belongs to: the provider table's documented API hosts (exact and
 * with wildcards for Azure resources, Bedrock regions, Vertex locations), then the hosts an
 * operator adds; case and a trailing dot do not matter; other hosts give nothing. */
#include "providers/hosts.h"

#include <string.h>

#include "check.h"

static void expect(const char *host, const char *slug)
{
	const spectra_provider_info *found = spectra_provider_for_host(host, strlen(host));
	bool ok = slug ? found && strcmp(found->slug, slug) == 0 : found == NULL;
	if (!CHECK(ok)) {
		fprintf(stderr, "     %s -> %s, expected %s\n", host, found ? found->slug : "(none)", slug ? slug : "(none)");
	}
}

static bool matches(const char *pattern, const char *host)
{
	return spectra_host_matches(pattern, strlen(pattern), host, strlen(host));
}

int main(void)
{
	expect("api.openai.com", "openai");
	expect("API.OpenAI.com", "openai");
	expect("api.openai.com.", "openai");
	expect("api.anthropic.com", "anthropic");
	expect("generativelanguage.googleapis.com", "google");
	expect("us-central1-aiplatform.googleapis.com", "vertex");
	expect("aiplatform.googleapis.com", "vertex");
	expect("acme-eastus.openai.azure.com", "azure");
	expect("acme.cognitiveservices.azure.com", "azure");
	expect("acme.services.ai.azure.com", "azure");
	expect("bedrock-runtime.us-east-1.amazonaws.com", "bedrock");
	expect("bedrock-runtime-fips.us-gov-west-1.amazonaws.com", "bedrock");
	expect("api.x.ai", "xai");
	expect("api.mistral.ai", "mistral");
	expect("codestral.mistral.ai", "mistral");
	expect("api.groq.com", "groq");
	expect("api.cohere.com", "cohere");
	expect("api.deepseek.com", "deepseek");
	expect("openrouter.ai", "openrouter");
	expect("queue.fal.run", "falai");
	expect("api.elevenlabs.io", "elevenlabs");
	/* genai-prices' api_pattern hosts */
	expect("api.together.xyz", "together");
	expect("api.together.ai", "together");
	expect("api.fireworks.ai", "fireworks");
	expect("api.cerebras.ai", "cerebras");
	expect("api.moonshot.cn", "moonshotai");
	expect("api.minimaxi.com", "minimax");
	expect("open.bigmodel.cn", "zhipuai");
	expect("api.voyageai.com", "voyageai");
	expect("api.githubcopilot.com", "github-copilot");
	expect("api.cloudflare.com", NULL); /* named only: most of its API is not AI */
	/* not theirs */
	expect("openai.azure.com", NULL); /* the star needs at least one character */
	expect("api.openai.com.evil.example", NULL);
	expect("evilapi.openai.com", NULL);
	expect("bedrock.us-east-1.amazonaws.com", NULL); /* the control plane, not the runtime */
	expect("localhost", NULL);
	expect("", NULL);
	CHECK(spectra_provider_for_host(NULL, 0) == NULL);

	/* the glob itself */
	CHECK(matches("*.b", "a.b"));
	CHECK(!matches("*.b", ".b"));
	CHECK(matches("a*c*e", "abcde"));
	CHECK(!matches("a*c*e", "acce")); /* the second star would be empty */
	CHECK(matches("a*c*e", "abcxe"));
	CHECK(matches("a*b", "aXbXb")); /* backtracks past the first b */
	CHECK(!matches("a*c*e", "ace"));
	CHECK(!matches("a*", "a"));
	CHECK(matches("**", "ab"));
	CHECK(!matches("abc", "ab"));
	/* hostile: many stars over a long host stays a bounded loop */
	char host[300];
	memset(host, 'a', sizeof host - 1);
	host[sizeof host - 1] = '\0';
	CHECK(!matches("*a*a*a*a*a*a*a*a*a*a*b", host));

	/* custom hosts, for a company gateway and a LiteLLM proxy: checked first */
	CHECK(spectra_provider_add_hosts("openai", " llm.acme.internal , litellm-*.corp.example"));
	CHECK(spectra_provider_add_hosts("claude", "claude-proxy.corp.example")); /* an alias names its provider */
	CHECK(!spectra_provider_add_hosts("no-such-provider", "x.example"));
	expect("llm.acme.internal", "openai");
	expect("litellm-eu.corp.example", "openai");
	expect("claude-proxy.corp.example", "anthropic");
	expect("api.anthropic.com", "anthropic");
	/* a setting of nothing but separators and spaces matches nothing */
	CHECK(spectra_provider_add_hosts("mistral", " , ,,  "));
	expect("x.example", NULL);
	expect(",", NULL);
	spectra_provider_clear_custom_hosts();
	expect("llm.acme.internal", NULL);

	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
