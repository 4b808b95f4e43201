#include "usage_map.h"

#include <math.h>
#include <string.h>

#include "src/php/extract/gemini.h"
#include "src/php/extract/openai.h"
#include "src/php/extract/replicate.h"
#include "src/php/extract/zval_read.h"

/* OpenAI chat completions, read alike by the legacy completions (the OpenAI-compatible
 * providers answer the same: Groq, Mistral, xAI, DeepSeek, OpenRouter, Ollama's /v1).
 * prompt_tokens includes the cached tokens (DeepSeek names its cache hits
 * prompt_cache_hit_tokens), completion_tokens the reasoning; the audio models split each side
 * into audio (at the audio rates) and text. Every tool call counts, by its type. OpenAI
 * answers "default" for the standard tier; "scale" (reserved capacity, not priced) is kept
 * and reads as an unknown tier. The hook reads xAI's and Perplexity's reasoning outside
 * completion_tokens and the billed cost (openai.c). */
#define OPENAI_CHAT_READING \
	.mappings = { { SPECTRA_USAGE_INPUT, { "usage.prompt_tokens" } }, \
		{ SPECTRA_USAGE_OUTPUT, { "usage.completion_tokens" } }, \
		{ SPECTRA_USAGE_CACHE_READ, { "usage.prompt_cache_hit_tokens", "usage.prompt_tokens_details.cached_tokens" }, \
			.first = true }, \
		{ SPECTRA_USAGE_REASONING, { "usage.completion_tokens_details.reasoning_tokens" } }, \
		{ SPECTRA_USAGE_KEYED, { "usage.prompt_tokens_details.audio_tokens" }, SPECTRA_USAGE_input_audio_tokens }, \
		{ SPECTRA_USAGE_KEYED, { "usage.completion_tokens_details.audio_tokens" }, \
			SPECTRA_USAGE_output_audio_tokens } }, \
	.response_id = "id", .finish_reasons = { "choices.*.finish_reason" }, .pricing_tier = "service_tier", \
	.standard_tiers = { "default", "auto" }, \
	.items = { "choices.*.message.tool_calls", { "*" }, .untyped_tool = "function" }

/* Gemini's modality breakdowns (ModalityTokenCount lists) -> the usage keys their media tokens
 * are priced by; text is what remains of each total. A document's tokens are priced as image
 * tokens (the PDF pages are read as images), as genai-prices does. Tool-use prompt tokens join
 * the prompt's. */
