/* OpenAI shapes: chat completions, completions, Responses API, embeddings. The same
 * shapes are spoken by most OpenAI-compatible providers (Groq, Mistral, xAI, DeepSeek,
 * OpenRouter, Ollama's /v1), so these extractors serve them too. */
#include "openai.h"

#include "src/php/extract/zval_read.h"

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

/* usage.prompt_tokens already includes cached tokens; completion includes reasoning. */
static void read_chat_usage(HashTable *body, spectra_record *record)
{
	HashTable *usage = spectra_read_array(body, "usage");
	if (!usage) {
		return;
	}
	int64_t value;
	if (spectra_read_count(usage, "prompt_tokens", &value)) {
		record->prompt_tokens = value;
		record->usage_seen = true;
	}
	if (spectra_read_count(usage, "completion_tokens", &value)) {
		record->completion_tokens = value;
		record->usage_seen = true;
	}
	if (spectra_read_count(usage, "prompt_tokens_details.cached_tokens", &value)) {
		record->cached_tokens = value;
	}
	if (spectra_read_count(usage, "completion_tokens_details.reasoning_tokens", &value)) {
		record->reasoning_tokens = value;
	}
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
		if (spectra_read_count(usage, "input_tokens", &value)) {
			record->prompt_tokens = value;
			record->usage_seen = true;
		}
		if (spectra_read_count(usage, "output_tokens", &value)) {
			record->completion_tokens = value;
			record->usage_seen = true;
		}
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

static bool is_embeddings(HashTable *body)
{
	HashTable *data = spectra_read_array(body, "data");
	zval *first = data ? zend_hash_index_find(data, 0) : NULL;
	if (!first || Z_TYPE_P(first) != IS_ARRAY) {
		return false;
	}
	zend_string *object = spectra_read_string(Z_ARRVAL_P(first), "object");
	return (object && zend_string_equals_literal(object, "embedding"))
		|| zend_hash_str_exists(Z_ARRVAL_P(first), "embedding", sizeof("embedding") - 1);
}

static void extract_embeddings(HashTable *body, spectra_record *record)
{
	int64_t value;
	if (spectra_read_count(body, "usage.prompt_tokens", &value)) {
		record->prompt_tokens = value;
		record->usage_seen = true;
	}
}

const spectra_extractor spectra_openai_chat_extractor = { "openai.chat_completions", "chat", "text", is_chat,
	extract_chat };
const spectra_extractor spectra_openai_completion_extractor = { "openai.completions", "text_completion", "text",
	is_completion, extract_chat };
const spectra_extractor spectra_openai_responses_extractor = { "openai.responses", "chat", "text", is_responses,
	extract_responses };
const spectra_extractor spectra_openai_embeddings_extractor = { "openai.embeddings", "embeddings", "embedding",
	is_embeddings, extract_embeddings };
