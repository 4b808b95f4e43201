#include "extract.h"
#include "src/php/extract/usage_map.h"
#include "src/php/extract/zval_read.h"
#include "src/providers/providers.h"

#include "ext/json/php_json.h"
#include "zend_smart_str.h"
#include "zend_interfaces.h"
#include "src/php/sandbox/sandbox.h"

static bool model_is_unknown(const char *model)
{
	return !model || !*model || strcmp(model, "unknown") == 0;
}

/* The model that answered becomes the snapshot when it differs from the requested id;
 * when nothing was requested it becomes the model itself. Pricing keeps the requested id. */
static void apply_response_model(spectra_record *record, HashTable *body)
{
	zend_string *answered = spectra_read_string(body, "model");
	if (!answered) {
		answered = spectra_read_string(body, "modelVersion");
	}
	if (!answered || ZSTR_LEN(answered) == 0) {
		return;
	}
	if (model_is_unknown(record->model)) {
		spectra_record_setl(record, &record->model, ZSTR_VAL(answered), ZSTR_LEN(answered));
	} else if (strcmp(record->model, ZSTR_VAL(answered)) != 0) {
		spectra_record_setl(record, &record->snapshot, ZSTR_VAL(answered), ZSTR_LEN(answered));
	}
}

/* A body of unknown shape may still carry an OpenAI-style or Anthropic-style usage. */
static void extract_generic_usage(spectra_record *record, HashTable *body)
{
	if (!record->response_id) {
		spectra_read_into(body, "id", record, &record->response_id);
	}
	HashTable *usage = spectra_read_array(body, "usage");
	if (usage) {
		const char *ignored;
		spectra_apply_usage(record, usage, &ignored);
	}
}

/* Provider error bodies: OpenAI {"error":{"message","type","code"}}, Anthropic
 * {"type":"error","error":{"type","message"}}, Gemini {"error":{"code","message","status"}}.
 * A callback that returns one instead of throwing still made a failed call. */
static bool extract_error_body(spectra_record *record, HashTable *body)
{
	HashTable *error = spectra_read_array(body, "error");
	if (!error || spectra_read_array(body, "usage") || spectra_read_array(body, "choices")) {
		return false;
	}
	record->is_failed = true;
	/* the most specific name the provider gives: OpenAI's string code (rate_limit_exceeded,
	 * insufficient_quota; its type is coarser, e.g. "requests"), Anthropic's type
	 * (rate_limit_error), Gemini's status (RESOURCE_EXHAUSTED; its code is the HTTP status) */
	zend_string *type = spectra_read_string(error, "code");
	if (!type || ZSTR_LEN(type) == 0) {
		type = spectra_read_string(error, "type");
	}
	if (!type) {
		type = spectra_read_string(error, "status");
	}
	spectra_record_set(record, &record->error_type, NULL);
	if (type) {
		spectra_record_setl(record, &record->error_type, ZSTR_VAL(type), ZSTR_LEN(type));
	} else {
		spectra_record_set(record, &record->error_type, "provider_error");
	}
	spectra_read_into(error, "message", record, &record->error_message);
	int64_t code;
	if (!record->status_code && spectra_read_count(error, "code", &code) && code >= 400 && code <= 599) {
		record->status_code = code;
	}
	return true;
}

const spectra_extractor *spectra_extract_body(spectra_record *record, HashTable *body)
{
	if (extract_error_body(record, body)) {
		return NULL;
	}
	const spectra_extractor *used = NULL;
	const spectra_usage_flavor *flavor = spectra_usage_flavor_find(body);
	if (flavor) {
		spectra_usage_flavor_apply(flavor, body, record);
		used = &flavor->extractor;
	}
	if (used) {
		if (!record->operation) {
			spectra_record_set(record, &record->operation, used->operation);
		}
		if (!record->model_type) {
			spectra_record_set(record, &record->model_type, used->model_type);
		}
	} else {
		extract_generic_usage(record, body);
	}
	apply_response_model(record, body);
	if (record->reasoning_tokens > 0) {
		record->is_reasoning = true;
	}
	if (!record->has_tool_calls) {
		for (size_t i = 0; i < record->finish_reasons.count; i++) {
			const char *reason = record->finish_reasons.items[i];
			if (strcmp(reason, "tool_calls") == 0 || strcmp(reason, "tool_use") == 0) {
				record->has_tool_calls = true;
			}
		}
	}
	return used;
}

typedef struct {
	const char *names[3];
	size_t offset;
} usage_field;