#define GEMINI_MODALITIES(side) \
	{ \
		{ "AUDIO", SPECTRA_USAGE_##side##_audio_tokens }, { "IMAGE", SPECTRA_USAGE_##side##_image_tokens }, \
			{ "DOCUMENT", SPECTRA_USAGE_##side##_image_tokens }, \
		{ \
			"VIDEO", SPECTRA_USAGE_##side##_video_tokens \
		} \
	}
static const spectra_usage_breakdown gemini_modalities[] = {
	{ "usageMetadata.promptTokensDetails", "modality", "tokenCount", GEMINI_MODALITIES(input) },
	{ "usageMetadata.toolUsePromptTokensDetails", "modality", "tokenCount", GEMINI_MODALITIES(input) },
	{ "usageMetadata.cacheTokensDetails", "modality", "tokenCount",
		{ { "AUDIO", SPECTRA_USAGE_cache_audio_read_tokens }, { "IMAGE", SPECTRA_USAGE_cache_image_read_tokens },
			{ "DOCUMENT", SPECTRA_USAGE_cache_image_read_tokens },
			{ "VIDEO", SPECTRA_USAGE_cache_video_read_tokens } } },
	{ "usageMetadata.candidatesTokensDetails", "modality", "tokenCount", GEMINI_MODALITIES(output) },
	{ NULL },
};

/* Shapes as each provider documents its non-streamed response. A quantity a provider splits
 * is summed into the record's total: Bedrock's inputTokens leaves out cache reads and writes,
 * which are input the model read, as with Anthropic's own API. */
static const spectra_usage_flavor flavors[] = {
	/* Anthropic Messages (and Bedrock InvokeModel with an Anthropic model): usage.input_tokens
	 * is the uncached input only, cache reads and writes are beside it; cache_creation splits
	 * the writes by TTL (1-hour writes cost more); web searches are billed per request;
	 * content blocks tell tool use and thinking */
	{ .extractor = { "anthropic.messages", "chat", "text", NULL, NULL },
		.object = "usage",
		.equals = { "type", "message" },
		.mappings = { { SPECTRA_USAGE_INPUT,
						  { "usage.input_tokens", "usage.cache_read_input_tokens",
							  "usage.cache_creation_input_tokens" } },
			{ SPECTRA_USAGE_OUTPUT, { "usage.output_tokens" } },
			{ SPECTRA_USAGE_CACHE_READ, { "usage.cache_read_input_tokens" } },
			{ SPECTRA_USAGE_CACHE_WRITE, { "usage.cache_creation_input_tokens" } },
			{ SPECTRA_USAGE_CACHE_WRITE_1H, { "usage.cache_creation.ephemeral_1h_input_tokens" } },
			{ SPECTRA_USAGE_KEYED, { "usage.server_tool_use.web_search_requests" }, SPECTRA_USAGE_web_searches } },
		.response_id = "id",
		.finish_reason = "stop_reason",
		.pricing_tier = "usage.service_tier",
		.items = { "content", { "tool_use", "server_tool_use" }, { "thinking", "redacted_thinking" } } },
	/* OpenAI embeddings (and the APIs that copy it: Azure, Mistral, Together, Ollama's /v1):
	 * {"object": "list", "data": [{"object": "embedding", "embedding", "index"}], "usage":
	 * {"prompt_tokens", "total_tokens"}} */
	{ .extractor = { "openai.embeddings", "embeddings", "embedding", NULL, NULL },
		.required = { "data.0.embedding" },
		.mappings = { { SPECTRA_USAGE_INPUT, { "usage.prompt_tokens" } } } },
	/* Cohere v2 chat: billed_units is what is charged (tokens also counts the prompt template) */
	{ .extractor = { "cohere.v2_chat", "chat", "text", NULL, NULL },
		.required = { "usage.billed_units", "message" },
		.mappings = { { SPECTRA_USAGE_INPUT, { "usage.billed_units.input_tokens" } },
			{ SPECTRA_USAGE_OUTPUT, { "usage.billed_units.output_tokens" } } },
		.response_id = "id",
		.finish_reason = "finish_reason" },
	/* Cohere v2 embed */
	{ .extractor = { "cohere.v2_embed", "embeddings", "embedding", NULL, NULL },
		.required = { "meta.billed_units", "embeddings" },
		.mappings = { { SPECTRA_USAGE_INPUT, { "meta.billed_units.input_tokens" } } },
		.response_id = "id" },
	/* Cohere v2 rerank: billed per search unit (a query over up to 100 documents) */
	{ .extractor = { "cohere.v2_rerank", "rerank", "rerank", NULL, NULL },
		.required = { "meta.billed_units.search_units", "results" },
		.mappings = { { SPECTRA_USAGE_KEYED, { "meta.billed_units.search_units" }, SPECTRA_USAGE_rerank_searches } },
		.response_id = "id" },
	/* Amazon Bedrock Converse */
	{ .extractor = { "bedrock.converse", "chat", "text", NULL, NULL },
		.required = { "usage.inputTokens", "output" },
		.mappings = { { SPECTRA_USAGE_INPUT,
						  { "usage.inputTokens", "usage.cacheReadInputTokens", "usage.cacheWriteInputTokens" } },
			{ SPECTRA_USAGE_OUTPUT, { "usage.outputTokens" } },
			{ SPECTRA_USAGE_CACHE_READ, { "usage.cacheReadInputTokens" } },
			{ SPECTRA_USAGE_CACHE_WRITE, { "usage.cacheWriteInputTokens" } } },
		.finish_reason = "stopReason" },
	/* Ollama's native API: /api/chat, /api/generate, /api/embed */
	{ .extractor = { "ollama.chat", "chat", "text", NULL, NULL },
		.required = { "done", "created_at", "message" },
		.absent = { "choices" },
		.mappings = { { SPECTRA_USAGE_INPUT, { "prompt_eval_count" } }, { SPECTRA_USAGE_OUTPUT, { "eval_count" } } },
		.finish_reason = "done_reason" },
	{ .extractor = { "ollama.generate", "text_completion", "text", NULL, NULL },
		.required = { "done", "created_at", "response" },
		.absent = { "choices" },
		.mappings = { { SPECTRA_USAGE_INPUT, { "prompt_eval_count" } }, { SPECTRA_USAGE_OUTPUT, { "eval_count" } } },
		.finish_reason = "done_reason" },
	{ .extractor = { "ollama.embed", "embeddings", "embedding", NULL, NULL },
		.required = { "embeddings", "prompt_eval_count" },
		.absent = { "meta" },
		.mappings = { { SPECTRA_USAGE_INPUT, { "prompt_eval_count" } } } },
	/* Mistral OCR: billed per page; a document annotation bills the pages at the annotation
	 * rate instead (genai-prices' ocr_annotated flavor: annotated pages are a part of pages) */
	{ .extractor = { "mistral.ocr_annotated", "ocr", "ocr", NULL, NULL },
		.required = { "pages", "usage_info", "document_annotation" },
		.mappings = { { SPECTRA_USAGE_KEYED, { "usage_info.pages_processed" }, SPECTRA_USAGE_input_document_pages },
			{ SPECTRA_USAGE_KEYED, { "usage_info.pages_processed" }, SPECTRA_USAGE_input_annotated_document_pages } } },
	{ .extractor = { "mistral.ocr", "ocr", "ocr", NULL, NULL },
		.required = { "pages", "usage_info" },
		.mappings = { { SPECTRA_USAGE_KEYED, { "usage_info.pages_processed" }, SPECTRA_USAGE_input_document_pages } } },
	/* Gemini embedContent and batchEmbedContents: the response carries the vectors only, no
	 * usage (the input tokens are counted by countTokens, a call of its own) */
	{ .extractor = { "gemini.embed_content", "embeddings", "embedding", NULL, NULL },
		.required = { "embedding.values" } },
	{ .extractor = { "gemini.batch_embed_contents", "embeddings", "embedding", NULL, NULL },
		.required = { "embeddings.0.values" } },
	/* fal.ai model results: image models answer images[] of File objects (url, content_type,
	 * width, height), video models one video File; billed per image or per video */
	{ .extractor = { "falai.images", "image_generation", "image", NULL, NULL },
		.required = { "images.0.url", "images.0.content_type" },
		.mappings = { { SPECTRA_USAGE_IMAGES, { "images" }, .read = SPECTRA_READ_ITEMS } } },
	{ .extractor = { "falai.video", "video_generation", "video", NULL, NULL },
		.required = { "video.url", "video.content_type" },
		.mappings = { { SPECTRA_USAGE_VIDEOS, { "video" }, .read = SPECTRA_READ_ITEMS } } },
	/* ElevenLabs text-to-speech with timestamps: the alignment has one entry per character of
	 * the text, which is what ElevenLabs bills */
	{ .extractor = { "elevenlabs.speech_with_timestamps", "speech", "audio", NULL, NULL },
		.required = { "audio_base64", "alignment.characters" },
		.mappings = { { SPECTRA_USAGE_CHARACTERS, { "alignment.characters" }, .read = SPECTRA_READ_ITEMS } } },
	/* OpenAI Responses API (before chat: both may carry usage without choices): the status is
	 * the closest thing to a finish reason, an incomplete response says why
	 * (max_output_tokens, content_filter); output items of a *_call type (function, web search,
	 * file search, computer, code interpreter, MCP...) and MCP approval requests are tool calls */
	{ .extractor = { "openai.responses", "chat", "text", NULL, NULL },
		.either = { { { "object", SPECTRA_TEST_EQUALS, "response" } },
			{ { "output", SPECTRA_TEST_ARRAY }, { "usage.input_tokens" }, { "usage.output_tokens" } } },
		.mappings = { { SPECTRA_USAGE_INPUT, { "usage.input_tokens" } },
			{ SPECTRA_USAGE_OUTPUT, { "usage.output_tokens" } },
			{ SPECTRA_USAGE_CACHE_READ, { "usage.input_tokens_details.cached_tokens" } },
			{ SPECTRA_USAGE_REASONING, { "usage.output_tokens_details.reasoning_tokens" } } },
		.response_id = "id",
		.finish_reasons = { "incomplete_details.reason", "status" },
		.pricing_tier = "service_tier",
		.standard_tiers = { "default", "auto" },
		.reasoning_effort = "reasoning.effort",
		.items = { "output", { "*_call", "mcp_approval_request" }, { "reasoning" } } },
	/* OpenAI Images API (generations, edits, variations): {"created", "data": [{"url" |
	 * "b64_json", "revised_prompt"}], "usage"?}; the GPT image models add token usage and bill
	 * the image part of the input (and of the output, for those that also write text) at the
	 * image rate */
	{ .extractor = { "openai.images", "image_generation", "image", NULL, NULL },
		.either = { { { "data.0.url" }, { "choices", SPECTRA_TEST_NOT_ARRAY } },
			{ { "data.0.b64_json" }, { "choices", SPECTRA_TEST_NOT_ARRAY } } },
		.mappings = { { SPECTRA_USAGE_IMAGES, { "data" }, .read = SPECTRA_READ_LENGTH },
			{ SPECTRA_USAGE_KEYED, { "usage.input_tokens_details.image_tokens" }, SPECTRA_USAGE_input_image_tokens },
			{ SPECTRA_USAGE_KEYED, { "usage.output_tokens_details.image_tokens" }, SPECTRA_USAGE_output_image_tokens },
			{ SPECTRA_USAGE_INPUT, { "usage.input_tokens" } }, { SPECTRA_USAGE_OUTPUT, { "usage.output_tokens" } } } },
	{ .extractor = { "openai.audio_transcriptions", "transcription", "audio", spectra_openai_is_transcription,
		  spectra_openai_extract_transcription } },
	{ .extractor = { "openai.chat_completions", "chat", "text", NULL, spectra_openai_chat_usage },
		.either = { { { "object", SPECTRA_TEST_EQUALS, "chat.completion" } }, { { "choices.0.message" } } },
		OPENAI_CHAT_READING },
	{ .extractor = { "openai.completions", "text_completion", "text", NULL, spectra_openai_chat_usage },
		.either = { { { "object", SPECTRA_TEST_EQUALS, "text_completion" } }, { { "choices.0.text" } } },
		OPENAI_CHAT_READING },
	/* Gemini generateContent: candidatesTokenCount leaves out thoughtsTokenCount, and thinking
	 * is billed as output, so both make up the output; tool-use prompt tokens are input the
	 * model read. The model that answered comes as modelVersion (extract.c reads it). */
	{ .extractor = { "gemini.generate_content", "generate_content", "text", NULL, NULL },
		.either = { { { "usageMetadata", SPECTRA_TEST_ARRAY } }, { { "candidates", SPECTRA_TEST_ARRAY } } },
		.counted_when = { "usageMetadata.promptTokenCount", "usageMetadata.candidatesTokenCount",
			"usageMetadata.thoughtsTokenCount" },
		.mappings = { { SPECTRA_USAGE_INPUT,
						  { "usageMetadata.promptTokenCount", "usageMetadata.toolUsePromptTokenCount" } },
			{ SPECTRA_USAGE_OUTPUT, { "usageMetadata.candidatesTokenCount", "usageMetadata.thoughtsTokenCount" } },
			{ SPECTRA_USAGE_REASONING, { "usageMetadata.thoughtsTokenCount" } },
			{ SPECTRA_USAGE_CACHE_READ, { "usageMetadata.cachedContentTokenCount" } } },
		.breakdowns = gemini_modalities,
		.response_id = "responseId",
		.finish_reasons = { "candidates.*.finishReason" },
		.items = { "candidates.*.content.parts", .tool_key = "functionCall", .tool_key_type = "function_call",
			.reasoning_flag = "thought" } },
	/* hand-written: billed once, when the operation is done (gemini.c) */
	{ .extractor = { "gemini.video_operation", "video_generation", "video", spectra_gemini_is_video_operation,
		  spectra_gemini_extract_video_operation } },
	/* hand-written: the output's files by the model's kind (replicate.c); the operation depends
	 * on the model, the endpoint (url option) or the caller names it */
	{ .extractor = { "replicate.prediction", NULL, NULL, spectra_replicate_is_prediction,
		  spectra_replicate_extract_prediction } },
};

/* The record field each quantity fills (SPECTRA_USAGE_KEYED fills usage[] instead). */
static const size_t quantity_offsets[] = {
	[SPECTRA_USAGE_INPUT] = offsetof(spectra_record, prompt_tokens),
	[SPECTRA_USAGE_OUTPUT] = offsetof(spectra_record, completion_tokens),
	[SPECTRA_USAGE_CACHE_READ] = offsetof(spectra_record, cached_tokens),
	[SPECTRA_USAGE_CACHE_WRITE] = offsetof(spectra_record, cache_write_tokens),
	[SPECTRA_USAGE_REASONING] = offsetof(spectra_record, reasoning_tokens),
	[SPECTRA_USAGE_CACHE_WRITE_1H] = offsetof(spectra_record, cache_write_1h_tokens),
	[SPECTRA_USAGE_IMAGES] = offsetof(spectra_record, image_count),
	[SPECTRA_USAGE_VIDEOS] = offsetof(spectra_record, video_count),
	[SPECTRA_USAGE_CHARACTERS] = offsetof(spectra_record, input_characters),
};

static int64_t *quantity_field(spectra_record *record, spectra_usage_quantity quantity)
{
	return (int64_t *) ((char *) record + quantity_offsets[quantity]);
}

/* The object under a path's first segment, remembered between the paths of one row: most of
 * them start alike ("usage.", "usageMetadata."), and that one is looked up once then. */
typedef struct {
	const char *name;
	size_t len;
	HashTable *table;
} first_segment;

/* The table to read *rest from for path, or NULL when its first segment holds no array. */
static HashTable *scope_of(HashTable *body, const char *path, first_segment *memo, const char **rest)
{
	if (memo->name && strncmp(path, memo->name, memo->len) == 0 && path[memo->len] == '.') {
		*rest = path + memo->len + 1;
		return memo->table;
	}
	const char *dot = strchr(path, '.');
	if (!dot) {
		*rest = path;
		return body;
	}
	size_t len = (size_t) (dot - path);
	zval *value = zend_symtable_str_find(body, path, len);
	if (value) {
		ZVAL_DEREF(value);
	}
	memo->name = path;
	memo->len = len;
	memo->table = value && Z_TYPE_P(value) == IS_ARRAY ? Z_ARRVAL_P(value) : NULL;
	*rest = dot + 1;
	return memo->table;
}

static bool read_value(HashTable *body, const spectra_usage_mapping *mapping, const char *path, first_segment *memo,
	int64_t *value)
{
	const char *rest;
	HashTable *scope = scope_of(body, path, memo, &rest);
	if (!scope) {
		return false;
	}
	if (mapping->read == SPECTRA_READ_COUNT) {
		return spectra_read_count(scope, rest, value);
	}
	HashTable *items = spectra_read_array(scope, rest);
	if (!items) {
		return false;
	}
	/* a list counts its elements; for SPECTRA_READ_ITEMS an object (string keys, one File) is
	 * one item */
	bool one = mapping->read == SPECTRA_READ_ITEMS && !zend_array_is_list(items);
	*value = one ? 1 : (int64_t) zend_hash_num_elements(items);
	return true;
}

/* A path whose value is null is absent: Mistral OCR answers "document_annotation": null when
 * none was asked for. */
static bool is_present(HashTable *body, const char *path)
{
	zval *value = spectra_read_path(body, path);
	return value && Z_TYPE_P(value) != IS_NULL;
}

static bool string_is(zend_string *string, const char *value)
{
	return string && zend_string_equals_cstr(string, value, strlen(value));
}

static bool passes(HashTable *body, const spectra_usage_test *test)
{
	zval *value = spectra_read_path(body, test->path);
	switch (test->kind) {
	case SPECTRA_TEST_EXISTS:
		return value != NULL;
	case SPECTRA_TEST_ARRAY:
		return value && Z_TYPE_P(value) == IS_ARRAY;
	case SPECTRA_TEST_EQUALS:
		return value && Z_TYPE_P(value) == IS_STRING && string_is(Z_STR_P(value), test->value);
	case SPECTRA_TEST_NOT_ARRAY:
		return !value || Z_TYPE_P(value) != IS_ARRAY;
	}
	return false;
}

static bool passes_either(const spectra_usage_flavor *flavor, HashTable *body)
{
	size_t sets = sizeof flavor->either / sizeof flavor->either[0];
	size_t tests = sizeof flavor->either[0] / sizeof flavor->either[0][0];
	if (!flavor->either[0][0].path) {
		return true;
	}
	for (size_t s = 0; s < sets && flavor->either[s][0].path; s++) {
		bool all = true;
		for (size_t t = 0; t < tests && flavor->either[s][t].path && all; t++) {
			all = passes(body, &flavor->either[s][t]);
		}
		if (all) {
			return true;
		}
	}
	return false;
}

static bool is_flavor(const spectra_usage_flavor *flavor, HashTable *body)
{
	for (size_t i = 0; i < sizeof flavor->required / sizeof flavor->required[0] && flavor->required[i]; i++) {
		if (!is_present(body, flavor->required[i])) {
			return false;
		}
	}
	for (size_t i = 0; i < sizeof flavor->absent / sizeof flavor->absent[0] && flavor->absent[i]; i++) {
		if (is_present(body, flavor->absent[i])) {
			return false;
		}
	}
	if (flavor->object && !spectra_read_array(body, flavor->object)) {
		return false;
	}
	if (flavor->equals.path && !string_is(spectra_read_string(body, flavor->equals.path), flavor->equals.value)) {
		return false;
	}
	if (!passes_either(flavor, body)) {
		return false;
	}
	return !flavor->extractor.matches || flavor->extractor.matches(body);
}

/* Calls visit with each value at path, where a "*" segment stands for every element of the
 * list (or object) there; elements that are not arrays have nothing further down. memo (the
 * body's first segments) is NULL below the body. */
typedef void (*value_visitor)(zval *value, const void *rule, spectra_record *record);

static void walk_path(HashTable *scope, const char *path, first_segment *memo, value_visitor visit, const void *rule,
	spectra_record *record)
{
	const char *star = strchr(path, '*');
	const char *rest;
	if (!star) {
		HashTable *in = memo ? scope_of(scope, path, memo, &rest) : scope;
		zval *value = in ? spectra_read_path(in, memo ? rest : path) : NULL;
		if (value) {
			visit(value, rule, record);
		}
		return;
	}
	HashTable *list = scope;
	if (star > path) {
		first_segment inner = { NULL, 0, NULL };
		list = scope_of(scope, path, memo ? memo : &inner, &rest);
		if (list && rest != star) {
			/* more segments before the "*": read from a copy of them (the table's paths are short) */
			char prefix[64];
			size_t len = (size_t) (star - rest) - 1;
			if (len >= sizeof prefix) {
				return;
			}
			memcpy(prefix, rest, len);
			prefix[len] = '\0';
			list = spectra_read_array(list, prefix);
		}
		if (!list) {
			return;
		}
	}
	const char *next = star[1] == '.' ? star + 2 : NULL;
	zval *element;
	ZEND_HASH_FOREACH_VAL(list, element) {
		ZVAL_DEREF(element);
		if (!next) {
			visit(element, rule, record);
		} else if (Z_TYPE_P(element) == IS_ARRAY) {
			walk_path(Z_ARRVAL_P(element), next, NULL, visit, rule, record);
		}
	}
	ZEND_HASH_FOREACH_END();
}

static bool type_is_one_of(zend_string *type, const char *const *names, size_t count)
{
	for (size_t i = 0; i < count && names[i]; i++) {
		const char *name = names[i];
		if (name[0] != '*') {
			if (string_is(type, name)) {
				return true;
			}
			continue;
		}
		/* "*" is any type, "*_call" any longer type with that ending */
		size_t suffix = strlen(name + 1);
		if (suffix == 0
			|| (ZSTR_LEN(type) > suffix && memcmp(ZSTR_VAL(type) + ZSTR_LEN(type) - suffix, name + 1, suffix) == 0)) {
			return true;
		}
	}
	return false;
}

static void count_tool(spectra_record *record, const char *type)
{
	spectra_record_count_tool_call(record, type, strlen(type), 1);
}

static void read_item(zval *item, const spectra_usage_items *items, spectra_record *record)
{
	HashTable *fields = Z_TYPE_P(item) == IS_ARRAY ? Z_ARRVAL_P(item) : NULL;
	if (fields && items->tool_key && zend_hash_str_exists(fields, items->tool_key, strlen(items->tool_key))) {
		count_tool(record, items->tool_key_type);
	}
	bool flag = false;
	if (fields && items->reasoning_flag && spectra_read_bool(fields, items->reasoning_flag, &flag) && flag) {
		record->is_reasoning = true;
	}
	zend_string *type = fields ? spectra_read_string(fields, "type") : NULL;
	if (!type) {
		if (items->untyped_tool) {
			count_tool(record, items->untyped_tool);
		}
	} else if (type_is_one_of(type, items->tool_types, sizeof items->tool_types / sizeof items->tool_types[0])) {
		spectra_record_count_tool_call(record, ZSTR_VAL(type), ZSTR_LEN(type), 1);
	} else if (type_is_one_of(type, items->reasoning_types,
				   sizeof items->reasoning_types / sizeof items->reasoning_types[0])) {
		record->is_reasoning = true;
	}
}

static void visit_item_list(zval *list, const void *rule, spectra_record *record)
{
	if (Z_TYPE_P(list) != IS_ARRAY) {
		return;
	}
	zval *item;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), item) {
		ZVAL_DEREF(item);
		read_item(item, rule, record);
	}
	ZEND_HASH_FOREACH_END();
}

