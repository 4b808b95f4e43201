#include "php_bridge.h"

#include "php_spectra.h"
#include "src/php/span_bridge/native_input.h"
#include "src/span/native_builder.h"
#include "ext/date/php_date.h"
#include "zend_exceptions.h"
#include <ctype.h>
#include <errno.h>
#include "src/php/sandbox/sandbox.h"
#include "src/record/ids.h"
#include "src/util/buf.h"
#include "src/util/num.h"

zend_class_entry *spectra_ce_span_builder;
zend_class_entry *spectra_ce_default_span_builder;

bool spectra_span_builder_is_php(void)
{
	zval *builder = &SPECTRA_G(span_bridge).builder;
	if (Z_TYPE_P(builder) == IS_UNDEF) {
		return SPECTRA_G(otel_span_builder) && *SPECTRA_G(otel_span_builder);
	}
	return Z_TYPE_P(builder) != IS_NULL;
}

/* The builder in force: useSpanBuilder()'s value, else an instance of
 * spectra.otel.span_builder made on first use in the request. NULL = native. */
static zval *current_builder(void)
{
	zval *builder = &SPECTRA_G(span_bridge).builder;
	if (Z_TYPE_P(builder) != IS_UNDEF) {
		return Z_TYPE_P(builder) == IS_NULL ? NULL : builder;
	}
	ZVAL_NULL(builder);
	const char *class_name = SPECTRA_G(otel_span_builder);
	zval instance;
	if (!spectra_instantiate_configured(class_name, spectra_ce_span_builder, "spectra.otel.span_builder",
			"the native span builder", &instance)) {
		return NULL;
	}
	ZVAL_COPY_VALUE(builder, &instance);
	return builder;
}

/* ---- OTLP JSON array -> C span ---- */

/* 2*bytes hex digits (any case), not all zero; out is written only on success. */
static bool decode_hex_id(zval *value, uint8_t *out, size_t bytes)
{
	return Z_TYPE_P(value) == IS_STRING
		&& spectra_hex_decode(Z_STRVAL_P(value), Z_STRLEN_P(value), out, bytes, SPECTRA_HEX_REJECT_ZERO);
}

static bool read_nanos(zval *value, uint64_t *out)
{
	if (Z_TYPE_P(value) == IS_LONG && Z_LVAL_P(value) >= 0) {
		*out = (uint64_t) Z_LVAL_P(value);
		return true;
	}
	if (Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) > 0 && Z_STRLEN_P(value) <= 20) {
		/* digits only: strtoull alone would take " 5", "+5" and "-1" (as 2^64 - 1) */
		const char *digits = Z_STRVAL_P(value);
		if (strspn(digits, "0123456789") != Z_STRLEN_P(value)) {
			return false;
		}
		char *end;
		errno = 0;
		unsigned long long parsed = strtoull(digits, &end, 10);
		if (*end == '\0' && errno != ERANGE) {
			*out = parsed;
			return true;
		}
	}
	if (Z_TYPE_P(value) == IS_DOUBLE && Z_DVAL_P(value) >= 0 && Z_DVAL_P(value) < 18446744073709551616.0) {
		*out = spectra_double_to_u64(Z_DVAL_P(value)); /* 2^64 and above (INF, NaN) are no time */
		return true;
	}
	return false;
}

