#include "providers.h"

#include <stdbool.h>
#include <string.h>

/* The one provider table: every name a caller may give (slug or alias, any ASCII case) ->
 * the pricing catalog's slug, gen_ai.provider.name, default host, and the API hosts that
 * identify it in a URL (src/providers/hosts.c; "*" stands for one or more characters). The first row that
 * matches wins, so a catalog slug can have a second row for aliases that need another
 * gen_ai.provider.name (gcp.gen_ai: any Google GenAI API, priced from the google rows). */
static const spectra_provider_info provider_table[] = {
	{ "openai", "open_ai", "openai", "api.openai.com", 443, "api.openai.com" },
	{ "anthropic", "claude", "anthropic", "api.anthropic.com", 443, "api.anthropic.com" },
	{ "google", "gemini,gcp.gemini,google-ai,google_ai,googleai", "gcp.gemini", "generativelanguage.googleapis.com",
		443, "generativelanguage.googleapis.com" },
	{ "google", "gcp.gen_ai", "gcp.gen_ai", NULL, 443, "" },
	{ "vertex", "vertex_ai,gcp.vertex_ai", "gcp.vertex_ai", "aiplatform.googleapis.com", 443,
		"aiplatform.googleapis.com,*-aiplatform.googleapis.com" },
	{ "xai", "x_ai,x-ai,x.ai,grok", "x_ai", "api.x.ai", 443, "api.x.ai" },
	{ "mistral", "mistral_ai,mistral-ai,mistralai", "mistral_ai", "api.mistral.ai", 443,
		"api.mistral.ai,codestral.mistral.ai" },
	{ "groq", "", "groq", "api.groq.com", 443, "api.groq.com" },
	{ "cohere", "", "cohere", "api.cohere.com", 443, "api.cohere.com,api.cohere.ai" },
	{ "deepseek", "", "deepseek", "api.deepseek.com", 443, "api.deepseek.com" },
	{ "perplexity", "", "perplexity", "api.perplexity.ai", 443, "api.perplexity.ai" },
	{ "openrouter", "open_router", "openrouter", "openrouter.ai", 443, "openrouter.ai" },
	{ "ollama", "", "ollama", "localhost", 11434, "" },
	{ "replicate", "", "replicate", "api.replicate.com", 443, "api.replicate.com" },
	{ "falai", "fal,fal.ai,fal-ai,fal_ai", "falai", "fal.run", 443, "fal.run,*.fal.run" },
	{ "scaleway", "", "scaleway", "api.scaleway.ai", 443, "api.scaleway.ai" },
	{ "elevenlabs", "", "elevenlabs", "api.elevenlabs.io", 443, "api.elevenlabs.io" },
	/* OpenAI-compatible APIs priced by @pydantic/genai-prices: its provider id is the slug,
	 * its api_pattern gives the hosts; gen_ai.provider.name has no well-known value for
	 * them, so it is the slug */
	{ "together", "together_ai,together-ai,togetherai", "together", "api.together.xyz", 443,
		"api.together.xyz,api.together.ai" },
	{ "fireworks", "fireworks_ai,fireworks-ai,fireworksai", "fireworks", "api.fireworks.ai", 443, "api.fireworks.ai" },
	{ "cerebras", "", "cerebras", "api.cerebras.ai", 443, "api.cerebras.ai" },
	{ "moonshotai", "moonshot,moonshot_ai,kimi", "moonshotai", "api.moonshot.ai", 443,
		"api.moonshot.ai,api.moonshot.cn" },
	{ "novita", "novita_ai,novitaai", "novita", "api.novita.ai", 443, "api.novita.ai" },
	{ "voyageai", "voyage,voyage_ai", "voyageai", "api.voyageai.com", 443, "api.voyageai.com" },
	{ "zai", "z.ai,z_ai", "zai", "api.z.ai", 443, "api.z.ai" },
	{ "zhipuai", "zhipu,bigmodel", "zhipuai", "open.bigmodel.cn", 443, "open.bigmodel.cn" },
	{ "minimax", "", "minimax", "api.minimax.io", 443,
		"api.minimax.io,api.minimax.com,api.minimaxi.io,api.minimaxi.com" },
	{ "arcee", "arcee_ai", "arcee", "api.arcee.ai", 443, "api.arcee.ai" },
	{ "avian", "", "avian", "api.avian.io", 443, "api.avian.io" },
	{ "baseten", "", "baseten", "inference.baseten.co", 443, "inference.baseten.co" },
	{ "doubleword", "", "doubleword", "api.doubleword.ai", 443, "api.doubleword.ai" },
	{ "github-copilot", "github_copilot,copilot", "github-copilot", "api.githubcopilot.com", 443,
		"api.githubcopilot.com" },
	{ "cursor", "", "cursor", "api.cursor.com", 443, "api.cursor.com" },
	{ "ovhcloud", "ovh", "ovhcloud", "oai.endpoints.kepler.ai.cloud.ovh.net", 443,
		"oai.endpoints.kepler.ai.cloud.ovh.net" },
	{ "quicksilverpro", "", "quicksilverpro", "api.quicksilverpro.io", 443, "api.quicksilverpro.io" },
	{ "typesafe", "", "typesafe", "api.typesafe.ai", 443, "api.typesafe.ai" },
	/* by name only: their API hosts also serve what is not AI (api.cloudflare.com) or are
	 * each customer's own (*.modal.run) */
	{ "cloudflare", "workers_ai,workers-ai,cloudflare_workers_ai", "cloudflare", "api.cloudflare.com", 443, "" },
	{ "modal", "", "modal", NULL, 443, "" },
	{ "azure", "azure_openai,azure.ai.openai", "azure.ai.openai", NULL, 443,
		"*.openai.azure.com,*.cognitiveservices.azure.com,*.services.ai.azure.com" },
	{ "bedrock", "aws.bedrock,aws_bedrock", "aws.bedrock", NULL, 443,
		"bedrock-runtime.*.amazonaws.com,bedrock-runtime-fips.*.amazonaws.com" },
};