static void visit_finish_reason(zval *reason, const void *rule, spectra_record *record)
{
	(void) rule;
	if (Z_TYPE_P(reason) == IS_STRING) {
		spectra_record_add_finish_reason(record, Z_STRVAL_P(reason), Z_STRLEN_P(reason));
	}
}

static void read_finish_reasons(const spectra_usage_flavor *flavor, HashTable *body, first_segment *memo,
	spectra_record *record)
{
	zend_string *reason = flavor->finish_reason ? spectra_read_string(body, flavor->finish_reason) : NULL;
	if (reason && ZSTR_LEN(reason)) {
		spectra_record_add_finish_reason(record, ZSTR_VAL(reason), ZSTR_LEN(reason));
	}
	const char *path = flavor->finish_reasons[0];
	if (path && !strchr(path, '*')) {
		/* the first of the paths that holds a string */
		zend_string *first = NULL;
		for (size_t i = 0; i < sizeof flavor->finish_reasons / sizeof flavor->finish_reasons[0] && !first; i++) {
			first = flavor->finish_reasons[i] ? spectra_read_string(body, flavor->finish_reasons[i]) : NULL;
		}
		if (first) {
			spectra_record_add_finish_reason(record, ZSTR_VAL(first), ZSTR_LEN(first));
		}
	} else if (path) {
		walk_path(body, path, memo, visit_finish_reason, NULL, record);
	}
}