/* A provider's own usage block handed to recordSuccess()/setUsage() is read with that
 * provider's rules, by wrapping it in the smallest body of its response shape: returns that
 * body's key for the block, or NULL for GenAI semantics. Anthropic's keys are also GenAI
 * aliases, so its block is recognised by the record's provider. */
static const char *native_usage_shape(const spectra_record *record, HashTable *usage, const char **companion)
{
	*companion = NULL;
	if (zend_hash_str_exists(usage, ZEND_STRL("promptTokenCount"))
		|| zend_hash_str_exists(usage, ZEND_STRL("candidatesTokenCount"))) {
		return "usageMetadata"; /* Gemini */
	}
	if (zend_hash_str_exists(usage, ZEND_STRL("inputTokens"))
		|| zend_hash_str_exists(usage, ZEND_STRL("outputTokens"))) {
		*companion = "output"; /* Bedrock Converse */
		return "usage";
	}
	if (zend_hash_str_exists(usage, ZEND_STRL("billed_units"))) {
		*companion = "message"; /* Cohere v2 */
		return "usage";
	}
	if (record->provider_info && strcmp(record->provider_info->slug, "anthropic") == 0
		&& zend_hash_str_exists(usage, ZEND_STRL("input_tokens"))
		&& !zend_hash_str_exists(usage, ZEND_STRL("prompt_tokens"))) {
		return "anthropic";
	}
	return NULL;
}

/* False when the wrapped block is still no body of its shape (a Bedrock block without
 * inputTokens): its GenAI keys are read then. Extracting it as an unknown body would read its
 * usage block generically, which comes back here without end. */
static bool apply_native_usage(spectra_record *record, HashTable *usage, const char *key, const char *companion)
{
	zval body, copy;
	array_init(&body);
	ZVAL_ARR(&copy, zend_array_dup(usage));
	if (strcmp(key, "anthropic") == 0) {
		add_assoc_string(&body, "type", "message");
		add_assoc_zval(&body, "usage", &copy);
	} else {
		add_assoc_zval(&body, key, &copy);
	}
	if (companion) {
		zval empty;
		array_init(&empty);
		add_assoc_zval(&body, companion, &empty);
	}
	bool known = spectra_usage_flavor_find(Z_ARRVAL(body)) != NULL;
	if (known) {
		spectra_extract_body(record, Z_ARRVAL(body));
	}
	zval_ptr_dtor(&body);
	return known;
}

/* Quantities that are not tokens, for unit-priced models (images, audio, characters). */
static bool apply_unit_quantities(spectra_record *record, HashTable *usage, const char **bad_key)
{
	int64_t count;
	double seconds;
	static const struct {
		const char *name;
		size_t offset;
	} counts[] = {
		{ "image_count", offsetof(spectra_record, image_count) },
		{ "video_count", offsetof(spectra_record, video_count) },
		{ "input_characters", offsetof(spectra_record, input_characters) },
	};
	for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		if (!zend_hash_str_exists(usage, counts[i].name, strlen(counts[i].name))) {
			continue;
		}
		if (!spectra_read_count(usage, counts[i].name, &count)) {
			*bad_key = counts[i].name;
			return false;
		}
		*(int64_t *) ((char *) record + counts[i].offset) = count;
	}
	if (zend_hash_str_exists(usage, ZEND_STRL("duration_seconds"))) {
		if (!spectra_read_seconds(usage, "duration_seconds", &seconds)) {
			*bad_key = "duration_seconds";
			return false;
		}
		record->duration_seconds = seconds;
	}
	return true;
}

bool spectra_apply_usage(spectra_record *record, HashTable *usage, const char **bad_key)
{
	*bad_key = NULL;
	if (!apply_unit_quantities(record, usage, bad_key)) {
		return false;
	}
	const char *companion;
	const char *native = native_usage_shape(record, usage, &companion);
	if (native && apply_native_usage(record, usage, native, companion)) {
		return true;
	}
	static const usage_field fields[] = {
		{ { "prompt_tokens", "input_tokens", NULL }, offsetof(spectra_record, prompt_tokens) },
		{ { "completion_tokens", "output_tokens", NULL }, offsetof(spectra_record, completion_tokens) },
		{ { "cached_tokens", "cache_read_input_tokens", NULL }, offsetof(spectra_record, cached_tokens) },
		{ { "cache_write_tokens", "cache_creation_input_tokens", NULL }, offsetof(spectra_record, cache_write_tokens) },
		{ { "reasoning_tokens", NULL, NULL }, offsetof(spectra_record, reasoning_tokens) },
	};
	bool all_valid = true;
	for (size_t f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
		for (size_t n = 0; n < 3 && fields[f].names[n]; n++) {
			const char *name = fields[f].names[n];
			if (!zend_hash_str_exists(usage, name, strlen(name))) {
				continue;
			}
			int64_t value;
			if (spectra_read_count(usage, name, &value)) {
				*(int64_t *) ((char *) record + fields[f].offset) = value;
				record->usage_seen = true;
			} else if (all_valid) {
				all_valid = false;
				*bad_key = name;
			}
			break;
		}
	}
	if (record->reasoning_tokens > 0) {
		record->is_reasoning = true;
	}
	return all_valid;
}

