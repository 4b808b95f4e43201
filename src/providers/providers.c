#include "providers.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>

static const spectra_provider_info provider_table[] = {
	{ "openai", "", "openai", "api.openai.com", 443 },
	{ "anthropic", "claude", "anthropic", "api.anthropic.com", 443 },
	{ "google", "gemini,gcp.gemini,google-ai,googleai", "gcp.gemini", "generativelanguage.googleapis.com", 443 },
	{ "vertex", "vertex_ai,gcp.vertex_ai", "gcp.vertex_ai", "aiplatform.googleapis.com", 443 },
	{ "xai", "x_ai,grok", "x_ai", "api.x.ai", 443 },
	{ "mistral", "mistral_ai,mistralai", "mistral_ai", "api.mistral.ai", 443 },
	{ "groq", "", "groq", "api.groq.com", 443 },
	{ "cohere", "", "cohere", "api.cohere.com", 443 },
	{ "deepseek", "", "deepseek", "api.deepseek.com", 443 },
	{ "perplexity", "", "perplexity", "api.perplexity.ai", 443 },
	{ "openrouter", "", "openrouter", "openrouter.ai", 443 },
	{ "ollama", "", "ollama", "localhost", 11434 },
	{ "replicate", "", "replicate", "api.replicate.com", 443 },
	{ "falai", "fal,fal.ai", "falai", "fal.run", 443 },
	{ "scaleway", "", "scaleway", "api.scaleway.ai", 443 },
	{ "elevenlabs", "", "elevenlabs", "api.elevenlabs.io", 443 },
	{ "azure", "azure_openai,azure.ai.openai", "azure.ai.openai", NULL, 443 },
	{ "bedrock", "aws.bedrock,aws_bedrock", "aws.bedrock", NULL, 443 },
};

static bool alias_matches(const char *aliases, const char *name, size_t len)
{
	const char *cursor = aliases;
	while (*cursor) {
		const char *comma = strchr(cursor, ',');
		size_t alias_len = comma ? (size_t) (comma - cursor) : strlen(cursor);
		if (alias_len == len && strncasecmp(cursor, name, len) == 0) {
			return true;
		}
		if (!comma) {
			break;
		}
		cursor = comma + 1;
	}
	return false;
}

const spectra_provider_info *spectra_provider_find(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(provider_table) / sizeof(provider_table[0]); i++) {
		const spectra_provider_info *info = &provider_table[i];
		if ((strlen(info->slug) == len && strncasecmp(info->slug, name, len) == 0)
			|| alias_matches(info->aliases, name, len)) {
			return info;
		}
	}
	return NULL;
}
