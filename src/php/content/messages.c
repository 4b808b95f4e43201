#include "messages.h"

#include "php_spectra.h"
#include "ext/json/php_json.h"
#include "zend_smart_str.h"
#include "src/php/extract/zval_read.h"

/* ---- parts ------------------------------------------------------------------------------ */

static void add_text(zval *parts, zval *text)
{
	if (!text || Z_TYPE_P(text) != IS_STRING || Z_STRLEN_P(text) == 0) {
		return;
	}
	zval part;
	array_init_size(&part, 2);
	add_assoc_string(&part, "type", "text");
	Z_TRY_ADDREF_P(text);
	add_assoc_zval(&part, "content", text);
	add_next_index_zval(parts, &part);
}

/* A copy of value; a string holding JSON (OpenAI's tool arguments) becomes what it holds. */
static void copy_structured(zval *out, zval *value)
{
	if (Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) > 0
		&& (Z_STRVAL_P(value)[0] == '{' || Z_STRVAL_P(value)[0] == '[')) {
		php_json_error_code saved_error = JSON_G(error_code); /* json_last_error() is the application's */
		zval decoded;
		zend_result decoded_ok = php_json_decode_ex(&decoded, Z_STRVAL_P(value), Z_STRLEN_P(value),
			PHP_JSON_OBJECT_AS_ARRAY, PHP_JSON_PARSER_DEFAULT_DEPTH);
		JSON_G(error_code) = saved_error;
		if (decoded_ok == SUCCESS) {
			ZVAL_COPY_VALUE(out, &decoded);
			return;
		}
	}
	ZVAL_COPY(out, value);
}

/* A tool part: {type, id (a string), name (a string, calls only), <payload_key>: payload}. */
static void add_tool_part(zval *parts, const char *type, zval *id, zval *name, const char *payload_key, zval *payload)
{
	zval part;
	array_init_size(&part, 4);
	add_assoc_string(&part, "type", type);
	zval *strings[] = { id, name };
	const char *keys[] = { "id", "name" };
	for (int i = 0; i < 2; i++) {
		if (strings[i] && Z_TYPE_P(strings[i]) == IS_STRING) {
			Z_TRY_ADDREF_P(strings[i]);
			add_assoc_zval(&part, keys[i], strings[i]);
		}
	}
	if (payload) {
		zval copy;
		copy_structured(&copy, payload);
		add_assoc_zval(&part, payload_key, &copy);
	}
	add_next_index_zval(parts, &part);
}

static void add_tool_call(zval *parts, zval *id, zval *name, zval *arguments)
{
	add_tool_part(parts, "tool_call", id, name, "arguments", arguments);
}

static void add_tool_response(zval *parts, zval *id, zval *response)
{
	add_tool_part(parts, "tool_call_response", id, NULL, "response", response);
}

static zval *member(zval *object, const char *key)
{
	return Z_TYPE_P(object) == IS_ARRAY ? spectra_read_path(Z_ARRVAL_P(object), key) : NULL;
}

static bool type_is(zval *block, const char *type)
{
	zval *value = member(block, "type");
	return value && Z_TYPE_P(value) == IS_STRING && zend_string_equals_cstr(Z_STR_P(value), type, strlen(type));
}

/* One content block of any of the shapes: OpenAI {type: text | input_text | output_text,
 * text}, Anthropic {type: text | tool_use | tool_result}, Gemini {text | functionCall |
 * functionResponse} (its thought parts are reasoning, not content). Images, audio and files
 * are left out. */
static void add_block(zval *parts, zval *block)
{
	ZVAL_DEREF(block);
	if (Z_TYPE_P(block) == IS_STRING) {
		add_text(parts, block);
		return;
	}
	if (Z_TYPE_P(block) != IS_ARRAY) {
		return;
	}
	zval *value;
	if (type_is(block, "tool_use")) {
		add_tool_call(parts, member(block, "id"), member(block, "name"), member(block, "input"));
	} else if (type_is(block, "tool_result")) {
		add_tool_response(parts, member(block, "tool_use_id"), member(block, "content"));
	} else if ((value = member(block, "functionCall")) && Z_TYPE_P(value) == IS_ARRAY) {
		add_tool_call(parts, member(value, "id"), member(value, "name"), member(value, "args"));
	} else if ((value = member(block, "functionResponse")) && Z_TYPE_P(value) == IS_ARRAY) {
		add_tool_response(parts, member(value, "id") ? member(value, "id") : member(value, "name"),
			member(value, "response"));
	} else if ((value = member(block, "thought")) && Z_TYPE_P(value) == IS_TRUE) {
		return;
	} else if (type_is(block, "text") || type_is(block, "input_text") || type_is(block, "output_text")
		|| !member(block, "type")) {
		add_text(parts, member(block, "text"));
	}
}

