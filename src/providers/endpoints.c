#include "endpoints.h"

#include <stdbool.h>
#include <string.h>

/* Paths as the providers document them. Deployment, model and project segments come before
 * the suffix (Azure /openai/deployments/{name}/chat/completions, Bedrock /model/{id}/converse,
 * Vertex .../models/{model}:generateContent), so a suffix covers them. Operation names
 * beyond the GenAI semconv's (chat, text_completion, embeddings, generate_content) are ours
 * and listed in the README. */
static const spectra_endpoint_info endpoints[] = {
	/* OpenAI, and the many APIs that copy it (Azure OpenAI, Groq, Mistral, xAI, DeepSeek,
	 * OpenRouter, Together, Fireworks, Perplexity, Ollama's /v1) */
	{ "/chat/completions", "chat", "text" },
	{ "/completions", "text_completion", "text" },
	{ "/fim/completions", "text_completion", "text" }, /* Mistral fill-in-the-middle */
	{ "/responses", "chat", "text" },
	{ "/embeddings", "embeddings", "embedding" },
	{ "/images/generations", "image_generation", "image" },
	{ "/images/edits", "image_edit", "image" },
	{ "/images/variations", "image_variation", "image" },
	{ "/audio/transcriptions", "transcription", "audio" },
	{ "/audio/translations", "translation", "audio" },
	{ "/audio/speech", "speech", "audio" },
	{ "/moderations", "moderation", "moderation" },
	{ "/videos", "video_generation", "video" },
	{ "/ocr", "ocr", "ocr" }, /* Mistral */
	/* Anthropic */
	{ "/messages", "chat", "text" },
	/* Gemini and Vertex AI */
	{ ":generateContent", "generate_content", "text" },
	{ ":streamGenerateContent", "generate_content", "text" },
	{ ":embedContent", "embeddings", "embedding" },
	{ ":batchEmbedContents", "embeddings", "embedding" },
	{ ":predict", "image_generation", "image" },            /* Imagen */
	{ ":predictLongRunning", "video_generation", "video" }, /* Veo */
	/* Amazon Bedrock runtime */
	{ "/converse", "chat", "text" },
	{ "/converse-stream", "chat", "text" },
	{ "/invoke", "chat", "text" },
	{ "/invoke-with-response-stream", "chat", "text" },
	/* Cohere v2 */
	{ "/v2/chat", "chat", "text" },
	{ "/v2/embed", "embeddings", "embedding" },
	{ "/v2/rerank", "rerank", "rerank" },
	{ "/v1/rerank", "rerank", "rerank" },
	/* Ollama's native API */
	{ "/api/chat", "chat", "text" },
	{ "/api/generate", "text_completion", "text" },
	{ "/api/embed", "embeddings", "embedding" },
	{ "/api/embeddings", "embeddings", "embedding" },
	/* ElevenLabs */
	{ "/text-to-speech", "speech", "audio" },
};

static size_t path_length(const char *path, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (path[i] == '?' || path[i] == '#') {
			return i;
		}
	}
	return len;
}

/* Suffixes that end in a path segment of their own ("/converse") must start at a segment
 * boundary of the path; ":generateContent" follows the model name directly. ElevenLabs puts
 * the voice after /text-to-speech, so that one also matches as a segment inside the path. */
static bool ends_with(const char *path, size_t len, const char *suffix, size_t suffix_len)
{
	return len >= suffix_len && memcmp(path + len - suffix_len, suffix, suffix_len) == 0;
}

static bool has_segment_prefix(const char *path, size_t len, const char *segment, size_t segment_len)
{
	for (size_t i = 0; i + segment_len <= len; i++) {
		if (memcmp(path + i, segment, segment_len) == 0 && (i + segment_len == len || path[i + segment_len] == '/')) {
			return true;
		}
	}
	return false;
}

const spectra_endpoint_info *spectra_endpoint_find(const char *path, size_t len)
{
	if (!path) {
		return NULL;
	}
	len = path_length(path, len);
	while (len > 1 && path[len - 1] == '/') {
		len--; /* "/v1/embeddings/" is "/v1/embeddings" */
	}
	const spectra_endpoint_info *best = NULL;
	size_t best_len = 0;
	for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++) {
		const char *suffix = endpoints[i].path_suffix;
		size_t suffix_len = strlen(suffix);
		bool matched = ends_with(path, len, suffix, suffix_len);
		if (!matched && strcmp(suffix, "/text-to-speech") == 0) {
			matched = has_segment_prefix(path, len, suffix, suffix_len);
		}
		if (matched && suffix_len > best_len) {
			best = &endpoints[i];
			best_len = suffix_len;
		}
	}
	return best;
}

size_t spectra_endpoint_count(void)
{
	return sizeof endpoints / sizeof endpoints[0];
}

const spectra_endpoint_info *spectra_endpoint_at(size_t index)
{
	return index < spectra_endpoint_count() ? &endpoints[index] : NULL;
}
