#include "context.h"

#include <math.h>

#include "php_spectra.h"
#include "src/php/sandbox/sandbox.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "src/php/capture/trace.h"
#include "src/php/capture/options.h"
#include "src/record/ids.h"
#include "src/php/extract/extract.h"
#include "src/providers/hosts.h"
#include "src/providers/providers.h"

zend_class_entry *spectra_ce_request_context;
static zend_object_handlers context_handlers;

static void find_property_offsets(zend_class_entry *ce);

static zend_object *context_create(zend_class_entry *ce)
{
	spectra_context_object *context = zend_object_alloc(sizeof(spectra_context_object), ce);
	zend_object_std_init(&context->std, ce);
	object_properties_init(&context->std, ce);
	context->std.handlers = &context_handlers;
	context->record = NULL;
	array_init(&context->metadata);
	array_init(&context->tags);
	context->tags_dropped = 0;
	ZVAL_UNDEF(&context->trackable_id);
	ZVAL_UNDEF(&context->usage_override);
	return &context->std;
}

static void context_free(zend_object *object)
{
	spectra_context_object *context = spectra_context_from_obj(object);
	spectra_record_free(context->record);
	zval_ptr_dtor(&context->metadata);
	zval_ptr_dtor(&context->tags);
	zval_ptr_dtor(&context->trackable_id);
	zval_ptr_dtor(&context->usage_override);
	zend_object_std_dtor(object);
}

static HashTable *context_get_gc(zend_object *object, zval **table, int *n)
{
	spectra_context_object *context = spectra_context_from_obj(object);
	zend_get_gc_buffer *buffer = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(buffer, &context->metadata);
	zend_get_gc_buffer_add_zval(buffer, &context->usage_override);
	zend_get_gc_buffer_use(buffer, table, n);
	return zend_std_get_properties(object);
}