static void decode_json_body(const char *json, size_t len, zval *body)
{
	/* Skip bodies that cannot be a JSON object; decoding huge non-JSON text is waste. */
	size_t i = 0;
	while (i < len && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
		i++;
	}
	if (i == len || (json[i] != '{' && json[i] != '[')) {
		return;
	}
	/* json_last_error() belongs to the application: keep whatever it said before */
	php_json_error_code saved_error = JSON_G(error_code);
	zval decoded;
	if (php_json_decode_ex(&decoded, json, len, PHP_JSON_OBJECT_AS_ARRAY, PHP_JSON_PARSER_DEFAULT_DEPTH) == SUCCESS) {
		if (Z_TYPE(decoded) == IS_ARRAY) {
			ZVAL_COPY_VALUE(body, &decoded);
		} else {
			zval_ptr_dtor(&decoded);
		}
	}
	JSON_G(error_code) = saved_error;
}

static void read_and_rewind(zend_object *stream, zval *body)
{
	zval text, ignored;
	if (spectra_call_method_isolated(stream, "__toString", &text, 0, NULL, "PSR-7 body __toString()")) {
		if (Z_TYPE(text) == IS_STRING) {
			decode_json_body(Z_STRVAL(text), Z_STRLEN(text), body);
		}
		zval_ptr_dtor(&text);
	}
	if (spectra_has_method(stream, "rewind")
		&& spectra_call_method_isolated(stream, "rewind", &ignored, 0, NULL, "PSR-7 body rewind()")) {
		zval_ptr_dtor(&ignored);
	}
}

/* A PSR-7 response: read the status and the body text, then rewind a seekable body so
 * the application can still read it. */
static void read_psr7_response(zend_object *object, zval *body, spectra_record *record)
{
	zval status;
	if (spectra_call_method_isolated(object, "getStatusCode", &status, 0, NULL, "PSR-7 getStatusCode()")) {
		if (Z_TYPE(status) == IS_LONG && !record->status_code) {
			record->status_code = Z_LVAL(status);
		}
		zval_ptr_dtor(&status);
	}
	zval stream;
	if (!spectra_call_method_isolated(object, "getBody", &stream, 0, NULL, "PSR-7 getBody()")) {
		return;
	}
	/* A stream that cannot seek (a live socket) would be used up by reading it: leave it
	 * to the application and record the status only. */
	if (Z_TYPE(stream) == IS_OBJECT && spectra_has_method(Z_OBJ(stream), "isSeekable")) {
		zval seekable;
		if (spectra_call_method_isolated(Z_OBJ(stream), "isSeekable", &seekable, 0, NULL, "PSR-7 body isSeekable()")) {
			if (Z_TYPE(seekable) == IS_TRUE) {
				read_and_rewind(Z_OBJ(stream), body);
			}
			zval_ptr_dtor(&seekable);
		}
	} else if (Z_TYPE(stream) == IS_OBJECT && spectra_has_method(Z_OBJ(stream), "__toString")) {
		/* not a full PSR-7 stream, only a string-like body: reading it is harmless */
		zval text;
		if (spectra_call_method_isolated(Z_OBJ(stream), "__toString", &text, 0, NULL, "PSR-7 body __toString()")) {
			if (Z_TYPE(text) == IS_STRING) {
				decode_json_body(Z_STRVAL(text), Z_STRLEN(text), body);
			}
			zval_ptr_dtor(&text);
		}
	}
	zval_ptr_dtor(&stream);
}

/* Symfony HttpClient's ResponseInterface: getStatusCode(), then getContent(false), which
 * returns the body whatever the status (its toArray() and getContent() throw on 4xx/5xx by
 * default, which would lose both the status and the provider's error). The content is
 * buffered by the client, so the application can still read it afterwards. */