static bool is_counted(const spectra_usage_flavor *flavor, HashTable *body, first_segment *memo)
{
	size_t count = sizeof flavor->counted_when / sizeof flavor->counted_when[0];
	int64_t value;
	for (size_t i = 0; i < count && flavor->counted_when[i]; i++) {
		const char *rest;
		HashTable *scope = scope_of(body, flavor->counted_when[i], memo, &rest);
		if (scope && spectra_read_count(scope, rest, &value)) {
			return true;
		}
	}
	return false;
}

static void read_breakdowns(const spectra_usage_breakdown *breakdowns, HashTable *body, spectra_record *record)
{
	for (const spectra_usage_breakdown *breakdown = breakdowns; breakdown && breakdown->list; breakdown++) {
		HashTable *list = spectra_read_array(body, breakdown->list);
		if (!list) {
			continue;
		}
		size_t part_count = sizeof breakdown->parts / sizeof breakdown->parts[0];
		zval *entry;
		ZEND_HASH_FOREACH_VAL(list, entry) {
			ZVAL_DEREF(entry);
			zend_string *name =
				Z_TYPE_P(entry) == IS_ARRAY ? spectra_read_string(Z_ARRVAL_P(entry), breakdown->name_key) : NULL;
			int64_t count;
			if (!name || !spectra_read_count(Z_ARRVAL_P(entry), breakdown->count_key, &count)) {
				continue;
			}
			for (size_t p = 0; p < part_count && breakdown->parts[p].name; p++) {
				if (string_is(name, breakdown->parts[p].name)) {
					/* each count is at most SPECTRA_MAX_TOKEN_COUNT (9e15): a double holds the sum */
					double *field = &record->usage[breakdown->parts[p].key];
					*field = fmax(*field, 0) + (double) count;
					break;
				}
			}
		}
		ZEND_HASH_FOREACH_END();
	}
}