void spectra_context_register(zend_class_entry *ce)
{
	spectra_ce_request_context = ce;
	ce->create_object = context_create;
	memcpy(&context_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	context_handlers.offset = XtOffsetOf(spectra_context_object, std);
	context_handlers.free_obj = context_free;
	context_handlers.get_gc = context_get_gc;
	context_handlers.clone_obj = NULL;
	/* it wraps native state: serialize() and unserialize() refuse it (an unserialized copy
	 * would have no record) */
	ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
	find_property_offsets(ce);
}

/* Slots of the readonly properties, found once at MINIT: initializing them in place
 * skips a by-name lookup and the readonly checks for every tracked call. */
enum { PROP_ID, PROP_TRACE_ID, PROP_SPAN_ID, PROP_PROVIDER, PROP_MODEL, PROP_COUNT };
static uint32_t property_offsets[PROP_COUNT];

static void find_property_offsets(zend_class_entry *ce)
{
	static const char *const names[PROP_COUNT] = { "id", "traceId", "spanId", "provider", "model" };
	for (int i = 0; i < PROP_COUNT; i++) {
		zend_property_info *info = zend_hash_str_find_ptr(&ce->properties_info, names[i], strlen(names[i]));
		ZEND_ASSERT(info && !(info->flags & ZEND_ACC_STATIC));
		property_offsets[i] = info->offset;
	}
}

/* The object is brand new: its slots are uninitialized, so this is the readonly
 * property's one initialization. */
static void init_readonly(zend_object *object, int property, zend_string *value)
{
	zval *slot = OBJ_PROP(object, property_offsets[property]);
	ZVAL_STR(slot, value);
	Z_PROP_FLAG_P(slot) = 0;
}

bool spectra_capture_request_ready(void)
{
	return !SPECTRA_G(sandbox).in_shutdown && Z_TYPE(SPECTRA_G(publish).listeners) == IS_ARRAY;
}

bool spectra_capture_tracking_active(void)
{
	return SPECTRA_G(enabled) && spectra_capture_request_ready()
		&& !zend_hash_index_exists(&SPECTRA_G(capture).suppressed, spectra_capture_fiber_key());
}

/* server.address / server.port / endpoint from a URL option, else the provider's API host. */

static bool is_auto_provider(const char *provider)
{
	return !*provider || zend_binary_strcasecmp(provider, strlen(provider), "auto", 4) == 0;
}

bool spectra_context_start(zend_string *provider, zend_string *model, HashTable *options, uint32_t options_arg_num,
	zval *context_out)
{
	object_init_ex(context_out, spectra_ce_request_context);
	spectra_context_object *context = spectra_context_from_obj(Z_OBJ_P(context_out));
	spectra_record *record = spectra_record_new();
	context->record = record;
	if (!record) {
		zend_throw_error(NULL, "Spectra: out of memory");
		return false;
	}
	record->start_wall_ns = spectra_clock_wall_ns();
	record->start_mono_ns = spectra_clock_monotonic_ns();
	spectra_ulid(record->id, record->start_wall_ns / 1000000);
	spectra_record_setl(record, &record->provider, ZSTR_VAL(provider), ZSTR_LEN(provider));
	spectra_record_setl(record, &record->model, ZSTR_VAL(model), ZSTR_LEN(model));
	spectra_trace_assign(record);

	/* Globals first, then the per-call options merged on top (never replacing them). */
	if (Z_TYPE(SPECTRA_G(capture).metadata) == IS_ARRAY
		&& zend_hash_num_elements(Z_ARRVAL(SPECTRA_G(capture).metadata))) {
		zend_hash_copy(Z_ARRVAL(context->metadata), Z_ARRVAL(SPECTRA_G(capture).metadata), zval_add_ref);
	}
	if (Z_TYPE(SPECTRA_G(capture).tags) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL(SPECTRA_G(capture).tags))) {
		zend_hash_copy(Z_ARRVAL(context->tags), Z_ARRVAL(SPECTRA_G(capture).tags), zval_add_ref);
	}
	context->tags_dropped = SPECTRA_G(capture).tags_dropped;
	if (SPECTRA_G(capture).pricing_tier) {
		spectra_record_set(record, &record->pricing_tier, ZSTR_VAL(SPECTRA_G(capture).pricing_tier));
	}
	if (SPECTRA_G(capture).trackable_type) {
		spectra_record_set(record, &record->trackable_type, ZSTR_VAL(SPECTRA_G(capture).trackable_type));
		ZVAL_COPY(&context->trackable_id, &SPECTRA_G(capture).trackable_id);
	}

	if (options && !spectra_options_apply(context, options, options_arg_num)) {
		return false;
	}

	const spectra_provider_info *info = spectra_provider_find(record->provider, strlen(record->provider));
	bool named_by_host = false;
	if (!info && is_auto_provider(record->provider) && record->server_address) {
		/* track('', ...) or track('auto', ...) with a url: the host says who it is */
		info = spectra_provider_for_host(record->server_address, strlen(record->server_address));
		if (info) {
			spectra_record_set(record, &record->provider, info->slug);
			named_by_host = true;
		}
	}
	record->provider_info = info;
	if (!record->server_address) {
		if (info && info->host) {
			spectra_record_set(record, &record->server_address, info->host);
			record->server_port = info->port;
		}
	}

	char hex[33];
	zend_object *object = Z_OBJ_P(context_out);
	init_readonly(object, PROP_ID, zend_string_init(record->id, 26, false));
	spectra_hex_encode(record->trace_id, 16, hex);
	init_readonly(object, PROP_TRACE_ID, zend_string_init(hex, 32, false));
	spectra_hex_encode(record->span_id, 8, hex);
	init_readonly(object, PROP_SPAN_ID, zend_string_init(hex, 16, false));
	init_readonly(object, PROP_PROVIDER,
		named_by_host ? zend_string_init(record->provider, strlen(record->provider), false)
					  : zend_string_copy(provider));
	init_readonly(object, PROP_MODEL, zend_string_copy(model));
	return true;
}