/* One {key, value: {stringValue|intValue|doubleValue|boolValue|arrayValue}} entry. */
static bool add_otlp_attribute(spectra_attr_list *attrs, zval *entry, char *error, size_t error_size)
{
	if (Z_TYPE_P(entry) != IS_ARRAY) {
		snprintf(error, error_size, "an attribute is %s, not an array", zend_zval_type_name(entry));
		return false;
	}
	zval *key = zend_hash_str_find_deref(Z_ARRVAL_P(entry), ZEND_STRL("key"));
	zval *value = zend_hash_str_find_deref(Z_ARRVAL_P(entry), ZEND_STRL("value"));
	if (!key || Z_TYPE_P(key) != IS_STRING || Z_STRLEN_P(key) == 0 || !value || Z_TYPE_P(value) != IS_ARRAY) {
		snprintf(error, error_size, "an attribute lacks a string \"key\" or an array \"value\"");
		return false;
	}
	HashTable *any = Z_ARRVAL_P(value);
	zval *typed;
	if ((typed = zend_hash_str_find_deref(any, ZEND_STRL("stringValue"))) && Z_TYPE_P(typed) == IS_STRING) {
		return spectra_attr_add_stringl(attrs, Z_STRVAL_P(key), Z_STRVAL_P(typed), Z_STRLEN_P(typed));
	}
	if ((typed = zend_hash_str_find_deref(any, ZEND_STRL("boolValue")))
		&& (Z_TYPE_P(typed) == IS_TRUE || Z_TYPE_P(typed) == IS_FALSE)) {
		return spectra_attr_add_bool(attrs, Z_STRVAL_P(key), Z_TYPE_P(typed) == IS_TRUE);
	}
	if ((typed = zend_hash_str_find_deref(any, ZEND_STRL("intValue")))) {
		zend_long lval;
		double dval;
		if (Z_TYPE_P(typed) == IS_LONG) {
			return spectra_attr_add_int(attrs, Z_STRVAL_P(key), Z_LVAL_P(typed));
		}
		if (Z_TYPE_P(typed) == IS_STRING
			&& is_numeric_string(Z_STRVAL_P(typed), Z_STRLEN_P(typed), &lval, &dval, false) == IS_LONG) {
			return spectra_attr_add_int(attrs, Z_STRVAL_P(key), lval);
		}
	}
	if ((typed = zend_hash_str_find_deref(any, ZEND_STRL("doubleValue")))
		&& (Z_TYPE_P(typed) == IS_DOUBLE || Z_TYPE_P(typed) == IS_LONG)) {
		return spectra_attr_add_double(attrs, Z_STRVAL_P(key), zval_get_double(typed));
	}
	if ((typed = zend_hash_str_find_deref(any, ZEND_STRL("arrayValue"))) && Z_TYPE_P(typed) == IS_ARRAY) {
		zval *values = zend_hash_str_find_deref(Z_ARRVAL_P(typed), ZEND_STRL("values"));
		if (values && Z_TYPE_P(values) == IS_ARRAY) {
			uint32_t count = zend_hash_num_elements(Z_ARRVAL_P(values));
			const char **items = emalloc(sizeof(char *) * (count ? count : 1));
			size_t used = 0;
			zval *item;
			bool all_strings = true;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(values), item) {
				zval *text = Z_TYPE_P(item) == IS_ARRAY
					? zend_hash_str_find_deref(Z_ARRVAL_P(item), ZEND_STRL("stringValue"))
					: NULL;
				if (!text || Z_TYPE_P(text) != IS_STRING) {
					all_strings = false;
					break;
				}
				items[used++] = Z_STRVAL_P(text);
			}
			ZEND_HASH_FOREACH_END();
			bool added = all_strings && spectra_attr_add_strings(attrs, Z_STRVAL_P(key), items, used);
			efree(items);
			if (added) {
				return true;
			}
		}
	}
	snprintf(error, error_size,
		"attribute \"%s\" has no supported value (stringValue, intValue, doubleValue, boolValue, "
		"or arrayValue of strings)",
		Z_STRVAL_P(key));
	return false;
}

static bool add_otlp_attributes(spectra_attr_list *attrs, zval *list, char *error, size_t error_size)
{
	if (Z_TYPE_P(list) != IS_ARRAY) {
		snprintf(error, error_size, "\"attributes\" is %s, not an array", zend_zval_type_name(list));
		return false;
	}
	zval *entry;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), entry) {
		ZVAL_DEREF(entry);
		if (!add_otlp_attribute(attrs, entry, error, error_size)) {
			return false;
		}
	}
	ZEND_HASH_FOREACH_END();
	return true;
}

