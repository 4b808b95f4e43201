/* OpenAI shapes: chat completions, completions, Responses API, images, transcriptions (the
 * embeddings list is a row of usage_map.c). The same
 * shapes are spoken by most OpenAI-compatible providers (Groq, Mistral, xAI, DeepSeek,
 * OpenRouter, Ollama's /v1), so these extractors serve them too. */
#include "openai.h"

#include "src/php/extract/zval_read.h"
#include "src/util/num.h"

static bool object_is(HashTable *body, const char *expected)
{
	zend_string *object = spectra_read_string(body, "object");
	return object && zend_string_equals_cstr(object, expected, strlen(expected));
}

static void read_choices(HashTable *body, spectra_record *record)
{
	HashTable *choices = spectra_read_array(body, "choices");
	if (!choices) {
		return;
	}
	zval *choice;
	ZEND_HASH_FOREACH_VAL(choices, choice) {
		ZVAL_DEREF(choice);
		if (Z_TYPE_P(choice) != IS_ARRAY) {
			continue;
		}
		zend_string *reason = spectra_read_string(Z_ARRVAL_P(choice), "finish_reason");
		if (reason) {
			spectra_record_add_finish_reason(record, ZSTR_VAL(reason), ZSTR_LEN(reason));
		}
		HashTable *tool_calls = spectra_read_array(Z_ARRVAL_P(choice), "message.tool_calls");
		if (tool_calls) {
			zval *call;
			ZEND_HASH_FOREACH_VAL(tool_calls, call) {
				ZVAL_DEREF(call);
				zend_string *type = Z_TYPE_P(call) == IS_ARRAY ? spectra_read_string(Z_ARRVAL_P(call), "type") : NULL;
				if (type) {
					spectra_record_count_tool_call(record, ZSTR_VAL(type), ZSTR_LEN(type), 1);
				} else {
					spectra_record_count_tool_call(record, "function", sizeof("function") - 1, 1);
				}
			}
			ZEND_HASH_FOREACH_END();
		}
	}
	ZEND_HASH_FOREACH_END();
}

/* What the call was billed, when the response says so: OpenRouter's usage.cost (its credits,
 * in US dollars; a bring-your-own-key call also paid cost_details.upstream_inference_cost to
 * the upstream provider) and Perplexity's usage.cost.total_cost. */
static void read_billed_cost(HashTable *usage, spectra_record *record)
{
	double billed, upstream;
	bool byok = false;
	if (spectra_read_number(usage, "cost", SPECTRA_MAX_BILLED_USD, &billed)) {
		if (spectra_read_bool(usage, "is_byok", &byok) && byok
			&& spectra_read_number(usage, "cost_details.upstream_inference_cost", SPECTRA_MAX_BILLED_USD, &upstream)) {
			billed += upstream;
		}
		record->billed_cost_usd = billed;
	} else if (spectra_read_number(usage, "cost.total_cost", SPECTRA_MAX_BILLED_USD, &billed)) {
		record->billed_cost_usd = billed;
		double part;
		if (spectra_read_number(usage, "cost.input_tokens_cost", SPECTRA_MAX_BILLED_USD, &part)) {
			record->billed_input_usd = part;
		}
		if (spectra_read_number(usage, "cost.output_tokens_cost", SPECTRA_MAX_BILLED_USD, &part)) {
			record->billed_output_usd = part;
		}
	}
}

/* Perplexity reports reasoning and citation tokens beside completion_tokens (its total_tokens
 * leaves them out) and bills both as output; its searches are billed per query. */
static void read_perplexity_usage(HashTable *usage, spectra_record *record)
{
	int64_t value;
	if (!zend_hash_str_exists(usage, ZEND_STRL("citation_tokens"))
		&& !zend_hash_str_exists(usage, ZEND_STRL("num_search_queries"))
		&& !zend_hash_str_exists(usage, ZEND_STRL("search_context_size"))) {
		return;
	}
	if (spectra_read_count(usage, "reasoning_tokens", &value)) {
		record->reasoning_tokens = value;
		record->completion_tokens = spectra_add_sat(record->completion_tokens, value);
	}
	if (spectra_read_count(usage, "citation_tokens", &value)) {
		record->usage[SPECTRA_USAGE_output_citation_tokens] = (double) value;
		record->completion_tokens = spectra_add_sat(record->completion_tokens, value);
	}
	if (spectra_read_count(usage, "num_search_queries", &value)) {
		record->usage[SPECTRA_USAGE_web_searches] = (double) value;
	}
}