static bool is_symfony_response(zend_object *object)
{
	return spectra_has_method(object, "getContent") && spectra_has_method(object, "getInfo")
		&& spectra_has_method(object, "getStatusCode");
}

static void read_symfony_response(zend_object *object, zval *body, spectra_record *record)
{
	zval status;
	if (!spectra_call_method_isolated(object, "getStatusCode", &status, 0, NULL, "HTTP client getStatusCode()")) {
		return; /* a transport error (timeout, DNS): it was warned, and there is no body */
	}
	if (Z_TYPE(status) == IS_LONG && !record->status_code) {
		record->status_code = Z_LVAL(status);
	}
	zval_ptr_dtor(&status);
	zval no_throw, content;
	ZVAL_FALSE(&no_throw);
	if (spectra_call_method_isolated(object, "getContent", &content, 1, &no_throw, "HTTP client getContent()")) {
		if (Z_TYPE(content) == IS_STRING) {
			decode_json_body(Z_STRVAL(content), Z_STRLEN(content), body);
		}
		zval_ptr_dtor(&content);
	}
}

/* Laravel's Illuminate\Http\Client\Response wraps a PSR-7 response: read that one (its
 * status, and its seekable body, rewound afterwards). */
static bool read_wrapped_psr7_response(zend_object *object, zval *body, spectra_record *record)
{
	zval psr;
	if (!spectra_call_method_isolated(object, "toPsrResponse", &psr, 0, NULL, "toPsrResponse()")) {
		return false;
	}
	bool read = Z_TYPE(psr) == IS_OBJECT && spectra_has_method(Z_OBJ(psr), "getBody")
		&& spectra_has_method(Z_OBJ(psr), "getStatusCode");
	if (read) {
		read_psr7_response(Z_OBJ(psr), body, record);
	}
	zval_ptr_dtor(&psr);
	return read;
}

void spectra_response_to_body(zval *response, zval *body, spectra_record *record)
{
	ZVAL_UNDEF(body);
	ZVAL_DEREF(response);
	switch (Z_TYPE_P(response)) {
	case IS_ARRAY:
		ZVAL_COPY(body, response);
		return;
	case IS_STRING:
		decode_json_body(Z_STRVAL_P(response), Z_STRLEN_P(response), body);
		return;
	case IS_OBJECT:
		break;
	default:
		return;
	}
	zend_object *object = Z_OBJ_P(response);
	zval converted;
	ZVAL_UNDEF(&converted);
	if (spectra_has_method(object, "toPsrResponse") && read_wrapped_psr7_response(object, body, record)) {
		return;
	}
	if (is_symfony_response(object)) {
		read_symfony_response(object, body, record);
		return;
	}
	if (spectra_has_method(object, "toArray")) {
		spectra_call_method_isolated(object, "toArray", &converted, 0, NULL, "response toArray()");
	} else if (instanceof_function(object->ce, php_json_serializable_ce)) {
		spectra_call_method_isolated(object, "jsonSerialize", &converted, 0, NULL, "response jsonSerialize()");
	} else if (spectra_has_method(object, "getBody") && spectra_has_method(object, "getStatusCode")) {
		read_psr7_response(object, body, record);
		return;
	} else if (instanceof_function(object->ce, zend_ce_traversable)) {
		/* a stream (openai-php's StreamResponse, a generator): reading it here would use up the
		 * application's chunks; its usage is read only through Spectra::stream() */
		record->is_streaming = true;
		return;
	} else {
		/* A plain object (e.g. json_decode without assoc): its public properties, recursively. */
		php_json_error_code saved_error = JSON_G(error_code);
		smart_str buffer = { 0 };
		if (php_json_encode(&buffer, response, PHP_JSON_PARTIAL_OUTPUT_ON_ERROR) == SUCCESS && buffer.s) {
			smart_str_0(&buffer);
			decode_json_body(ZSTR_VAL(buffer.s), ZSTR_LEN(buffer.s), body);
		}
		smart_str_free(&buffer);
		JSON_G(error_code) = saved_error;
		return;
	}
	if (Z_TYPE(converted) == IS_ARRAY) {
		ZVAL_COPY_VALUE(body, &converted);
		return;
	}
	zval_ptr_dtor(&converted);
}

void spectra_extract_response(spectra_record *record, zval *response)
{
	if (!response || Z_TYPE_P(response) == IS_NULL) {
		return;
	}
	zval body;
	spectra_response_to_body(response, &body, record);
	if (Z_TYPE(body) == IS_ARRAY) {
		spectra_extract_body(record, Z_ARRVAL(body));
	}
	zval_ptr_dtor(&body);
}