static void read_mappings(const spectra_usage_flavor *flavor, HashTable *body, first_segment *memo,
	spectra_record *record)
{
	/* a row with counted_when reads all its quantities or none (absent ones are then 0) */
	bool gated = flavor->counted_when[0] != NULL;
	if (gated && !is_counted(flavor, body, memo)) {
		return;
	}
	size_t mapping_count = sizeof flavor->mappings / sizeof flavor->mappings[0];
	for (size_t m = 0; m < mapping_count && flavor->mappings[m].paths[0]; m++) {
		const spectra_usage_mapping *mapping = &flavor->mappings[m];
		int64_t sum = 0;
		bool any = gated;
		for (size_t p = 0; p < sizeof mapping->paths / sizeof mapping->paths[0] && mapping->paths[p]; p++) {
			int64_t value;
			if (read_value(body, mapping, mapping->paths[p], memo, &value)) {
				sum += value; /* each at most SPECTRA_MAX_TOKEN_COUNT: four cannot overflow */
				any = true;
				if (mapping->first) {
					break;
				}
			}
		}
		if (!any) {
			continue;
		}
		if (mapping->quantity == SPECTRA_USAGE_KEYED) {
			record->usage[mapping->key] = (double) sum;
			continue;
		}
		*quantity_field(record, mapping->quantity) = sum;
		/* unit quantities are no token usage; cache reads and reasoning are parts of the input
		 * and the output (OpenAI's usage details): alone they are none either */
		if (mapping->quantity < SPECTRA_USAGE_IMAGES && mapping->quantity != SPECTRA_USAGE_CACHE_READ
			&& mapping->quantity != SPECTRA_USAGE_REASONING) {
			record->usage_seen = true;
		}
	}
	if (gated) {
		record->usage_seen = true;
	}
	read_breakdowns(flavor->breakdowns, body, record);
}