/* A message's content: a string, or a list of blocks. */
static void add_content(zval *parts, zval *content)
{
	if (!content) {
		return;
	}
	ZVAL_DEREF(content);
	if (Z_TYPE_P(content) == IS_ARRAY && zend_array_is_list(Z_ARRVAL_P(content))) {
		zval *block;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(content), block) {
			add_block(parts, block);
		}
		ZEND_HASH_FOREACH_END();
	} else {
		add_block(parts, content);
	}
}

/* OpenAI chat's assistant tool_calls: [{id, type: function, function: {name, arguments}}]. */
static void add_openai_tool_calls(zval *parts, zval *calls)
{
	if (!calls || Z_TYPE_P(calls) != IS_ARRAY) {
		return;
	}
	zval *call;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(calls), call) {
		ZVAL_DEREF(call);
		zval *function = member(call, "function");
		if (function && Z_TYPE_P(function) == IS_ARRAY) {
			add_tool_call(parts, member(call, "id"), member(function, "name"), member(function, "arguments"));
		}
	}
	ZEND_HASH_FOREACH_END();
}

/* ---- messages --------------------------------------------------------------------------- */

/* Appends {role, parts[, finish_reason]} when it has parts; takes parts. */
static void add_message(zval *messages, const char *role, size_t role_len, zval *parts, zval *finish_reason)
{
	if (zend_hash_num_elements(Z_ARRVAL_P(parts)) == 0) {
		zval_ptr_dtor(parts);
		return;
	}
	zval message;
	array_init_size(&message, 3);
	add_assoc_stringl(&message, "role", role, role_len);
	add_assoc_zval(&message, "parts", parts);
	if (finish_reason && Z_TYPE_P(finish_reason) == IS_STRING) {
		Z_TRY_ADDREF_P(finish_reason);
		add_assoc_zval(&message, "finish_reason", finish_reason);
	}
	add_next_index_zval(messages, &message);
}

static void add_role_message(zval *messages, zval *role, zval *parts, zval *finish_reason)
{
	const char *name = "user";
	size_t len = 4;
	if (role && Z_TYPE_P(role) == IS_STRING && Z_STRLEN_P(role) > 0) {
		name = Z_STRVAL_P(role);
		len = Z_STRLEN_P(role);
	}
	if (len == 5 && memcmp(name, "model", 5) == 0) {
		name = "assistant"; /* Gemini's name for it */
		len = 9;
	}
	add_message(messages, name, len, parts, finish_reason);
}

/* OpenAI chat and Anthropic messages, Gemini contents: [{role, content | parts, ...}]. */
static void add_chat_messages(zval *messages, zval *list)
{
	zval *item;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), item) {
		ZVAL_DEREF(item);
		if (Z_TYPE_P(item) != IS_ARRAY) {
			continue;
		}
		zval parts;
		array_init(&parts);
		zval *role = member(item, "role");
		if (role && Z_TYPE_P(role) == IS_STRING && zend_string_equals_literal(Z_STR_P(role), "tool")) {
			add_tool_response(&parts, member(item, "tool_call_id"), member(item, "content"));
		} else {
			add_content(&parts, member(item, "content"));
			add_content(&parts, member(item, "parts"));
			add_openai_tool_calls(&parts, member(item, "tool_calls"));
		}
		add_role_message(messages, role, &parts, NULL);
	}
	ZEND_HASH_FOREACH_END();
}

/* The Responses API's input: a string, or items (messages, function calls and their outputs). */
static void add_responses_input(zval *messages, zval *input)
{
	if (Z_TYPE_P(input) == IS_STRING) {
		zval parts;
		array_init(&parts);
		add_text(&parts, input);
		add_message(messages, "user", 4, &parts, NULL);
		return;
	}
	zval *item;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(input), item) {
		ZVAL_DEREF(item);
		zval parts;
		array_init(&parts);
		if (type_is(item, "function_call")) {
			add_tool_call(&parts, member(item, "call_id"), member(item, "name"), member(item, "arguments"));
			add_message(messages, "assistant", 9, &parts, NULL);
		} else if (type_is(item, "function_call_output")) {
			add_tool_response(&parts, member(item, "call_id"), member(item, "output"));
			add_message(messages, "tool", 4, &parts, NULL);
		} else {
			add_content(&parts, member(item, "content"));
			add_role_message(messages, member(item, "role"), &parts, NULL);
		}
	}
	ZEND_HASH_FOREACH_END();
}

/* ---- the size bound --------------------------------------------------------------------- */

static zend_string *encode(zval *value)
{
	php_json_error_code saved_error = JSON_G(error_code);
	smart_str json = { 0 };
	zend_result encoded = php_json_encode_ex(&json, value,
		PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_INVALID_UTF8_SUBSTITUTE
			| PHP_JSON_PARTIAL_OUTPUT_ON_ERROR,
		64);
	JSON_G(error_code) = saved_error;
	if (encoded != SUCCESS || !json.s) {
		smart_str_free(&json);
		return NULL;
	}
	return smart_str_extract(&json);
}

