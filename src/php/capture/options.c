#include "options.h"

#include "php_spectra.h"
#include "zend_exceptions.h"
#include "ext/standard/url.h"

#include "src/record/ids.h"
#include "src/record/limits.h"
#include "src/pricing/pricing.h"
#include "src/providers/endpoints.h"
#include "src/php/content/messages.h"
#include "src/php/extract/extract.h"
#include "src/php/extract/request_parameters.h"

void spectra_options_add_tag(zval *tags, zend_string *tag, size_t *dropped)
{
	/* the list holds at most SPECTRA_MAX_TAGS tags: the scan is bounded, the work linear */
	zval *existing;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(tags), existing) {
		if (Z_TYPE_P(existing) == IS_STRING && zend_string_equals(Z_STR_P(existing), tag)) {
			return;
		}
	}
	ZEND_HASH_FOREACH_END();
	if (zend_hash_num_elements(Z_ARRVAL_P(tags)) >= SPECTRA_MAX_TAGS) {
		(*dropped)++;
		return;
	}
	add_next_index_str(tags, zend_string_copy(tag));
}

bool spectra_options_merge_tags(zval *tags, size_t *dropped, HashTable *new_tags, uint32_t arg_num, const char *what)
{
	zval *tag;
	ZEND_HASH_FOREACH_VAL(new_tags, tag) {
		ZVAL_DEREF(tag);
		if (Z_TYPE_P(tag) != IS_STRING) {
			zend_argument_type_error(arg_num, "%s%smust contain only strings, %s given", what, *what ? " " : "",
				zend_zval_type_name(tag));
			return false;
		}
		if (zend_str_has_nul_byte(Z_STR_P(tag))) {
			zend_argument_value_error(arg_num, "%s%smust not contain any null bytes", what, *what ? " " : "");
			return false;
		}
	}
	ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_VAL(new_tags, tag) {
		ZVAL_DEREF(tag);
		spectra_options_add_tag(tags, Z_STR_P(tag), dropped);
	}
	ZEND_HASH_FOREACH_END();
	return true;
}

bool spectra_options_check_tier(zend_string *tier, uint32_t arg_num)
{
	if (ZSTR_LEN(tier) == 0 || !spectra_pricing_is_known_tier(ZSTR_VAL(tier))) {
		zend_argument_value_error(arg_num,
			"must be a known pricing tier (standard, batch, flex, priority, or a tier of the pricing catalog), \"%s\" given",
			ZSTR_VAL(tier));
		return false;
	}
	return true;
}

bool spectra_options_check_usage(HashTable *usage, uint32_t arg_num)
{
	spectra_record *scratch = spectra_record_new();
	const char *bad_key = NULL;
	bool valid = scratch && spectra_apply_usage(scratch, usage, &bad_key);
	spectra_record_free(scratch);
	if (!valid && bad_key) {
		const char *expected = strcmp(bad_key, "duration_seconds") == 0 ? "a number of seconds from 0 to 1e7"
			: strstr(bad_key, "tokens")                                 ? "a non-negative integer token count"
																		: "a non-negative integer count";
		zend_argument_value_error(arg_num, "key \"%s\" must be %s", bad_key, expected);
		return false;
	}
	return true;
}

bool spectra_options_check_trackable_id(zval *id, uint32_t arg_num, const char *what)
{
	if (Z_TYPE_P(id) != IS_STRING && Z_TYPE_P(id) != IS_LONG) {
		zend_argument_type_error(arg_num, "%s%smust be of type string|int, %s given", what, *what ? " " : "",
			zend_zval_type_name(id));
		return false;
	}
	return true;
}

static zval *find_option(HashTable *options, const char *name, zend_uchar type, uint32_t options_arg_num)
{
	zval *value = zend_hash_str_find_deref(options, name, strlen(name));
	if (!value || Z_TYPE_P(value) == IS_NULL) {
		return NULL;
	}
	bool matches =
		Z_TYPE_P(value) == type || (type == _IS_BOOL && (Z_TYPE_P(value) == IS_TRUE || Z_TYPE_P(value) == IS_FALSE));
	if (!matches) {
		const char *expected = type == IS_ARRAY ? "array"
			: type == IS_STRING                 ? "string"
			: type == IS_LONG                   ? "int"
												: "bool";
		zend_argument_type_error(options_arg_num, "option \"%s\" must be of type %s, %s given", name, expected,
			zend_zval_type_name(value));
		return (zval *) -1;
	}
	if (type == IS_STRING && zend_str_has_nul_byte(Z_STR_P(value))) {
		/* it becomes a C string: a NUL would silently cut it ("standard\0x" -> standard) */
		zend_argument_value_error(options_arg_num, "option \"%s\" must not contain any null bytes", name);
		return (zval *) -1;
	}
	return value;
}

#define OPTION(var, name, type) \
	zval *var = find_option(options, name, type, options_arg_num); \
	if (var == (zval *) -1) { \
		return false; \
	}

static bool copy_string_option(HashTable *options, const char *name, spectra_record *record, char **field,
	uint32_t options_arg_num)
{
	OPTION(value, name, IS_STRING);
	if (value) {
		spectra_record_setl(record, field, Z_STRVAL_P(value), Z_STRLEN_P(value));
	}
	return true;
}

/* A known endpoint path names the operation and the model type, unless the options did:
 * it is a better witness than the response's shape (an image edit and a generation answer
 * alike). */
