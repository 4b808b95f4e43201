#include "record_array.h"

#include <math.h>

#include "php_spectra.h"
#include "ext/date/php_date.h"
#include "zend_exceptions.h"
#include "src/record/ids.h"
#include "src/record/record_fields.h"
#include "src/util/num.h"
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

/* tokens per second, rounded to 2 decimals */
static void add_rate_or_null(zval *array, const char *key, double value)
{
	if (value >= 0) {
		add_assoc_double(array, key, spectra_round_2dp(value));
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

static void add_hex_or_null(zval *array, const char *key, const uint8_t *bytes, size_t len)
{
	if (bytes) {
		char hex[33];
		spectra_hex_encode(bytes, len, hex);
		add_assoc_string(array, key, hex);
	} else {
		add_assoc_null(array, key);
	}
}

static void add_long_or_null(zval *array, const char *key, int64_t value, bool present)
{
	if (present) {
		add_assoc_long(array, key, (zend_long) value);
	} else {
		add_assoc_null(array, key);
	}
}

static void add_real_or_null(zval *array, const char *key, double value)
{
	if (isnan(value)) {
		add_assoc_null(array, key);
	} else {
		add_assoc_double(array, key, value);
	}
}

static void add_double_or_null(zval *array, const char *key, double value)
{
	if (value >= 0) {
		add_assoc_double(array, key, value);
	} else {
		add_assoc_null(array, key);
	}
}

static void add_string_list(zval *array, const char *key, const spectra_string_list *list)
{
	zval items;
	array_init_size(&items, (uint32_t) list->count);
	for (size_t i = 0; i < list->count; i++) {
		add_next_index_string(&items, list->items[i]);
	}
	add_assoc_zval(array, key, &items);
}

static void add_tool_counts(zval *array, const char *key, const spectra_record *record)
{
	if (!record->tool_call_kinds) {
		add_assoc_null(array, key);
		return;
	}
	zval counts;
	array_init_size(&counts, (uint32_t) record->tool_call_kinds);
	for (size_t i = 0; i < record->tool_call_kinds; i++) {
		add_assoc_long(&counts, record->tool_calls[i].name, (zend_long) record->tool_calls[i].count);
	}
	add_assoc_zval(array, key, &counts);
}

static void add_php_value(zval *array, const char *key, zval *value)
{
	if (Z_TYPE_P(value) == IS_UNDEF) {
		add_assoc_null(array, key);
		return;
	}
	Z_TRY_ADDREF_P(value);
	add_assoc_zval(array, key, value);
}

/* One statement per kind of src/record/record_fields.h. */
#define PUT_TEXT(key, value) add_string_or_null(out, key, value)
#define PUT_TRACE_ID(key, bytes) add_hex_or_null(out, key, bytes, 16)
#define PUT_SPAN_ID(key, bytes) add_hex_or_null(out, key, bytes, 8)
#define PUT_INT(key, value) add_assoc_long(out, key, (zend_long) (value))
#define PUT_INT_NONZERO(key, value) add_long_or_null(out, key, value, (value) != 0)
#define PUT_INT_POSITIVE(key, value) add_long_or_null(out, key, value, (value) > 0)
#define PUT_COUNT(key, value) add_count_or_null(out, key, value)
#define PUT_FLOAT(key, value) add_assoc_double(out, key, value)
#define PUT_FLOAT_OR_NULL(key, value) add_double_or_null(out, key, value)
#define PUT_REAL(key, value) add_real_or_null(out, key, value)
#define PUT_RATE(key, value) add_rate_or_null(out, key, value)
#define PUT_BOOL(key, value) add_assoc_bool(out, key, value)
#define PUT_TEXT_LIST(key, list) add_string_list(out, key, &(list))
#define PUT_TOOL_COUNTS(key, record) add_tool_counts(out, key, record)
#define PUT_TIMESTAMP(key, unix_ns) add_timestamp(out, key, unix_ns)
#define PUT_PHP_VALUE(key, member) add_php_value(out, key, &context->member)

#define PUT_FIELD(key, kind, source, span_attribute, compat_attribute) PUT_##kind(#key, source);

void spectra_record_to_array(spectra_context_object *context, zval *out)
{
	const spectra_record *r = context->record;
	array_init_size(out, SPECTRA_RECORD_FIELD_COUNT);
	SPECTRA_RECORD_FIELDS(PUT_FIELD)
}