static void read_tier(const spectra_usage_flavor *flavor, HashTable *body, spectra_record *record)
{
	zend_string *tier = flavor->pricing_tier ? spectra_read_string(body, flavor->pricing_tier) : NULL;
	if (!tier || record->pricing_tier) {
		return;
	}
	size_t count = sizeof flavor->standard_tiers / sizeof flavor->standard_tiers[0];
	for (size_t i = 0; i < count && flavor->standard_tiers[i]; i++) {
		if (string_is(tier, flavor->standard_tiers[i])) {
			spectra_record_set(record, &record->pricing_tier, "standard");
			return;
		}
	}
	spectra_record_setl(record, &record->pricing_tier, ZSTR_VAL(tier), ZSTR_LEN(tier));
}

/* ---- gates: a row's top-level keys, looked up by a hash made once ---- */

#define FLAVOR_COUNT (sizeof flavors / sizeof flavors[0])

/* A body can be a row's flavor only when it holds one of the row's gate keys at its top level
 * (NULL: the row has no gate, its tests always run). Most rows are told apart by a key the
 * body lacks, so one lookup with a hash made at startup rejects them, instead of the row's
 * tests hashing each segment of each path. Set once in MINIT, read-only afterwards. */
static zend_string *flavor_gates[FLAVOR_COUNT][2];