/* A text part's content longer than limit bytes is cut (at a UTF-8 character) and marked. */
static void cut_text(zval *part, size_t limit)
{
	zval *content = member(part, "content");
	if (!content || Z_TYPE_P(content) != IS_STRING || Z_STRLEN_P(content) <= limit) {
		return;
	}
	size_t keep = limit;
	while (keep > 0 && ((unsigned char) Z_STRVAL_P(content)[keep] & 0xC0) == 0x80) {
		keep--;
	}
	zend_string *cut = zend_string_concat2(Z_STRVAL_P(content), keep, "\xE2\x80\xA6", 3);
	zval_ptr_dtor(content);
	ZVAL_STR(content, cut);
}

/* Every text of a list of messages, or of parts (the system instructions). */
static void cut_texts(zval *list, size_t limit)
{
	zval *item, *part;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), item) {
		zval *parts = member(item, "parts");
		if (!parts) {
			cut_text(item, limit);
			continue;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(parts), part) {
			cut_text(part, limit);
		}
		ZEND_HASH_FOREACH_END();
	}
	ZEND_HASH_FOREACH_END();
}

static size_t text_count(zval *messages)
{
	size_t count = 0;
	zval *message;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(messages), message) {
		zval *parts = member(message, "parts");
		count += parts && Z_TYPE_P(parts) == IS_ARRAY ? zend_hash_num_elements(Z_ARRVAL_P(parts)) : 1;
	}
	ZEND_HASH_FOREACH_END();
	return count;
}

/* The JSON of messages within max_bytes into *field; takes messages. Each message is
 * encoded once: the oldest go until the rest (commas and brackets counted) fit, and those
 * are joined, so a long conversation costs one pass, not one per message dropped. */
static void store(spectra_record *record, char **field, zval *messages, size_t max_bytes)
{
	uint32_t count = zend_hash_num_elements(Z_ARRVAL_P(messages));
	if (count > 0) {
		size_t texts = text_count(messages);
		zend_string *whole = encode(messages);
		if (whole && ZSTR_LEN(whole) > max_bytes) {
			size_t limit = max_bytes / (texts + 1);
			cut_texts(messages, limit > 64 ? limit : 64);
		}
		bool fits = whole && ZSTR_LEN(whole) <= max_bytes;
		if (fits) {
			spectra_record_set_content(record, field, ZSTR_VAL(whole), ZSTR_LEN(whole));
		}
		if (whole) {
			zend_string_release(whole);
		}
		zend_string **encoded = fits ? NULL : ecalloc(count, sizeof *encoded);
		size_t total = 1, n = 0, first = 0; /* "[" ... "]": one byte each, a comma between */
		zval *message;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(messages), message) {
			if (!encoded) {
				break;
			}
			zend_string *json = encode(message);
			if (json) {
				encoded[n++] = json;
				total += ZSTR_LEN(json) + 1;
			}
		}
		ZEND_HASH_FOREACH_END();
		while (encoded && first < n && total > max_bytes) {
			total -= ZSTR_LEN(encoded[first]) + 1;
			first++;
		}
		if (encoded && first < n) {
			smart_str joined = { 0 };
			smart_str_appendc(&joined, '[');
			for (size_t k = first; k < n; k++) {
				if (k > first) {
					smart_str_appendc(&joined, ',');
				}
				smart_str_append(&joined, encoded[k]);
			}
			smart_str_appendc(&joined, ']');
			spectra_record_set_content(record, field, ZSTR_VAL(joined.s), ZSTR_LEN(joined.s));
			smart_str_free(&joined);
		}
		for (size_t k = 0; encoded && k < n; k++) {
			zend_string_release(encoded[k]);
		}
		if (encoded) {
			efree(encoded);
		}
	}
	zval_ptr_dtor(messages);
}

/* ---- the two entry points --------------------------------------------------------------- */

size_t spectra_content_max_bytes(void)
{
	zend_long bytes = SPECTRA_G(capture_content_max_bytes);
	return bytes < 256 ? 256 : (size_t) bytes;
}

