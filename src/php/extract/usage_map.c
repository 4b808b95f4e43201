#include "usage_map.h"

#include "src/php/extract/zval_read.h"

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

static bool read_value(HashTable *body, const spectra_usage_mapping *mapping, const char *path, int64_t *value)
{
	if (mapping->read == SPECTRA_READ_COUNT) {
		return spectra_read_count(body, path, value);
	}
	zval *items = spectra_read_path(body, path);
	if (!items || Z_TYPE_P(items) != IS_ARRAY) {
		return false;
	}
	/* a list counts its elements; an object (string keys, one File) is one item */
	HashTable *table = Z_ARRVAL_P(items);
	*value = zend_array_is_list(table) ? (int64_t) zend_hash_num_elements(table) : 1;
	return true;
}

/* A path whose value is null is absent: Mistral OCR answers "document_annotation": null when
 * none was asked for. */
static bool is_present(HashTable *body, const char *path)
{
	zval *value = spectra_read_path(body, path);
	return value && Z_TYPE_P(value) != IS_NULL;
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
	if (flavor->equals.path) {
		zend_string *value = spectra_read_string(body, flavor->equals.path);
		return value && zend_string_equals_cstr(value, flavor->equals.value, strlen(flavor->equals.value));
	}
	return true;
}

static bool is_one_of(zend_string *type, const char *const *names, size_t count)
{
	for (size_t i = 0; i < count && names[i]; i++) {
		if (zend_string_equals_cstr(type, names[i], strlen(names[i]))) {
			return true;
		}
	}
	return false;
}

static void read_items(const spectra_usage_items *items, HashTable *body, spectra_record *record)
{
	HashTable *list = items->list ? spectra_read_array(body, items->list) : NULL;
	if (!list) {
		return;
	}
	size_t tool_count = sizeof items->tool_types / sizeof items->tool_types[0];
	size_t reasoning_count = sizeof items->reasoning_types / sizeof items->reasoning_types[0];
	zval *item;
	ZEND_HASH_FOREACH_VAL(list, item) {
		ZVAL_DEREF(item);
		zend_string *type = Z_TYPE_P(item) == IS_ARRAY ? spectra_read_string(Z_ARRVAL_P(item), "type") : NULL;
		if (!type) {
			continue;
		}
		if (is_one_of(type, items->tool_types, tool_count)) {
			spectra_record_count_tool_call(record, ZSTR_VAL(type), ZSTR_LEN(type), 1);
		} else if (is_one_of(type, items->reasoning_types, reasoning_count)) {
			record->is_reasoning = true;
		}
	}
	ZEND_HASH_FOREACH_END();
}

const spectra_usage_flavor *spectra_usage_flavor_find(HashTable *body)
{
	for (size_t i = 0; i < sizeof flavors / sizeof flavors[0]; i++) {
		if (is_flavor(&flavors[i], body)) {
			return &flavors[i];
		}
	}
	return NULL;
}

void spectra_usage_flavor_apply(const spectra_usage_flavor *flavor, HashTable *body, spectra_record *record)
{
	size_t mapping_count = sizeof flavor->mappings / sizeof flavor->mappings[0];
	for (size_t m = 0; m < mapping_count && flavor->mappings[m].paths[0]; m++) {
		const spectra_usage_mapping *mapping = &flavor->mappings[m];
		int64_t sum = 0;
		bool any = false;
		for (size_t p = 0; p < sizeof mapping->paths / sizeof mapping->paths[0] && mapping->paths[p]; p++) {
			int64_t value;
			if (read_value(body, mapping, mapping->paths[p], &value)) {
				sum += value; /* each at most SPECTRA_MAX_TOKEN_COUNT: four cannot overflow */
				any = true;
			}
		}
		if (any && mapping->quantity == SPECTRA_USAGE_KEYED) {
			record->usage[mapping->key] = (double) sum;
		} else if (any && mapping->quantity >= SPECTRA_USAGE_IMAGES) {
			*quantity_field(record, mapping->quantity) = sum; /* a unit quantity, not token usage */
		} else if (any) {
			*quantity_field(record, mapping->quantity) = sum;
			record->usage_seen = true;
		}
	}
	if (flavor->response_id) {
		spectra_read_into(body, flavor->response_id, record, &record->response_id);
	}
	zend_string *reason = flavor->finish_reason ? spectra_read_string(body, flavor->finish_reason) : NULL;
	if (reason && ZSTR_LEN(reason)) {
		spectra_record_add_finish_reason(record, ZSTR_VAL(reason), ZSTR_LEN(reason));
	}
	zend_string *tier = flavor->pricing_tier ? spectra_read_string(body, flavor->pricing_tier) : NULL;
	if (tier && !record->pricing_tier) {
		spectra_record_setl(record, &record->pricing_tier, ZSTR_VAL(tier), ZSTR_LEN(tier));
	}
	read_items(&flavor->items, body, record);
}