spectra_span *spectra_span_from_otlp_array(HashTable *array, const spectra_record *record, char *error,
	size_t error_size)
{
	/* the record's identity first; what the builder's array sets replaces it */
	spectra_span *span = spectra_span_for_record(record);
	if (!span) {
		snprintf(error, error_size, "out of memory");
		return NULL;
	}

	zval *value;
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("traceId"))) && Z_TYPE_P(value) != IS_NULL
		&& !(Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) == 0) && !decode_hex_id(value, span->trace_id, 16)) {
		snprintf(error, error_size, "\"traceId\" is not 32 hex digits");
		goto malformed;
	}
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("spanId"))) && Z_TYPE_P(value) != IS_NULL
		&& !(Z_TYPE_P(value) == IS_STRING && Z_STRLEN_P(value) == 0) && !decode_hex_id(value, span->span_id, 8)) {
		snprintf(error, error_size, "\"spanId\" is not 16 hex digits");
		goto malformed;
	}
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("parentSpanId"))) && Z_TYPE_P(value) == IS_STRING) {
		if (Z_STRLEN_P(value) == 0) {
			span->has_parent = false;
		} else if (decode_hex_id(value, span->parent_span_id, 8)) {
			span->has_parent = true;
		} else {
			snprintf(error, error_size, "\"parentSpanId\" is not 16 hex digits");
			goto malformed;
		}
	}
	value = zend_hash_str_find_deref(array, ZEND_STRL("name"));
	if (!value || Z_TYPE_P(value) != IS_STRING || Z_STRLEN_P(value) == 0) {
		snprintf(error, error_size, "\"name\" must be a non-empty string");
		goto malformed;
	}
	span->name = spectra_strndup(Z_STRVAL_P(value), Z_STRLEN_P(value));
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("kind")))) {
		if (Z_TYPE_P(value) != IS_LONG || Z_LVAL_P(value) < 0 || Z_LVAL_P(value) > 5) {
			snprintf(error, error_size, "\"kind\" must be an int between 0 and 5");
			goto malformed;
		}
		span->kind = (int) Z_LVAL_P(value);
	}
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("startTimeUnixNano"))) && Z_TYPE_P(value) != IS_NULL
		&& !(Z_TYPE_P(value) == IS_STRING && strcmp(Z_STRVAL_P(value), "0") == 0)
		&& !read_nanos(value, &span->start_time_unix_nano)) {
		snprintf(error, error_size, "\"startTimeUnixNano\" is not a number of nanoseconds");
		goto malformed;
	}
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("endTimeUnixNano"))) && Z_TYPE_P(value) != IS_NULL
		&& !(Z_TYPE_P(value) == IS_STRING && strcmp(Z_STRVAL_P(value), "0") == 0)
		&& !read_nanos(value, &span->end_time_unix_nano)) {
		snprintf(error, error_size, "\"endTimeUnixNano\" is not a number of nanoseconds");
		goto malformed;
	}
	if (span->end_time_unix_nano < span->start_time_unix_nano) {
		snprintf(error, error_size, "\"endTimeUnixNano\" is before \"startTimeUnixNano\"");
		goto malformed;
	}
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("attributes")))
		&& !add_otlp_attributes(&span->attrs, value, error, error_size)) {
		goto malformed;
	}
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("status"))) && Z_TYPE_P(value) != IS_NULL) {
		if (Z_TYPE_P(value) != IS_ARRAY) {
			snprintf(error, error_size, "\"status\" must be an array");
			goto malformed;
		}
		zval *code = zend_hash_str_find_deref(Z_ARRVAL_P(value), ZEND_STRL("code"));
		if (code && (Z_TYPE_P(code) != IS_LONG || Z_LVAL_P(code) < 0 || Z_LVAL_P(code) > 2)) {
			snprintf(error, error_size, "\"status.code\" must be 0, 1 or 2");
			goto malformed;
		}
		span->status_code = code ? (int) Z_LVAL_P(code) : 0;
		zval *message = zend_hash_str_find_deref(Z_ARRVAL_P(value), ZEND_STRL("message"));
		if (message && Z_TYPE_P(message) == IS_STRING && Z_STRLEN_P(message)) {
			span->status_message = spectra_strndup(Z_STRVAL_P(message), Z_STRLEN_P(message));
		}
	}
	if ((value = zend_hash_str_find_deref(array, ZEND_STRL("events"))) && Z_TYPE_P(value) != IS_NULL) {
		if (Z_TYPE_P(value) != IS_ARRAY) {
			snprintf(error, error_size, "\"events\" must be an array");
			goto malformed;
		}
		zval *event;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), event) {
			ZVAL_DEREF(event);
			zval *name =
				Z_TYPE_P(event) == IS_ARRAY ? zend_hash_str_find_deref(Z_ARRVAL_P(event), ZEND_STRL("name")) : NULL;
			if (!name || Z_TYPE_P(name) != IS_STRING) {
				snprintf(error, error_size, "an event lacks a string \"name\"");
				goto malformed;
			}
			uint64_t when = span->end_time_unix_nano;
			zval *time = zend_hash_str_find_deref(Z_ARRVAL_P(event), ZEND_STRL("timeUnixNano"));
			if (time && !read_nanos(time, &when)) {
				snprintf(error, error_size, "event \"%s\" has a bad \"timeUnixNano\"", Z_STRVAL_P(name));
				goto malformed;
			}
			spectra_span_add_event(span, Z_STRVAL_P(name), when);
			zval *event_attrs = zend_hash_str_find_deref(Z_ARRVAL_P(event), ZEND_STRL("attributes"));
			if (event_attrs
				&& !add_otlp_attributes(&spectra_span_last_event(span)->attrs, event_attrs, error, error_size)) {
				goto malformed;
			}
		}
		ZEND_HASH_FOREACH_END();
	}
	if (!span->has_parent) {
		/* the builder made it a root span: no remote parent, no inherited tracestate */
		span->flags &= ~(uint32_t) 0x200;
		free(span->trace_state);
		span->trace_state = NULL;
	}
	return span;