/* usage.prompt_tokens already includes cached tokens; completion includes reasoning. */
static void read_chat_usage(HashTable *body, spectra_record *record)
{
	HashTable *usage = spectra_read_array(body, "usage");
	if (!usage) {
		return;
	}
	int64_t value;
	spectra_read_token_count(usage, "prompt_tokens", record, &record->prompt_tokens);
	spectra_read_token_count(usage, "completion_tokens", record, &record->completion_tokens);
	/* DeepSeek reports its cache hits as prompt_cache_hit_tokens (part of prompt_tokens) */
	if (spectra_read_count(usage, "prompt_cache_hit_tokens", &value)
		|| spectra_read_count(usage, "prompt_tokens_details.cached_tokens", &value)) {
		record->cached_tokens = value;
	}
	if (spectra_read_count(usage, "completion_tokens_details.reasoning_tokens", &value)) {
		record->reasoning_tokens = value;
	}
	/* audio models (gpt-audio, gpt-4o-audio-preview): the audio part of each side, priced at
	 * the model's audio rates; the rest is text */
	if (spectra_read_count(usage, "prompt_tokens_details.audio_tokens", &value)) {
		record->usage[SPECTRA_USAGE_input_audio_tokens] = (double) value;
	}
	if (spectra_read_count(usage, "completion_tokens_details.audio_tokens", &value)) {
		record->usage[SPECTRA_USAGE_output_audio_tokens] = (double) value;
	}
	/* xAI counts reasoning outside completion_tokens (its total_tokens is prompt + completion
	 * + reasoning) and bills it as output: the record's output includes it, as elsewhere */
	int64_t total;
	if (record->reasoning_tokens > 0 && spectra_read_count(usage, "total_tokens", &total)
		&& total
			== spectra_add_sat(spectra_add_sat(record->prompt_tokens, record->completion_tokens),
				record->reasoning_tokens)) {
		record->completion_tokens += record->reasoning_tokens;
	}
	read_perplexity_usage(usage, record);
	read_billed_cost(usage, record);
}

static void read_service_tier(HashTable *body, spectra_record *record)
{
	/* OpenAI answers "default" for the standard tier; "scale" is a reserved-capacity
	 * contract we cannot price, so it is kept as is and reads as an unknown tier. */
	zend_string *tier = spectra_read_string(body, "service_tier");
	if (!tier || record->pricing_tier) {
		return;
	}
	if (zend_string_equals_literal(tier, "default") || zend_string_equals_literal(tier, "auto")) {
		spectra_record_set(record, &record->pricing_tier, "standard");
	} else {
		spectra_record_setl(record, &record->pricing_tier, ZSTR_VAL(tier), ZSTR_LEN(tier));
	}
}

static bool is_chat(HashTable *body)
{
	if (object_is(body, "chat.completion")) {
		return true;
	}
	HashTable *choices = spectra_read_array(body, "choices");
	zval *first = choices ? zend_hash_index_find(choices, 0) : NULL;
	return first && Z_TYPE_P(first) == IS_ARRAY
		&& zend_hash_str_exists(Z_ARRVAL_P(first), "message", sizeof("message") - 1);
}

static void extract_chat(HashTable *body, spectra_record *record)
{
	spectra_read_into(body, "id", record, &record->response_id);
	read_chat_usage(body, record);
	read_choices(body, record);
	read_service_tier(body, record);
}

static bool is_completion(HashTable *body)
{
	if (object_is(body, "text_completion")) {
		return true;
	}
	HashTable *choices = spectra_read_array(body, "choices");
	zval *first = choices ? zend_hash_index_find(choices, 0) : NULL;
	return first && Z_TYPE_P(first) == IS_ARRAY && zend_hash_str_exists(Z_ARRVAL_P(first), "text", sizeof("text") - 1);
}

static bool is_responses(HashTable *body)
{
	if (object_is(body, "response")) {
		return true;
	}
	return spectra_read_array(body, "output") && spectra_read_path(body, "usage.input_tokens")
		&& spectra_read_path(body, "usage.output_tokens");
}

static void extract_responses(HashTable *body, spectra_record *record)
{
	spectra_read_into(body, "id", record, &record->response_id);
	HashTable *usage = spectra_read_array(body, "usage");
	int64_t value;
	if (usage) {
		spectra_read_token_count(usage, "input_tokens", record, &record->prompt_tokens);
		spectra_read_token_count(usage, "output_tokens", record, &record->completion_tokens);
		if (spectra_read_count(usage, "input_tokens_details.cached_tokens", &value)) {
			record->cached_tokens = value;
		}
		if (spectra_read_count(usage, "output_tokens_details.reasoning_tokens", &value)) {
			record->reasoning_tokens = value;
		}
	}
	/* The response status is the closest thing to a finish reason; an incomplete
	 * response says why (max_output_tokens, content_filter). */
	zend_string *reason = spectra_read_string(body, "incomplete_details.reason");
	if (!reason) {
		reason = spectra_read_string(body, "status");
	}
	if (reason) {
		spectra_record_add_finish_reason(record, ZSTR_VAL(reason), ZSTR_LEN(reason));
	}
	HashTable *output = spectra_read_array(body, "output");
	if (output) {
		zval *item;
		ZEND_HASH_FOREACH_VAL(output, item) {
			ZVAL_DEREF(item);
			zend_string *type = Z_TYPE_P(item) == IS_ARRAY ? spectra_read_string(Z_ARRVAL_P(item), "type") : NULL;
			if (!type) {
				continue;
			}
			if (zend_string_equals_literal(type, "reasoning")) {
				record->is_reasoning = true;
			} else if (zend_string_equals_literal(type, "message")) {
				continue;
			} else if (ZSTR_LEN(type) > 5 && memcmp(ZSTR_VAL(type) + ZSTR_LEN(type) - 5, "_call", 5) == 0) {
				spectra_record_count_tool_call(record, ZSTR_VAL(type), ZSTR_LEN(type), 1);
			} else if (zend_string_equals_literal(type, "mcp_approval_request")) {
				spectra_record_count_tool_call(record, ZSTR_VAL(type), ZSTR_LEN(type), 1);
			}
		}
		ZEND_HASH_FOREACH_END();
	}
	zend_string *effort = spectra_read_string(body, "reasoning.effort");
	if (effort && !record->reasoning_effort) {
		spectra_record_setl(record, &record->reasoning_effort, ZSTR_VAL(effort), ZSTR_LEN(effort));
	}
	read_service_tier(body, record);
}