void spectra_context_end(spectra_context_object *context)
{
	spectra_record *record = context->record;
	record->end_mono_ns = spectra_clock_monotonic_ns();
	record->completed = true;
	if (!record->status_code && !record->is_failed) {
		record->status_code = 200;
	}
	if (record->status_code >= 400) {
		record->is_failed = true;
		if (!record->error_type) {
			/* an answer without a provider error body: as OTel's HTTP conventions do, the
			 * status code is the error type */
			char code[24];
			snprintf(code, sizeof code, "%lld", (long long) record->status_code);
			spectra_record_set(record, &record->error_type, code);
		}
	}
}

void spectra_context_apply_usage(spectra_context_object *context, HashTable *usage)
{
	spectra_record *record = context->record;
	const char *bad_key = NULL;
	if (Z_TYPE(context->usage_override) == IS_ARRAY) {
		spectra_apply_usage(record, Z_ARRVAL(context->usage_override), &bad_key);
	}
	if (usage && zend_hash_num_elements(usage)) {
		spectra_apply_usage(record, usage, &bad_key);
	}
	if (bad_key) {
		spectra_warning("usage \"%s\" is not a non-negative token count; it was ignored", bad_key);
	}
}

static bool status_from(zval *value, zend_long *status)
{
	if (value && Z_TYPE_P(value) == IS_LONG && Z_LVAL_P(value) >= 100 && Z_LVAL_P(value) <= 599) {
		*status = Z_LVAL_P(value);
		return true;
	}
	return false;
}

static bool call_for_status(zend_object *object, const char *method, zend_long *status)
{
	zval result;
	if (!spectra_has_method(object, method)
		|| !spectra_call_method_isolated(object, method, &result, 0, NULL, method)) {
		return false;
	}
	bool found = status_from(&result, status);
	zval_ptr_dtor(&result);
	return found;
}

/* The HTTP status an HTTP-client exception carries: getResponse()->getStatusCode() (Guzzle,
 * PSR-18), ->response->status() (Laravel's RequestException), getStatusCode() (openai-php). */
static bool status_of_exception(zend_object *exception, zend_long *status)
{
	zval response;
	if (call_for_status(exception, "getStatusCode", status)) {
		return true;
	}
	size_t len = sizeof("getresponse") - 1;
	if (zend_hash_str_exists(&exception->ce->function_table, "getresponse", len)
		&& spectra_call_method_isolated(exception, "getResponse", &response, 0, NULL, "getResponse()")) {
		bool found = Z_TYPE(response) == IS_OBJECT && call_for_status(Z_OBJ(response), "getStatusCode", status);
		zval_ptr_dtor(&response);
		if (found) {
			return true;
		}
	}
	zval rv;
	zval *property = zend_hash_str_exists(&exception->ce->properties_info, "response", sizeof("response") - 1)
		? zend_read_property(exception->ce, exception, "response", sizeof("response") - 1, true, &rv)
		: NULL;
	if (property && Z_TYPE_P(property) == IS_OBJECT) {
		return call_for_status(Z_OBJ_P(property), "status", status)
			|| call_for_status(Z_OBJ_P(property), "getStatusCode", status);
	}
	return false;
}

void spectra_context_mark_failure(spectra_context_object *context, zend_object *exception, zend_long http_status,
	bool has_status)
{
	spectra_record *record = context->record;
	record->is_failed = true;
	spectra_record_setl(record, &record->error_type, ZSTR_VAL(exception->ce->name), ZSTR_LEN(exception->ce->name));
	zval rv;
	zend_class_entry *base = instanceof_function(exception->ce, zend_ce_exception) ? zend_ce_exception : zend_ce_error;
	zval *message = zend_read_property(base, exception, "message", sizeof("message") - 1, true, &rv);
	if (message && Z_TYPE_P(message) == IS_STRING) {
		spectra_record_setl(record, &record->error_message, Z_STRVAL_P(message), Z_STRLEN_P(message));
	}
	if (!has_status) {
		has_status = status_of_exception(exception, &http_status);
	}
	if (has_status) {
		record->status_code = http_status;
	}
}