malformed:
	spectra_span_free(span);
	return NULL;
}

spectra_span *spectra_span_from_php_builder(spectra_context_object *context, zval *php_array)
{
	zval *builder = current_builder();
	if (!builder || !php_array || !spectra_hooks_allowed()) {
		return spectra_span_build_native(context);
	}
	zval result;
	bool called;
	spectra_hook_enter();
	if (Z_TYPE_P(builder) == IS_OBJECT && instanceof_function(Z_OBJCE_P(builder), spectra_ce_span_builder)) {
		called = spectra_call_method_isolated(Z_OBJ_P(builder), "build", &result, 1, php_array, "span builder");
	} else {
		called = spectra_call_isolated(builder, &result, 1, php_array, "span builder");
	}
	spectra_hook_leave();
	if (!called) {
		return spectra_span_build_native(context);
	}
	char error[256] = "";
	spectra_span *span = NULL;
	if (Z_TYPE(result) == IS_ARRAY) {
		span = spectra_span_from_otlp_array(Z_ARRVAL(result), context->record, error, sizeof(error));
	} else {
		snprintf(error, sizeof(error), "build() returned %s, not an array", zend_zval_type_name(&result));
	}
	zval_ptr_dtor(&result);
	if (!span) {
		spectra_warning("span builder returned a malformed span (%s); the native span is exported", error);
		return spectra_span_build_native(context);
	}
	return span;
}

/* ---- record array -> scratch context (for DefaultSpanBuilder's hooks) ---- */

static void copy_string_key(HashTable *data, const char *key, spectra_record *record, char **field)
{
	zval *value = zend_hash_str_find_deref(data, key, strlen(key));
	if (value && Z_TYPE_P(value) == IS_STRING) {
		spectra_record_setl(record, field, Z_STRVAL_P(value), Z_STRLEN_P(value));
	}
}

static int64_t int_key(HashTable *data, const char *key, int64_t fallback)
{
	zval *value = zend_hash_str_find_deref(data, key, strlen(key));
	if (!value || (Z_TYPE_P(value) != IS_LONG && Z_TYPE_P(value) != IS_DOUBLE && Z_TYPE_P(value) != IS_STRING)) {
		return fallback;
	}
	return (int64_t) zval_get_long(value);
}

static double double_key(HashTable *data, const char *key)
{
	zval *value = zend_hash_str_find_deref(data, key, strlen(key));
	return value ? zval_get_double(value) : 0;
}

static bool bool_key(HashTable *data, const char *key)
{
	zval *value = zend_hash_str_find_deref(data, key, strlen(key));
	return value && zend_is_true(value);
}

static bool timestamp_key(HashTable *data, const char *key, uint64_t *unix_ns)
{
	zval *value = zend_hash_str_find_deref(data, key, strlen(key));
	if (!value || Z_TYPE_P(value) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(value), php_date_get_interface_ce())) {
		return false;
	}
	php_date_obj *date = php_date_obj_from_obj(Z_OBJ_P(value));
	if (!date->time) {
		return false;
	}
	*unix_ns = (uint64_t) date->time->sse * 1000000000ull + (uint64_t) date->time->us * 1000ull;
	return true;
}