/* The top-level key of a path, as a permanent interned string with its hash; NULL for a
 * numeric first segment (a list index is no string key). */
static zend_string *gate_key(const char *path)
{
	size_t len = strcspn(path, ".");
	if (len == 0 || strspn(path, "0123456789") >= len) {
		return NULL;
	}
	zend_string *key = zend_string_init_interned(path, len, 1);
	zend_string_hash_val(key);
	return key;
}

/* The path a test set needs present: its first test that a missing path fails. */
static const char *set_gate_path(const spectra_usage_test *set, size_t tests)
{
	for (size_t t = 0; t < tests && set[t].path; t++) {
		if (set[t].kind != SPECTRA_TEST_NOT_ARRAY) {
			return set[t].path;
		}
	}
	return NULL;
}

void spectra_usage_map_startup(void)
{
	for (size_t i = 0; i < FLAVOR_COUNT; i++) {
		const spectra_usage_flavor *flavor = &flavors[i];
		const char *path = flavor->required[0] ? flavor->required[0]
			: flavor->object                   ? flavor->object
											   : flavor->equals.path;
		if (path) {
			flavor_gates[i][0] = gate_key(path);
			continue;
		}
		size_t tests = sizeof flavor->either[0] / sizeof flavor->either[0][0];
		const char *first = flavor->either[0][0].path ? set_gate_path(flavor->either[0], tests) : NULL;
		const char *second = flavor->either[1][0].path ? set_gate_path(flavor->either[1], tests) : first;
		if (first && second) {
			/* either set may pass: the body needs one of the two keys */
			flavor_gates[i][0] = gate_key(first);
			flavor_gates[i][1] = gate_key(second);
			if (!flavor_gates[i][0] || !flavor_gates[i][1]) {
				flavor_gates[i][0] = flavor_gates[i][1] = NULL;
			}
		}
	}
}

