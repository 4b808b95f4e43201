/* Anthropic Messages API. Its usage.input_tokens counts only the uncached input: cache
 * reads and cache writes are reported beside it, so all three are added up to get the
 * GenAI input_tokens. */
#include "anthropic.h"

#include "src/php/extract/zval_read.h"

static bool is_message(HashTable *body)
{
	zend_string *type = spectra_read_string(body, "type");
	return type && zend_string_equals_literal(type, "message") && spectra_read_array(body, "usage");
}

static void extract_message(HashTable *body, spectra_record *record)
{
	spectra_read_into(body, "id", record, &record->response_id);
	HashTable *usage = spectra_read_array(body, "usage");
	int64_t uncached = 0, cache_read = 0, cache_write = 0, output = 0;
	bool any = false;
	any |= spectra_read_count(usage, "input_tokens", &uncached);
	spectra_read_count(usage, "cache_read_input_tokens", &cache_read);
	spectra_read_count(usage, "cache_creation_input_tokens", &cache_write);
	any |= spectra_read_count(usage, "output_tokens", &output);
	if (any) {
		record->prompt_tokens = uncached + cache_read + cache_write;
		record->completion_tokens = output;
		record->cached_tokens = cache_read;
		record->cache_write_tokens = cache_write;
		record->usage_seen = true;
	}
	/* usage.cache_creation splits the writes by TTL; 1-hour writes cost more */
	int64_t written_1h = 0;
	if (spectra_read_count(usage, "cache_creation.ephemeral_1h_input_tokens", &written_1h)) {
		record->cache_write_1h_tokens =
			written_1h < record->cache_write_tokens ? written_1h : record->cache_write_tokens;
	}
	/* server tools (web search) are billed per request, beside the tokens */
	int64_t searches;
	if (spectra_read_count(usage, "server_tool_use.web_search_requests", &searches)) {
		record->usage[SPECTRA_USAGE_web_searches] = (double) searches;
	}
	zend_string *tier = spectra_read_string(usage, "service_tier");
	if (tier && !record->pricing_tier) {
		spectra_record_setl(record, &record->pricing_tier, ZSTR_VAL(tier), ZSTR_LEN(tier));
	}
	zend_string *stop = spectra_read_string(body, "stop_reason");
	if (stop) {
		spectra_record_add_finish_reason(record, ZSTR_VAL(stop), ZSTR_LEN(stop));
	}
	HashTable *content = spectra_read_array(body, "content");
	if (content) {
		zval *block;
		ZEND_HASH_FOREACH_VAL(content, block) {
			ZVAL_DEREF(block);
			zend_string *type = Z_TYPE_P(block) == IS_ARRAY ? spectra_read_string(Z_ARRVAL_P(block), "type") : NULL;
			if (!type) {
				continue;
			}
			if (zend_string_equals_literal(type, "tool_use") || zend_string_equals_literal(type, "server_tool_use")) {
				spectra_record_count_tool_call(record, ZSTR_VAL(type), ZSTR_LEN(type), 1);
			} else if (zend_string_equals_literal(type, "thinking")
				|| zend_string_equals_literal(type, "redacted_thinking")) {
				record->is_reasoning = true;
			}
		}
		ZEND_HASH_FOREACH_END();
	}
}

const spectra_extractor spectra_anthropic_messages_extractor = { "anthropic.messages", "chat", "text", is_message,
	extract_message };
