/* The endpoint table: documented API paths of each provider give the operation and model
 * type that name the span; the longest suffix wins, query strings and trailing slashes do
 * not matter, unknown paths give nothing. */
#include "providers/endpoints.h"

#include <string.h>

#include "check.h"

static void expect(const char *path, const char *operation, const char *model_type)
{
	const spectra_endpoint_info *found = spectra_endpoint_find(path, strlen(path));
	bool ok = operation
		? found && strcmp(found->operation, operation) == 0 && strcmp(found->model_type, model_type) == 0
		: found == NULL;
	if (!CHECK(ok)) {
		fprintf(stderr, "     %s -> %s/%s, expected %s/%s\n", path, found ? found->operation : "(none)",
			found ? found->model_type : "-", operation ? operation : "(none)", model_type ? model_type : "-");
	}
}

int main(void)
{
	/* OpenAI */
	expect("/v1/chat/completions", "chat", "text");
	expect("/v1/completions", "text_completion", "text");
	expect("/v1/responses", "chat", "text");
	expect("/v1/embeddings", "embeddings", "embedding");
	expect("/v1/images/generations", "image_generation", "image");
	expect("/v1/images/edits", "image_edit", "image");
	expect("/v1/images/variations", "image_variation", "image");
	expect("/v1/audio/transcriptions", "transcription", "audio");
	expect("/v1/audio/translations", "translation", "audio");
	expect("/v1/audio/speech", "speech", "audio");
	expect("/v1/moderations", "moderation", "moderation");
	expect("/v1/videos", "video_generation", "video");
	/* Azure OpenAI: deployment in the path, api-version in the query */
	expect("/openai/deployments/my-gpt4o/chat/completions?api-version=2024-10-21", "chat", "text");
	expect("/openai/deployments/dalle/images/generations?api-version=2024-10-21", "image_generation", "image");
	/* Mistral */
	expect("/v1/fim/completions", "text_completion", "text");
	expect("/v1/ocr", "ocr", "ocr");
	/* Anthropic */
	expect("/v1/messages", "chat", "text");
	/* Gemini and Vertex AI */
	expect("/v1beta/models/gemini-2.0-flash:generateContent", "generate_content", "text");
	expect("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", "generate_content", "text");
	expect("/v1beta/models/text-embedding-004:embedContent", "embeddings", "embedding");
	expect("/v1beta/models/text-embedding-004:batchEmbedContents", "embeddings", "embedding");
	expect("/v1/projects/p/locations/us-central1/publishers/google/models/imagen-3.0-generate-002:predict",
		"image_generation", "image");
	expect("/v1/projects/p/locations/us-central1/publishers/google/models/veo-2.0-generate-001:predictLongRunning",
		"video_generation", "video");
	/* Bedrock */
	expect("/model/anthropic.claude-3-5-haiku-20241022-v1:0/converse", "chat", "text");
	expect("/model/amazon.nova-lite-v1:0/converse-stream", "chat", "text");
	expect("/model/anthropic.claude-3-5-haiku-20241022-v1:0/invoke", "chat", "text");
	/* Cohere, Ollama, ElevenLabs */
	expect("/v2/chat", "chat", "text");
	expect("/v2/embed", "embeddings", "embedding");
	expect("/v2/rerank", "rerank", "rerank");
	expect("/api/chat", "chat", "text");
	expect("/api/generate", "text_completion", "text");
	expect("/api/embed", "embeddings", "embedding");
	expect("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM", "speech", "audio");
	expect("/v1/text-to-speech/21m00Tcm4TlvDq8ikWAM/stream", "speech", "audio");
	/* trailing slash, fragment */
	expect("/v1/embeddings/", "embeddings", "embedding");
	expect("/v1/chat/completions#x", "chat", "text");
	/* unknown */
	expect("/v1/models", NULL, NULL);
	expect("/", NULL, NULL);
	expect("", NULL, NULL);
	expect("/v1/files/file-abc/content", NULL, NULL);
	CHECK(spectra_endpoint_find(NULL, 0) == NULL);

	/* every row is reachable: its own suffix finds it */
	bool all = true;
	for (size_t i = 0; i < spectra_endpoint_count(); i++) {
		const spectra_endpoint_info *row = spectra_endpoint_at(i);
		all = all && spectra_endpoint_find(row->path_suffix, strlen(row->path_suffix)) == row;
	}
	CHECK(all);
	CHECK(spectra_endpoint_at(spectra_endpoint_count()) == NULL);

	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