/* Images API (generations, edits, variations): {"created", "data": [{"url"|"b64_json",
 * "revised_prompt"}], "usage"?}; gpt-image-1 adds token usage (input_tokens, output_tokens). */
static bool is_images(HashTable *body)
{
	HashTable *data = spectra_read_array(body, "data");
	zval *first = data ? zend_hash_index_find(data, 0) : NULL;
	if (!first || Z_TYPE_P(first) != IS_ARRAY || spectra_read_array(body, "choices")) {
		return false;
	}
	HashTable *item = Z_ARRVAL_P(first);
	return zend_hash_str_exists(item, "url", sizeof("url") - 1)
		|| zend_hash_str_exists(item, "b64_json", sizeof("b64_json") - 1);
}

static void extract_images(HashTable *body, spectra_record *record)
{
	record->image_count = zend_hash_num_elements(spectra_read_array(body, "data"));
	/* gpt-image-1 bills the image part of its input at the image rate */
	int64_t image_input;
	if (spectra_read_count(body, "usage.input_tokens_details.image_tokens", &image_input)) {
		record->usage[SPECTRA_USAGE_input_image_tokens] = (double) image_input;
	}
	/* the GPT image models that also write text (gpt-image-1.5) split their output */
	int64_t image_output;
	if (spectra_read_count(body, "usage.output_tokens_details.image_tokens", &image_output)) {
		record->usage[SPECTRA_USAGE_output_image_tokens] = (double) image_output;
	}
	spectra_read_token_count(body, "usage.input_tokens", record, &record->prompt_tokens);
	spectra_read_token_count(body, "usage.output_tokens", record, &record->completion_tokens);
}

/* Audio transcriptions and translations: {"text", "language"?, "duration"?, "segments"?,
 * "usage"?: {"type": "duration", "seconds"} (whisper-1) or {"type": "tokens", "input_tokens",
 * "output_tokens"} (gpt-4o-transcribe)}; Mistral's {"model", "text", "language", "segments",
 * "usage": {"prompt_audio_seconds", "prompt_tokens", "completion_tokens"}}; Groq's verbose_json
 * adds "x_groq". A bare {"text"} carries nothing to read. */
static bool is_transcription(HashTable *body)
{
	if (!spectra_read_string(body, "text") || spectra_read_array(body, "choices")
		|| spectra_read_path(body, "object")) {
		return false;
	}
	return spectra_read_path(body, "duration") || spectra_read_string(body, "usage.type")
		|| spectra_read_path(body, "usage.prompt_audio_seconds") || spectra_read_path(body, "segments")
		|| spectra_read_string(body, "language");
}

static void extract_transcription(HashTable *body, spectra_record *record)
{
	double seconds;
	zend_string *usage_type = spectra_read_string(body, "usage.type");
	if (usage_type && zend_string_equals_literal(usage_type, "duration")
		&& spectra_read_seconds(body, "usage.seconds", &seconds)) {
		record->duration_seconds = seconds;
	} else if (spectra_read_seconds(body, "usage.prompt_audio_seconds", &seconds)
		|| spectra_read_seconds(body, "duration", &seconds)) {
		record->duration_seconds = seconds; /* Mistral bills the seconds of audio it read */
	}
	if (!spectra_read_token_count(body, "usage.input_tokens", record, &record->prompt_tokens)) {
		spectra_read_token_count(body, "usage.prompt_tokens", record, &record->prompt_tokens);
	}
	if (!spectra_read_token_count(body, "usage.output_tokens", record, &record->completion_tokens)) {
		spectra_read_token_count(body, "usage.completion_tokens", record, &record->completion_tokens);
	}
}

const spectra_extractor spectra_openai_images_extractor = { "openai.images", "image_generation", "image", is_images,
	extract_images };
const spectra_extractor spectra_openai_transcription_extractor = { "openai.audio_transcriptions", "transcription",
	"audio", is_transcription, extract_transcription };
const spectra_extractor spectra_openai_chat_extractor = { "openai.chat_completions", "chat", "text", is_chat,
	extract_chat };
const spectra_extractor spectra_openai_completion_extractor = { "openai.completions", "text_completion", "text",
	is_completion, extract_chat };
const spectra_extractor spectra_openai_responses_extractor = { "openai.responses", "chat", "text", is_responses,
	extract_responses };
