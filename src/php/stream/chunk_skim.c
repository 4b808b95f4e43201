#include "chunk_skim.h"

static bool key_is(const zend_string *key, const char *name, size_t len)
{
	return ZSTR_LEN(key) == len && memcmp(ZSTR_VAL(key), name, len) == 0;
}

#define KEY_IS(key, literal) key_is(key, literal, sizeof literal - 1)

static bool string_is(const zval *value, const char *text, size_t len)
{
	return Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) == len && memcmp(Z_STRVAL_P(value), text, len) == 0;
}

/* Adds the characters of value when it is a string (the full reading counts strings only). */
static void count_string(const zval *value, int64_t *chars)
{
	if (Z_TYPE_P(value) == IS_STRING) {
		*chars += spectra_stream_characters(Z_STRVAL_P(value), Z_STRLEN_P(value));
	}
}

/* Calls read for each member of an object-shaped array; an integer key (a list, or a key
 * the JSON tree would hold as text) declines. */
typedef bool (*member_reader)(zend_string *key, zval *value, void *context);

static bool each_member(HashTable *object, member_reader read, void *context)
{
	zend_string *key;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(object, key, value) {
		ZVAL_DEREF(value);
		if (!key || !read(key, value, context)) {
			return false;
		}
	}
	ZEND_HASH_FOREACH_END();
	return true;
}

typedef struct {
	int64_t chars;
	bool is_chunk;
} chat_state;

/* delta: {role, content, refusal}, any values; content counted when a string. */
static bool read_chat_delta_member(zend_string *key, zval *value, void *context)
{
	if (KEY_IS(key, "content")) {
		count_string(value, &((chat_state *) context)->chars);
		return true;
	}
	return KEY_IS(key, "role") || KEY_IS(key, "refusal");
}

/* choice: {index, delta, logprobs, finish_reason: null} */
static bool read_chat_choice_member(zend_string *key, zval *value, void *context)
{
	if (KEY_IS(key, "delta")) {
		return Z_TYPE_P(value) == IS_ARRAY && each_member(Z_ARRVAL_P(value), read_chat_delta_member, context);
	}
	if (KEY_IS(key, "finish_reason")) {
		return Z_TYPE_P(value) == IS_NULL; /* a finish reason is news: read in full */
	}
	return KEY_IS(key, "index") || KEY_IS(key, "logprobs");
}

static bool read_chat_chunk_member(zend_string *key, zval *value, void *context)
{
	chat_state *state = context;
	if (KEY_IS(key, "object")) {
		state->is_chunk = string_is(value, ZEND_STRL("chat.completion.chunk"));
		return state->is_chunk;
	}
	if (KEY_IS(key, "choices")) {
		/* (a huge list is left to the full reading, which caps the values it converts) */
		if (Z_TYPE_P(value) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(value))
			|| zend_hash_num_elements(Z_ARRVAL_P(value)) > 1000) {
			return false;
		}
		zval *choice;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), choice) {
			ZVAL_DEREF(choice);
			if (Z_TYPE_P(choice) != IS_ARRAY || !each_member(Z_ARRVAL_P(choice), read_chat_choice_member, state)) {
				return false;
			}
		}
		ZEND_HASH_FOREACH_END();
		return true;
	}
	if (KEY_IS(key, "usage")) {
		return Z_TYPE_P(value) == IS_NULL;
	}
	return KEY_IS(key, "id") || KEY_IS(key, "created") || KEY_IS(key, "model") || KEY_IS(key, "system_fingerprint")
		|| KEY_IS(key, "service_tier") || KEY_IS(key, "obfuscation");
}

/* {type: "content_block_delta", index, delta: {type, text, partial_json, thinking, signature}} */
static bool read_anthropic_delta_part(zend_string *key, zval *value, void *context)
{
	if (KEY_IS(key, "text") || KEY_IS(key, "partial_json") || KEY_IS(key, "thinking")) {
		count_string(value, context);
		return true;
	}
	return KEY_IS(key, "type") || KEY_IS(key, "signature");
}

static bool read_anthropic_member(zend_string *key, zval *value, void *context)
{
	if (KEY_IS(key, "delta")) {
		return Z_TYPE_P(value) == IS_ARRAY && each_member(Z_ARRVAL_P(value), read_anthropic_delta_part, context);
	}
	return KEY_IS(key, "type") || KEY_IS(key, "index");
}

bool spectra_chunk_skim(HashTable *event, spectra_stream_usage *usage)
{
	if (usage->no_skim) {
		return false;
	}
	zval *type = zend_hash_str_find_deref(event, ZEND_STRL("type"));
	int64_t chars = 0;
	chat_state chat = { 0, false };
	bool read;
	if (type) {
		read = string_is(type, ZEND_STRL("content_block_delta")) && each_member(event, read_anthropic_member, &chars);
	} else {
		/* a chat chunk's id and model are kept from the first one that has them: until both are
		 * known, chunks are read in full */
		read = usage->response_id && usage->model && each_member(event, read_chat_chunk_member, &chat) && chat.is_chunk;
		chars = chat.chars;
	}
	if (!read) {
		return false;
	}
	usage->events++;
	spectra_stream_usage_add_text(usage, chars);
	return true;
}