static void scratch_context_from_array(HashTable *data, spectra_context_object *scratch)
{
	memset(scratch, 0, sizeof(*scratch));
	spectra_record *record = spectra_record_new();
	scratch->record = record;
	array_init(&scratch->tags);
	array_init(&scratch->metadata);
	ZVAL_UNDEF(&scratch->trackable_id);
	ZVAL_UNDEF(&scratch->usage_override);
	if (!record) {
		return;
	}
	zval *value;
	if ((value = zend_hash_str_find_deref(data, ZEND_STRL("trace_id")))) {
		if (!decode_hex_id(value, record->trace_id, 16)) {
			spectra_random_id(record->trace_id, 16);
		}
	}
	if ((value = zend_hash_str_find_deref(data, ZEND_STRL("span_id"))) && !decode_hex_id(value, record->span_id, 8)) {
		spectra_random_id(record->span_id, 8);
	}
	if ((value = zend_hash_str_find_deref(data, ZEND_STRL("parent_span_id")))) {
		record->has_parent = decode_hex_id(value, record->parent_span_id, 8);
	}
	copy_string_key(data, "provider", record, &record->provider);
	if (!record->provider) {
		spectra_record_set(record, &record->provider, "unknown");
	}
	copy_string_key(data, "model", record, &record->model);
	copy_string_key(data, "snapshot", record, &record->snapshot);
	copy_string_key(data, "response_id", record, &record->response_id);
	copy_string_key(data, "model_type", record, &record->model_type);
	copy_string_key(data, "operation", record, &record->operation);
	copy_string_key(data, "endpoint", record, &record->endpoint);
	copy_string_key(data, "server_address", record, &record->server_address);
	copy_string_key(data, "pricing_tier", record, &record->pricing_tier);
	copy_string_key(data, "error_type", record, &record->error_type);
	copy_string_key(data, "error_message", record, &record->error_message);
	copy_string_key(data, "reasoning_effort", record, &record->reasoning_effort);
	copy_string_key(data, "trackable_type", record, &record->trackable_type);
	copy_string_key(data, "conversation_id", record, &record->conversation_id);
	record->server_port = int_key(data, "server_port", 0);
	record->usage_estimated = bool_key(data, "usage_estimated");
	record->usage_seen = zend_hash_str_exists(data, ZEND_STRL("prompt_tokens")) && !record->usage_estimated;
	record->prompt_tokens = int_key(data, "prompt_tokens", 0);
	record->completion_tokens = int_key(data, "completion_tokens", 0);
	record->cached_tokens = int_key(data, "cached_tokens", 0);
	record->cache_write_tokens = int_key(data, "cache_write_tokens", 0);
	record->reasoning_tokens = int_key(data, "reasoning_tokens", 0);
	record->status_code = int_key(data, "status_code", 0);
	record->time_to_first_token_ms = int_key(data, "time_to_first_token_ms", -1);
	record->prompt_cost = double_key(data, "prompt_cost");
	record->completion_cost = double_key(data, "completion_cost");
	record->total_cost = double_key(data, "total_cost_in_cents");
	record->cost_known = bool_key(data, "cost_known");
	record->is_failed = bool_key(data, "is_failed");
	record->is_streaming = bool_key(data, "is_streaming");
	record->is_reasoning = bool_key(data, "is_reasoning");
	if ((value = zend_hash_str_find_deref(data, ZEND_STRL("finish_reasons"))) && Z_TYPE_P(value) == IS_ARRAY) {
		zval *reason;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), reason) {
			if (Z_TYPE_P(reason) == IS_STRING) {
				spectra_record_add_finish_reason(record, Z_STRVAL_P(reason), Z_STRLEN_P(reason));
			}
		}
		ZEND_HASH_FOREACH_END();
	}
	if ((value = zend_hash_str_find_deref(data, ZEND_STRL("tool_call_counts"))) && Z_TYPE_P(value) == IS_ARRAY) {
		zend_string *type;
		zval *count;
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(value), type, count) {
			if (type) {
				spectra_record_count_tool_call(record, ZSTR_VAL(type), ZSTR_LEN(type), zval_get_long(count));
			}
		}
		ZEND_HASH_FOREACH_END();
	}
	if ((value = zend_hash_str_find_deref(data, ZEND_STRL("tags"))) && Z_TYPE_P(value) == IS_ARRAY) {
		zend_hash_copy(Z_ARRVAL(scratch->tags), Z_ARRVAL_P(value), zval_add_ref);
	}
	if ((value = zend_hash_str_find_deref(data, ZEND_STRL("metadata"))) && Z_TYPE_P(value) == IS_ARRAY) {
		zend_hash_copy(Z_ARRVAL(scratch->metadata), Z_ARRVAL_P(value), zval_add_ref);
	}
	if ((value = zend_hash_str_find_deref(data, ZEND_STRL("trackable_id")))
		&& (Z_TYPE_P(value) == IS_STRING || Z_TYPE_P(value) == IS_LONG)) {
		ZVAL_COPY(&scratch->trackable_id, value);
	}
	uint64_t start = 0, end = 0;
	if (timestamp_key(data, "started_at", &start)) {
		record->start_wall_ns = start;
		record->start_mono_ns = 1;
		record->end_mono_ns = 1;
		if (timestamp_key(data, "completed_at", &end) && end >= start) {
			record->end_mono_ns = 1 + (end - start);
		}
	}
}