/* ASCII-only, whatever the locale the application set (PHP's setlocale()). */
static bool ascii_equal_ignoring_case(const char *a, const char *b, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char ca = (a[i] >= 'A' && a[i] <= 'Z') ? (char) (a[i] - 'A' + 'a') : a[i];
		char cb = (b[i] >= 'A' && b[i] <= 'Z') ? (char) (b[i] - 'A' + 'a') : b[i];
		if (ca != cb) {
			return false;
		}
	}
	return true;
}

static bool alias_matches(const char *aliases, const char *name, size_t len)
{
	const char *cursor = aliases;
	while (*cursor) {
		const char *comma = strchr(cursor, ',');
		size_t alias_len = comma ? (size_t) (comma - cursor) : strlen(cursor);
		if (alias_len == len && ascii_equal_ignoring_case(cursor, name, len)) {
			return true;
		}
		if (!comma) {
			break;
		}
		cursor = comma + 1;
	}
	return false;
}

size_t spectra_provider_count(void)
{
	return sizeof(provider_table) / sizeof(provider_table[0]);
}

const spectra_provider_info *spectra_provider_at(size_t index)
{
	return index < spectra_provider_count() ? &provider_table[index] : NULL;
}

const spectra_provider_info *spectra_provider_find(const char *name, size_t len)
{
	if (!name) {
		return NULL;
	}
	for (size_t i = 0; i < sizeof(provider_table) / sizeof(provider_table[0]); i++) {
		const spectra_provider_info *info = &provider_table[i];
		if ((strlen(info->slug) == len && ascii_equal_ignoring_case(info->slug, name, len))
			|| alias_matches(info->aliases, name, len)) {
			return info;
		}
	}
	return NULL;
}