/* ---- RequestContext methods ---- */

#define THIS_CONTEXT() spectra_context_from_obj(Z_OBJ_P(ZEND_THIS))

/* The record behind $this, or NULL with an Error thrown: an object that never went
 * through Spectra::startRequest()/track() has none, and no method may touch it then. */
static spectra_record *this_record(zval *this_zv)
{
	spectra_record *record = spectra_context_from_obj(Z_OBJ_P(this_zv))->record;
	if (!record) {
		zend_throw_error(NULL,
			"Spectra\\RequestContext was not started by Spectra::startRequest() or Spectra::track()");
	}
	return record;
}

PHP_METHOD(Spectra_RequestContext, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

PHP_METHOD(Spectra_RequestContext, addTag)
{
	zend_string *tag;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_PATH_STR(tag)
	ZEND_PARSE_PARAMETERS_END();
	spectra_options_add_tag(&THIS_CONTEXT()->tags, tag, &THIS_CONTEXT()->tags_dropped);
	RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

PHP_METHOD(Spectra_RequestContext, addMetadata)
{
	zend_string *key;
	zval *value;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_ZVAL(value)
	ZEND_PARSE_PARAMETERS_END();
	Z_TRY_ADDREF_P(value);
	zend_symtable_update(Z_ARRVAL(THIS_CONTEXT()->metadata), key, value);
	RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

PHP_METHOD(Spectra_RequestContext, forTrackable)
{
	zend_string *type;
	zval *id;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_PATH_STR(type)
		Z_PARAM_ZVAL(id)
	ZEND_PARSE_PARAMETERS_END();
	if (!spectra_options_check_trackable_id(id, 2, "")) {
		RETURN_THROWS();
	}
	spectra_record *record = this_record(ZEND_THIS);
	if (!record) {
		RETURN_THROWS();
	}
	spectra_context_object *context = THIS_CONTEXT();
	spectra_record_setl(record, &record->trackable_type, ZSTR_VAL(type), ZSTR_LEN(type));
	zval_ptr_dtor(&context->trackable_id);
	ZVAL_COPY(&context->trackable_id, id);
	RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

PHP_METHOD(Spectra_RequestContext, inConversation)
{
	zend_string *conversation_id;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_PATH_STR(conversation_id)
	ZEND_PARSE_PARAMETERS_END();
	spectra_record *record = this_record(ZEND_THIS);
	if (!record) {
		RETURN_THROWS();
	}
	spectra_record_setl(record, &record->conversation_id, ZSTR_VAL(conversation_id), ZSTR_LEN(conversation_id));
	RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

PHP_METHOD(Spectra_RequestContext, withPricingTier)
{
	zend_string *tier;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_PATH_STR(tier)
	ZEND_PARSE_PARAMETERS_END();
	if (!spectra_options_check_tier(tier, 1)) {
		RETURN_THROWS();
	}
	spectra_record *record = this_record(ZEND_THIS);
	if (!record) {
		RETURN_THROWS();
	}
	spectra_record_setl(record, &record->pricing_tier, ZSTR_VAL(tier), ZSTR_LEN(tier));
	RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

PHP_METHOD(Spectra_RequestContext, setUsage)
{
	HashTable *usage;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(usage)
	ZEND_PARSE_PARAMETERS_END();
	if (!spectra_options_check_usage(usage, 1)) {
		RETURN_THROWS();
	}
	spectra_context_object *context = THIS_CONTEXT();
	zval_ptr_dtor(&context->usage_override);
	ZVAL_ARR(&context->usage_override, zend_array_dup(usage));
	RETURN_OBJ_COPY(Z_OBJ_P(ZEND_THIS));
}

PHP_METHOD(Spectra_RequestContext, isCompleted)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(THIS_CONTEXT()->record && THIS_CONTEXT()->record->completed);
}