static bool gate_open(HashTable *body, size_t row)
{
	zend_string *const *gates = flavor_gates[row];
	if (!gates[0]) {
		return true;
	}
	return zend_hash_find_known_hash(body, gates[0]) || (gates[1] && zend_hash_find_known_hash(body, gates[1]));
}

const spectra_usage_flavor *spectra_usage_flavor_find(HashTable *body)
{
	for (size_t i = 0; i < FLAVOR_COUNT; i++) {
		if (gate_open(body, i) && is_flavor(&flavors[i], body)) {
			return &flavors[i];
		}
	}
	return NULL;
}

void spectra_usage_flavor_apply(const spectra_usage_flavor *flavor, HashTable *body, spectra_record *record)
{
	first_segment memo = { NULL, 0, NULL };
	read_mappings(flavor, body, &memo, record);
	if (flavor->response_id) {
		spectra_read_into(body, flavor->response_id, record, &record->response_id);
	}
	read_finish_reasons(flavor, body, &memo, record);
	read_tier(flavor, body, record);
	zend_string *effort = flavor->reasoning_effort ? spectra_read_string(body, flavor->reasoning_effort) : NULL;
	if (effort && !record->reasoning_effort) {
		spectra_record_setl(record, &record->reasoning_effort, ZSTR_VAL(effort), ZSTR_LEN(effort));
	}
	if (flavor->items.list) {
		walk_path(body, flavor->items.list, &memo, visit_item_list, &flavor->items, record);
	}
	if (flavor->extractor.extract) {
		flavor->extractor.extract(body, record);
	}
}