static void scratch_context_free(spectra_context_object *scratch)
{
	spectra_record_free(scratch->record);
	zval_ptr_dtor(&scratch->tags);
	zval_ptr_dtor(&scratch->metadata);
	zval_ptr_dtor(&scratch->trackable_id);
}

/* ---- C span -> OTLP JSON array ---- */

static void attr_to_otlp(const spectra_attr *attr, zval *out)
{
	array_init_size(out, 2);
	add_assoc_string(out, "key", attr->key);
	zval value;
	array_init_size(&value, 1);
	switch (attr->type) {
	case SPECTRA_ATTR_STRING:
		add_assoc_string(&value, "stringValue", attr->value.str);
		break;
	case SPECTRA_ATTR_BOOL:
		add_assoc_bool(&value, "boolValue", attr->value.boolean);
		break;
	case SPECTRA_ATTR_INT:
		add_assoc_long(&value, "intValue", (zend_long) attr->value.integer);
		break;
	case SPECTRA_ATTR_DOUBLE:
		add_assoc_double(&value, "doubleValue", attr->value.dbl);
		break;
	case SPECTRA_ATTR_STRING_ARRAY: {
		zval array_value, values;
		array_init(&array_value);
		array_init_size(&values, (uint32_t) attr->value.strings.count);
		for (size_t i = 0; i < attr->value.strings.count; i++) {
			zval item;
			array_init_size(&item, 1);
			add_assoc_string(&item, "stringValue", attr->value.strings.items[i]);
			add_next_index_zval(&values, &item);
		}
		add_assoc_zval(&array_value, "values", &values);
		add_assoc_zval(&value, "arrayValue", &array_value);
		break;
	}
	}
	add_assoc_zval(out, "value", &value);
}

static void nanos_string(zval *array, const char *key, uint64_t nanos)
{
	char text[24];
	snprintf(text, sizeof(text), "%llu", (unsigned long long) nanos);
	add_assoc_string(array, key, text);
}

/* ---- DefaultSpanBuilder ---- */

/* Calls one of build()'s protected hooks. Not isolated: an exception there leaves build()
 * as it is, and the bridge that called build() reports it once. */
static bool call_hook(zval *this_zv, const char *method, zval *data, zval *result, zend_uchar expected)
{
	zend_function *function = spectra_find_method(Z_OBJCE_P(this_zv), method);
	ZVAL_UNDEF(result);
	if (!function) {
		zend_throw_error(NULL, "%s::%s() does not exist", ZSTR_VAL(Z_OBJCE_P(this_zv)->name), method);
		return false;
	}
	zend_call_known_instance_method(function, Z_OBJ_P(this_zv), result, 1, data);
	if (EG(exception)) {
		zval_ptr_dtor(result);
		ZVAL_UNDEF(result);
		return false;
	}
	if (Z_TYPE_P(result) != expected) {
		zend_type_error("%s::%s(): Return value must be of type %s, %s returned", ZSTR_VAL(Z_OBJCE_P(this_zv)->name),
			method, expected == IS_STRING ? "string" : "array", zend_zval_type_name(result));
		zval_ptr_dtor(result);
		ZVAL_UNDEF(result);
		return false;
	}
	return true;
}

