#include "src/php/publish/publish.h"

#include "php_spectra.h"
#include "ext/date/php_date.h"
#include "zend_exceptions.h"
#include "src/record/ids.h"
#include "src/php/sandbox/sandbox.h"

static void add_string_or_null(zval *array, const char *key, const char *value)
{
	if (value) {
		add_assoc_string(array, key, value);
	} else {
		add_assoc_null(array, key);
	}
}

static void add_count_or_null(zval *array, const char *key, int64_t value)
{
	if (value >= 0) {
		add_assoc_long(array, key, (zend_long) value);
	} else {
		add_assoc_null(array, key);
	}
}

/* DateTimeImmutable with microseconds in the default timezone, or Carbon's immutable
 * flavour when the application has Carbon loaded (Spectra's span builders expect it). */
static void add_timestamp(zval *array, const char *key, uint64_t unix_ns)
{
	zend_class_entry *carbon = zend_hash_str_find_ptr(EG(class_table), ZEND_STRL("carbon\\carbonimmutable"));
	const char *class_name = carbon ? "Carbon\\CarbonImmutable" : "DateTimeImmutable";
	char stamp[48];
	snprintf(stamp, sizeof(stamp), "%llu.%06llu", (unsigned long long) (unix_ns / 1000000000ull),
		(unsigned long long) ((unix_ns / 1000ull) % 1000000ull));
	zval callable, args[2], created;
	array_init(&callable);
	add_next_index_string(&callable, class_name);
	add_next_index_string(&callable, "createFromFormat");
	ZVAL_STRING(&args[0], "U.u");
	ZVAL_STRING(&args[1], stamp);
	bool made = spectra_call_isolated(&callable, &created, 2, args, "createFromFormat()");
	zval_ptr_dtor(&callable);
	zval_ptr_dtor(&args[0]);
	zval_ptr_dtor(&args[1]);
	if (!made || Z_TYPE(created) != IS_OBJECT) {
		zval_ptr_dtor(&created);
		add_assoc_null(array, key);
		return;
	}
	/* "U.u" yields UTC; show it in the application's timezone like now() would */
	zval zone_name, zone, localized;
	ZVAL_STRING(&zone_name, get_timezone_info()->name);
	object_init_ex(&zone, php_date_get_timezone_ce());
	zend_call_known_instance_method_with_1_params(php_date_get_timezone_ce()->constructor, Z_OBJ(zone), NULL,
		&zone_name);
	zval_ptr_dtor(&zone_name);
	if (!EG(exception)
		&& spectra_call_method_isolated(Z_OBJ(created), "setTimezone", &localized, 1, &zone, "setTimezone()")
		&& Z_TYPE(localized) == IS_OBJECT) {
		zval_ptr_dtor(&created);
		ZVAL_COPY_VALUE(&created, &localized);
	} else {
		zend_clear_exception();
	}
	zval_ptr_dtor(&zone);
	add_assoc_zval(array, key, &created);
}