static void apply_endpoint(spectra_record *record)
{
	const spectra_endpoint_info *endpoint =
		record->endpoint ? spectra_endpoint_find(record->endpoint, strlen(record->endpoint)) : NULL;
	if (!endpoint) {
		return;
	}
	if (!record->operation) {
		spectra_record_set(record, &record->operation, endpoint->operation);
	}
	if (!record->model_type) {
		spectra_record_set(record, &record->model_type, endpoint->model_type);
	}
}

/* A url option sets server.address, server.port (scheme default) and the endpoint path. */
static void apply_url(spectra_record *record, zend_string *url)
{
	php_url *parsed = php_url_parse_ex(ZSTR_VAL(url), ZSTR_LEN(url));
	if (!parsed) {
		return;
	}
	if (parsed->host) {
		spectra_record_setl(record, &record->server_address, ZSTR_VAL(parsed->host), ZSTR_LEN(parsed->host));
		if (parsed->port) {
			record->server_port = parsed->port;
		} else if (parsed->scheme && zend_string_equals_literal_ci(parsed->scheme, "http")) {
			record->server_port = 80;
		} else {
			record->server_port = 443;
		}
	}
	if (parsed->path && !record->endpoint) {
		spectra_record_setl(record, &record->endpoint, ZSTR_VAL(parsed->path), ZSTR_LEN(parsed->path));
	}
	php_url_free(parsed);
}

bool spectra_options_apply(spectra_context_object *context, HashTable *options, uint32_t options_arg_num)
{
	spectra_record *record = context->record;

	OPTION(tags, "tags", IS_ARRAY);
	if (tags
		&& !spectra_options_merge_tags(&context->tags, &context->tags_dropped, Z_ARRVAL_P(tags), options_arg_num,
			"option \"tags\"")) {
		return false;
	}
	OPTION(metadata, "metadata", IS_ARRAY);
	if (metadata) {
		zend_hash_merge(Z_ARRVAL(context->metadata), Z_ARRVAL_P(metadata), zval_add_ref, true);
	}
	OPTION(trace_id, "trace_id", IS_STRING);
	if (trace_id) {
		if (!spectra_trace_id_parse(Z_STRVAL_P(trace_id), Z_STRLEN_P(trace_id), record->trace_id)) {
			zend_argument_value_error(options_arg_num,
				"option \"trace_id\" must be 32 hexadecimal digits or a UUID, and not all zero");
			return false;
		}
		record->has_parent = false;
		spectra_record_set(record, &record->trace_state, NULL);
	}
	OPTION(tier, "pricing_tier", IS_STRING);
	if (tier) {
		if (Z_STRLEN_P(tier) == 0 || !spectra_pricing_is_known_tier(Z_STRVAL_P(tier))) {
			zend_argument_value_error(options_arg_num,
				"option \"pricing_tier\" must be a known pricing tier, \"%s\" given", Z_STRVAL_P(tier));
			return false;
		}
		spectra_record_setl(record, &record->pricing_tier, Z_STRVAL_P(tier), Z_STRLEN_P(tier));
	}
	OPTION(trackable_type, "trackable_type", IS_STRING);
	zval *trackable_id = zend_hash_str_find_deref(options, ZEND_STRL("trackable_id"));
	if (trackable_id && Z_TYPE_P(trackable_id) != IS_NULL) {
		if (!spectra_options_check_trackable_id(trackable_id, options_arg_num, "option \"trackable_id\"")) {
			return false;
		}
		zval_ptr_dtor(&context->trackable_id);
		ZVAL_COPY(&context->trackable_id, trackable_id);
	}
	if (trackable_type) {
		spectra_record_setl(record, &record->trackable_type, Z_STRVAL_P(trackable_type), Z_STRLEN_P(trackable_type));
	}
	/* the body sent to the provider: its parameters, and its message content when
	 * spectra.capture_content is on */
	OPTION(request, "request", IS_ARRAY);
	if (request) {
		spectra_read_request_parameters(record, Z_ARRVAL_P(request));
		if (SPECTRA_G(capture_content)) {
			spectra_content_from_request(record, Z_ARRVAL_P(request), spectra_content_max_bytes());
		}
	}
	OPTION(url, "url", IS_STRING);
	if (url) {
		apply_url(record, Z_STR_P(url));
	}
	OPTION(port, "server_port", IS_LONG);
	if (port) {
		if (Z_LVAL_P(port) < 0 || Z_LVAL_P(port) > 65535) {
			zend_argument_value_error(options_arg_num, "option \"server_port\" must be between 0 and 65535");
			return false;
		}
		record->server_port = Z_LVAL_P(port);
	}
	OPTION(stream, "stream", _IS_BOOL);
	if (stream) {
		record->is_streaming = Z_TYPE_P(stream) == IS_TRUE;
	}
	OPTION(ttft, "time_to_first_token_ms", IS_LONG);
	if (ttft) {
		record->time_to_first_token_ms = Z_LVAL_P(ttft) >= 0 ? Z_LVAL_P(ttft) : -1;
	}
	bool copied = copy_string_option(options, "operation", record, &record->operation, options_arg_num)
		&& copy_string_option(options, "endpoint", record, &record->endpoint, options_arg_num)
		&& copy_string_option(options, "server_address", record, &record->server_address, options_arg_num)
		&& copy_string_option(options, "model_type", record, &record->model_type, options_arg_num)
		&& copy_string_option(options, "conversation_id", record, &record->conversation_id, options_arg_num)
		&& copy_string_option(options, "reasoning_effort", record, &record->reasoning_effort, options_arg_num);
	if (copied) {
		apply_endpoint(record);
	}
	return copied;
}