PHP_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, build)
{
	zval *data;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(data)
	ZEND_PARSE_PARAMETERS_END();
	spectra_context_object scratch;
	scratch_context_from_array(Z_ARRVAL_P(data), &scratch);
	if (!scratch.record) {
		scratch_context_free(&scratch);
		zend_throw_error(NULL, "Spectra: out of memory");
		RETURN_THROWS();
	}
	const spectra_record *record = scratch.record;
	char hex[33];
	array_init_size(return_value, 10);
	spectra_hex_encode(record->trace_id, 16, hex);
	add_assoc_string(return_value, "traceId", hex);
	spectra_hex_encode(record->span_id, 8, hex);
	add_assoc_string(return_value, "spanId", hex);
	if (record->has_parent) {
		spectra_hex_encode(record->parent_span_id, 8, hex);
		add_assoc_string(return_value, "parentSpanId", hex);
	} else {
		add_assoc_string(return_value, "parentSpanId", "");
	}
	nanos_string(return_value, "startTimeUnixNano", record->start_wall_ns);
	nanos_string(return_value, "endTimeUnixNano", spectra_record_end_wall_ns(record));
	add_assoc_long(return_value, "kind", SPECTRA_SPAN_KIND_CLIENT);
	scratch_context_free(&scratch);

	static const struct {
		const char *method;
		const char *key;
		zend_uchar type;
	} hooks[] = {
		{ "spanName", "name", IS_STRING },
		{ "attributes", "attributes", IS_ARRAY },
		{ "status", "status", IS_ARRAY },
		{ "events", "events", IS_ARRAY },
	};
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
		zval result;
		if (!call_hook(ZEND_THIS, hooks[i].method, data, &result, hooks[i].type)) {
			zval_ptr_dtor(return_value);
			ZVAL_UNDEF(return_value);
			RETURN_THROWS();
		}
		add_assoc_zval(return_value, hooks[i].key, &result);
	}
}

PHP_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, spanName)
{
	zval *data;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(data)
	ZEND_PARSE_PARAMETERS_END();
	spectra_context_object scratch;
	scratch_context_from_array(Z_ARRVAL_P(data), &scratch);
	spectra_span *span = scratch.record ? spectra_span_build_native(&scratch) : NULL;
	RETVAL_STRING(span && span->name ? span->name : "chat");
	spectra_span_free(span);
	scratch_context_free(&scratch);
}

PHP_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, attributes)
{
	zval *data;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(data)
	ZEND_PARSE_PARAMETERS_END();
	spectra_context_object scratch;
	scratch_context_from_array(Z_ARRVAL_P(data), &scratch);
	spectra_span *span = scratch.record ? spectra_span_build_native(&scratch) : NULL;
	array_init(return_value);
	if (span) {
		for (size_t i = 0; i < span->attrs.count; i++) {
			zval attr;
			attr_to_otlp(&span->attrs.items[i], &attr);
			add_next_index_zval(return_value, &attr);
		}
	}
	spectra_span_free(span);
	scratch_context_free(&scratch);
}

PHP_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, status)
{
	HashTable *data;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(data)
	ZEND_PARSE_PARAMETERS_END();
	array_init(return_value);
	if (bool_key(data, "is_failed")) {
		add_assoc_long(return_value, "code", SPECTRA_STATUS_ERROR);
		zval *message = zend_hash_str_find_deref(data, ZEND_STRL("error_message"));
		add_assoc_string(return_value, "message",
			message && Z_TYPE_P(message) == IS_STRING ? Z_STRVAL_P(message) : "request failed");
	} else {
		add_assoc_long(return_value, "code", SPECTRA_STATUS_UNSET);
	}
}

PHP_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, events)
{
	zval *data;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(data)
	ZEND_PARSE_PARAMETERS_END();
	RETURN_EMPTY_ARRAY();
}

void spectra_span_bridge_rinit(void)
{
	ZVAL_UNDEF(&SPECTRA_G(span_bridge).builder);
}

void spectra_span_bridge_rshutdown(void)
{
	zval_ptr_dtor(&SPECTRA_G(span_bridge).builder);
	ZVAL_UNDEF(&SPECTRA_G(span_bridge).builder);
}