void spectra_record_to_array(spectra_context_object *context, zval *out)
{
	const spectra_record *record = context->record;
	char hex[33];
	array_init_size(out, 52);
	add_assoc_string(out, "id", record->id);
	spectra_hex_encode(record->trace_id, 16, hex);
	add_assoc_string(out, "trace_id", hex);
	spectra_hex_encode(record->span_id, 8, hex);
	add_assoc_string(out, "span_id", hex);
	if (record->has_parent) {
		spectra_hex_encode(record->parent_span_id, 8, hex);
		add_assoc_string(out, "parent_span_id", hex);
	} else {
		add_assoc_null(out, "parent_span_id");
	}
	add_string_or_null(out, "response_id", record->response_id);
	add_string_or_null(out, "provider", record->provider);
	add_string_or_null(out, "model", record->model);
	add_string_or_null(out, "snapshot", record->snapshot);
	add_string_or_null(out, "model_type", record->model_type);
	add_string_or_null(out, "operation", record->operation);
	add_string_or_null(out, "endpoint", record->endpoint);
	add_string_or_null(out, "server_address", record->server_address);
	if (record->server_port > 0) {
		add_assoc_long(out, "server_port", (zend_long) record->server_port);
	} else {
		add_assoc_null(out, "server_port");
	}
	add_string_or_null(out, "pricing_tier", record->pricing_tier);
	add_assoc_long(out, "prompt_tokens", (zend_long) record->prompt_tokens);
	add_assoc_long(out, "completion_tokens", (zend_long) record->completion_tokens);
	add_assoc_long(out, "cached_tokens", (zend_long) record->cached_tokens);
	add_assoc_long(out, "cache_write_tokens", (zend_long) record->cache_write_tokens);
	add_assoc_long(out, "reasoning_tokens", (zend_long) record->reasoning_tokens);
	add_assoc_long(out, "total_tokens", (zend_long) spectra_record_total_tokens(record));
	add_assoc_double(out, "prompt_cost", record->prompt_cost);
	add_assoc_double(out, "completion_cost", record->completion_cost);
	add_assoc_double(out, "total_cost_in_cents", record->total_cost);
	add_assoc_string(out, "currency", "USD");
	add_assoc_bool(out, "cost_known", record->cost_known);
	add_assoc_long(out, "latency_ms", (zend_long) (spectra_record_latency_ms(record) + 0.5));
	add_count_or_null(out, "time_to_first_token_ms", record->time_to_first_token_ms);
	double tokens_per_second = spectra_record_tokens_per_second(record);
	if (tokens_per_second >= 0) {
		add_assoc_double(out, "tokens_per_second", ((double) (int64_t) (tokens_per_second * 100 + 0.5)) / 100);
	} else {
		add_assoc_null(out, "tokens_per_second");
	}
	if (record->duration_seconds >= 0) {
		add_assoc_double(out, "duration_seconds", record->duration_seconds);
	} else {
		add_assoc_null(out, "duration_seconds");
	}
	add_count_or_null(out, "input_characters", record->input_characters);
	add_count_or_null(out, "image_count", record->image_count);
	add_count_or_null(out, "video_count", record->video_count);
	if (record->status_code) {
		add_assoc_long(out, "status_code", (zend_long) record->status_code);
	} else {
		add_assoc_null(out, "status_code");
	}
	add_assoc_bool(out, "is_failed", record->is_failed);
	add_string_or_null(out, "error_type", record->error_type);
	add_string_or_null(out, "error_message", record->error_message);
	add_string_or_null(out, "finish_reason", record->finish_reasons.count ? record->finish_reasons.items[0] : NULL);
	zval reasons;
	array_init_size(&reasons, (uint32_t) record->finish_reasons.count);
	for (size_t i = 0; i < record->finish_reasons.count; i++) {
		add_next_index_string(&reasons, record->finish_reasons.items[i]);
	}
	add_assoc_zval(out, "finish_reasons", &reasons);
	add_assoc_bool(out, "is_reasoning", record->is_reasoning);
	add_string_or_null(out, "reasoning_effort", record->reasoning_effort);
	add_assoc_bool(out, "is_streaming", record->is_streaming);
	add_assoc_bool(out, "has_tool_calls", record->has_tool_calls);
	if (record->tool_call_kinds) {
		zval counts;
		array_init_size(&counts, (uint32_t) record->tool_call_kinds);
		for (size_t i = 0; i < record->tool_call_kinds; i++) {
			add_assoc_long(&counts, record->tool_calls[i].name, (zend_long) record->tool_calls[i].count);
		}
		add_assoc_zval(out, "tool_call_counts", &counts);
	} else {
		add_assoc_null(out, "tool_call_counts");
	}
	Z_ADDREF(context->tags);
	add_assoc_zval(out, "tags", &context->tags);
	Z_ADDREF(context->metadata);
	add_assoc_zval(out, "metadata", &context->metadata);
	add_string_or_null(out, "trackable_type", record->trackable_type);
	if (Z_TYPE(context->trackable_id) != IS_UNDEF) {
		Z_TRY_ADDREF(context->trackable_id);
		add_assoc_zval(out, "trackable_id", &context->trackable_id);
	} else {
		add_assoc_null(out, "trackable_id");
	}
	add_string_or_null(out, "conversation_id", record->conversation_id);
	add_timestamp(out, "started_at", record->start_wall_ns);
	add_timestamp(out, "completed_at", spectra_record_end_wall_ns(record));
}
