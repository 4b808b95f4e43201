/* Gemini generateContent. candidatesTokenCount leaves out thoughtsTokenCount, and
 * thinking is billed as output, so both make up the GenAI output_tokens. Tool-use
 * prompt tokens are input the model read, so they join the input. */
#include "gemini.h"

#include <math.h>
#include <string.h>

#include "src/php/extract/zval_read.h"

/* The modality breakdowns (ModalityTokenCount lists) -> the usage keys their media tokens are
 * priced by; text is what remains of each total. A document's tokens are priced as image
 * tokens (the PDF pages are read as images), as genai-prices does. Tool-use prompt tokens join
 * the prompt's. Repeated modalities add up. */
typedef struct {
	const char *list;
	spectra_usage_key audio, image, video;
} modality_keys;

static const modality_keys modality_lists[] = {
	{ "promptTokensDetails", SPECTRA_USAGE_input_audio_tokens, SPECTRA_USAGE_input_image_tokens,
		SPECTRA_USAGE_input_video_tokens },
	{ "toolUsePromptTokensDetails", SPECTRA_USAGE_input_audio_tokens, SPECTRA_USAGE_input_image_tokens,
		SPECTRA_USAGE_input_video_tokens },
	{ "cacheTokensDetails", SPECTRA_USAGE_cache_audio_read_tokens, SPECTRA_USAGE_cache_image_read_tokens,
		SPECTRA_USAGE_cache_video_read_tokens },
	{ "candidatesTokensDetails", SPECTRA_USAGE_output_audio_tokens, SPECTRA_USAGE_output_image_tokens,
		SPECTRA_USAGE_output_video_tokens },
};

static void read_modalities(HashTable *usage, spectra_record *record)
{
	for (size_t l = 0; l < sizeof modality_lists / sizeof modality_lists[0]; l++) {
		HashTable *list = spectra_read_array(usage, modality_lists[l].list);
		if (!list) {
			continue;
		}
		zval *entry;
		ZEND_HASH_FOREACH_VAL(list, entry) {
			ZVAL_DEREF(entry);
			zend_string *modality =
				Z_TYPE_P(entry) == IS_ARRAY ? spectra_read_string(Z_ARRVAL_P(entry), "modality") : NULL;
			int64_t count;
			if (!modality || !spectra_read_count(Z_ARRVAL_P(entry), "tokenCount", &count)) {
				continue;
			}
			int key = -1;
			if (zend_string_equals_literal(modality, "AUDIO")) {
				key = (int) modality_lists[l].audio;
			} else if (zend_string_equals_literal(modality, "IMAGE")
				|| zend_string_equals_literal(modality, "DOCUMENT")) {
				key = (int) modality_lists[l].image;
			} else if (zend_string_equals_literal(modality, "VIDEO")) {
				key = (int) modality_lists[l].video;
			}
			if (key >= 0) {
				/* each count is at most SPECTRA_MAX_TOKEN_COUNT (9e15): a double holds the sum */
				record->usage[key] = fmax(record->usage[key], 0) + (double) count;
			}
		}
		ZEND_HASH_FOREACH_END();
	}
}

static bool is_generate_content(HashTable *body)
{
	return spectra_read_array(body, "usageMetadata") || spectra_read_array(body, "candidates");
}

static void extract_generate_content(HashTable *body, spectra_record *record)
{
	spectra_read_into(body, "responseId", record, &record->response_id);
	HashTable *usage = spectra_read_array(body, "usageMetadata");
	if (usage) {
		int64_t prompt = 0, tool_prompt = 0, candidates = 0, thoughts = 0, cached = 0;
		bool any = false;
		any |= spectra_read_count(usage, "promptTokenCount", &prompt);
		spectra_read_count(usage, "toolUsePromptTokenCount", &tool_prompt);
		any |= spectra_read_count(usage, "candidatesTokenCount", &candidates);
		any |= spectra_read_count(usage, "thoughtsTokenCount", &thoughts);
		spectra_read_count(usage, "cachedContentTokenCount", &cached);
		if (any) {
			record->prompt_tokens = prompt + tool_prompt;
			record->completion_tokens = candidates + thoughts;
			record->reasoning_tokens = thoughts;
			record->cached_tokens = cached;
			record->usage_seen = true;
			read_modalities(usage, record);
		}
	}
	HashTable *candidate_list = spectra_read_array(body, "candidates");
	if (candidate_list) {
		zval *candidate;
		ZEND_HASH_FOREACH_VAL(candidate_list, candidate) {
			ZVAL_DEREF(candidate);
			if (Z_TYPE_P(candidate) != IS_ARRAY) {
				continue;
			}
			zend_string *reason = spectra_read_string(Z_ARRVAL_P(candidate), "finishReason");
			if (reason) {
				spectra_record_add_finish_reason(record, ZSTR_VAL(reason), ZSTR_LEN(reason));
			}
			HashTable *parts = spectra_read_array(Z_ARRVAL_P(candidate), "content.parts");
			if (!parts) {
				continue;
			}
			zval *part;
			ZEND_HASH_FOREACH_VAL(parts, part) {
				ZVAL_DEREF(part);
				if (Z_TYPE_P(part) != IS_ARRAY) {
					continue;
				}
				if (zend_hash_str_exists(Z_ARRVAL_P(part), "functionCall", sizeof("functionCall") - 1)) {
					spectra_record_count_tool_call(record, "function_call", sizeof("function_call") - 1, 1);
				}
				bool thought = false;
				if (spectra_read_bool(Z_ARRVAL_P(part), "thought", &thought) && thought) {
					record->is_reasoning = true;
				}
			}
			ZEND_HASH_FOREACH_END();
		}
		ZEND_HASH_FOREACH_END();
	}
}

/* A long-running operation of a model (Veo's predictLongRunning and the polls of it): its name
 * is "models/{model}/operations/{id}" (Gemini API) or ".../publishers/google/models/{model}/
 * operations/{id}" (Vertex AI), beside done, metadata, response or error. Tuning, batch and
 * file operations have other names. */
static bool is_video_operation(HashTable *body)
{
	zend_string *name = spectra_read_string(body, "name");
	if (!name || spectra_read_array(body, "candidates") || spectra_read_array(body, "usageMetadata")) {
		return false;
	}
	const char *models = strstr(ZSTR_VAL(name), "models/");
	return models && (models == ZSTR_VAL(name) || models[-1] == '/') && strstr(models, "/operations/");
}

/* Billed once: the operation that is done carries the videos (Gemini API
 * response.generateVideoResponse.generatedSamples, Vertex AI response.videos); the call that
 * started it and the polls before it produced none, a known 0. A failed operation carries an
 * error, read before any extractor (extract.c). */
static void extract_video_operation(HashTable *body, spectra_record *record)
{
	bool done = false;
	spectra_read_bool(body, "done", &done);
	if (!done) {
		record->video_count = 0;
		record->usage[SPECTRA_USAGE_video_seconds] = 0;
		return;
	}
	HashTable *videos = spectra_read_array(body, "response.generateVideoResponse.generatedSamples");
	if (!videos) {
		videos = spectra_read_array(body, "response.videos");
	}
	if (videos) {
		record->video_count = zend_hash_num_elements(videos);
	}
}

/* The model that answered comes as modelVersion; extract.c reads it as the snapshot. */
const spectra_extractor spectra_gemini_generate_content_extractor = { "gemini.generate_content", "generate_content",
	"text", is_generate_content, extract_generate_content };
const spectra_extractor spectra_gemini_video_operation_extractor = { "gemini.video_operation", "video_generation",
	"video", is_video_operation, extract_video_operation };