void spectra_content_from_request(spectra_record *record, HashTable *body, size_t max_bytes)
{
	zval system, messages;
	array_init(&system);
	array_init(&messages);
	zval *value;
	/* Anthropic's system (a string or text blocks), Gemini's systemInstruction.parts, the
	 * Responses API's instructions; OpenAI chat keeps its system messages among the others */
	if ((value = zend_hash_str_find_deref(body, ZEND_STRL("system")))) {
		add_content(&system, value);
	}
	if ((value = spectra_read_path(body, "systemInstruction.parts"))) {
		add_content(&system, value);
	}
	if ((value = zend_hash_str_find_deref(body, ZEND_STRL("instructions")))) {
		add_content(&system, value);
	}
	if ((value = zend_hash_str_find_deref(body, ZEND_STRL("messages"))) && Z_TYPE_P(value) == IS_ARRAY) {
		add_chat_messages(&messages, value);
	} else if ((value = zend_hash_str_find_deref(body, ZEND_STRL("contents"))) && Z_TYPE_P(value) == IS_ARRAY) {
		add_chat_messages(&messages, value);
	} else if ((value = zend_hash_str_find_deref(body, ZEND_STRL("input")))
		&& (Z_TYPE_P(value) == IS_ARRAY || Z_TYPE_P(value) == IS_STRING)) {
		add_responses_input(&messages, value);
	}
	store(record, &record->system_instructions, &system, max_bytes);
	store(record, &record->input_messages, &messages, max_bytes);
}

void spectra_content_from_response(spectra_record *record, HashTable *body, size_t max_bytes)
{
	zval messages;
	array_init(&messages);
	zval *list, *item;
	if ((list = zend_hash_str_find_deref(body, ZEND_STRL("choices"))) && Z_TYPE_P(list) == IS_ARRAY) {
		/* OpenAI chat (and the APIs that copy it), legacy completions */
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), item) {
			ZVAL_DEREF(item);
			zval parts;
			array_init(&parts);
			zval *message = member(item, "message");
			if (message && Z_TYPE_P(message) == IS_ARRAY) {
				add_content(&parts, member(message, "content"));
				add_openai_tool_calls(&parts, member(message, "tool_calls"));
			} else {
				add_text(&parts, member(item, "text"));
			}
			add_message(&messages, "assistant", 9, &parts, member(item, "finish_reason"));
		}
		ZEND_HASH_FOREACH_END();
	} else if ((list = zend_hash_str_find_deref(body, ZEND_STRL("candidates"))) && Z_TYPE_P(list) == IS_ARRAY) {
		/* Gemini */
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), item) {
			ZVAL_DEREF(item);
			zval parts;
			array_init(&parts);
			zval *content = member(item, "content");
			if (content) {
				add_content(&parts, member(content, "parts"));
			}
			add_message(&messages, "assistant", 9, &parts, member(item, "finishReason"));
		}
		ZEND_HASH_FOREACH_END();
	} else if ((list = zend_hash_str_find_deref(body, ZEND_STRL("output"))) && Z_TYPE_P(list) == IS_ARRAY) {
		/* the Responses API: message and function_call items make one answer */
		zval parts;
		array_init(&parts);
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), item) {
			ZVAL_DEREF(item);
			if (type_is(item, "message")) {
				add_content(&parts, member(item, "content"));
			} else if (type_is(item, "function_call")) {
				add_tool_call(&parts, member(item, "call_id"), member(item, "name"), member(item, "arguments"));
			}
		}
		ZEND_HASH_FOREACH_END();
		zval *reason = spectra_read_path(body, "incomplete_details.reason");
		add_message(&messages, "assistant", 9, &parts,
			reason ? reason : zend_hash_str_find_deref(body, ZEND_STRL("status")));
	} else if ((list = zend_hash_str_find_deref(body, ZEND_STRL("content"))) && Z_TYPE_P(list) == IS_ARRAY) {
		/* Anthropic */
		zval parts;
		array_init(&parts);
		add_content(&parts, list);
		add_message(&messages, "assistant", 9, &parts, zend_hash_str_find_deref(body, ZEND_STRL("stop_reason")));
	}
	store(record, &record->output_messages, &messages, max_bytes);
}

void spectra_content_stream_start(spectra_stream_usage *usage)
{
	if (SPECTRA_G(capture_content)) {
		spectra_stream_usage_keep_answer(usage, spectra_content_max_bytes());
	}
}

void spectra_content_from_stream(spectra_record *record, const spectra_stream_usage *usage)
{
	if (!usage->answer_limit || record->output_messages || usage->answer.len == 0) {
		return;
	}
	const char *text = usage->answer.data;
	size_t len = usage->answer.len;
	zval messages, parts, content, reason;
	array_init(&messages);
	array_init(&parts);
	ZVAL_STR(&content,
		usage->answer_cut ? zend_string_concat2(text, len, "\xE2\x80\xA6", 3) : zend_string_init(text, len, 0));
	add_text(&parts, &content);
	zval_ptr_dtor(&content);
	ZVAL_UNDEF(&reason);
	if (record->finish_reasons.count > 0) {
		ZVAL_STRING(&reason, record->finish_reasons.items[0]);
	}
	add_message(&messages, "assistant", 9, &parts, Z_ISUNDEF(reason) ? NULL : &reason);
	zval_ptr_dtor(&reason);
	store(record, &record->output_messages, &messages, usage->answer_limit);
}
