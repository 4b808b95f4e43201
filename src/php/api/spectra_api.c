#include "spectra_api.h"

#include "php_spectra.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "src/php/capture/context.h"
#include "src/php/capture/options.h"
#include "src/php/capture/trace.h"
#include "src/php/pipeline/pipeline.h"
#include "src/record/ids.h"
#include "src/php/publish/publish.h"
#include "src/php/stream/stream_generator.h"
#include "src/php/stream/stream_observer.h"
#include "src/php/delivery/emit.h"
#include "src/export/exporter.h"

extern zend_class_entry *spectra_ce_span_builder;

/* Calls the user's callback with the context as its only argument. */
static void call_with_context(zend_fcall_info *fci, zend_fcall_info_cache *fcc, zval *context, zval *retval)
{
	fci->retval = retval;
	fci->params = context;
	fci->param_count = context ? 1 : 0;
	zend_call_function(fci, fcc);
}

PHP_METHOD(Spectra_Spectra, track)
{
	zend_string *provider, *model;
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_PATH_STR(provider)
		Z_PARAM_PATH_STR(model)
		Z_PARAM_FUNC(fci, fcc)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	zval context;
	if (!spectra_context_start(provider, model, options, 4, &context)) {
		zval_ptr_dtor(&context);
		RETURN_THROWS();
	}
	bool active = spectra_capture_tracking_active();
	spectra_capture_state *capture = &SPECTRA_G(capture);
	zend_object *outer_track = capture->current_track;
	void *outer_fiber = capture->current_track_fiber;
	if (active) {
		capture->current_track = Z_OBJ(context);
		capture->current_track_fiber = EG(active_fiber);
	}
	call_with_context(&fci, &fcc, &context, return_value);
	if (active && spectra_capture_request_ready()) {
		capture->current_track = outer_track;
		capture->current_track_fiber = outer_fiber;
	}

	zend_object *exception = EG(exception);
	if (!active) {
		zval_ptr_dtor(&context);
		return;
	}
	spectra_context_object *tracked = spectra_context_from_obj(Z_OBJ(context));
	if (tracked->record->completed) {
		/* the callback recorded it itself (recordSuccess/recordFailure on the context) */
		zval_ptr_dtor(&context);
		return;
	}
	if (exception) {
		if (zend_is_unwind_exit(exception) || zend_is_graceful_exit(exception)) {
			zval_ptr_dtor(&context); /* exit(): the script ends; nothing is half-recorded */
			return;
		}
		/* Record the failure with the exception set aside, then rethrow the same object. */
		GC_ADDREF(exception);
		zend_clear_exception();
		spectra_pipeline_failure(tracked, exception, 0, false, NULL);
		zval_ptr_dtor(&context);
		if (EG(exception)) {
			zend_object *ours = EG(exception);
			if (zend_is_unwind_exit(ours) || zend_is_graceful_exit(ours)) {
				OBJ_RELEASE(exception); /* exit() in a listener wins */
				return;
			}
			/* anything else would replace the application's exception: never */
			zend_clear_exception();
		}
		zend_throw_exception_internal(exception);
		return;
	}
	spectra_pipeline_success(tracked, return_value, NULL, NULL);
	zval_ptr_dtor(&context);
}

/* A PSR-7 body, which Spectra::stream() reads in pieces (the interface is there only when
 * some package declared it, and then an object can implement it). */
static bool is_psr7_stream(zval *value)
{
	if (Z_TYPE_P(value) != IS_OBJECT) {
		return false;
	}
	zend_class_entry *psr7 = zend_hash_str_find_ptr(EG(class_table), ZEND_STRL("psr\\http\\message\\streaminterface"));
	return psr7 && instanceof_function(Z_OBJCE_P(value), psr7);
}

PHP_METHOD(Spectra_Spectra, stream)
{
	zval *chunks;
	zend_string *provider, *model;
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_ZVAL(chunks)
		Z_PARAM_PATH_STR(provider)
		Z_PARAM_PATH_STR(model)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	if (!zend_is_iterable(chunks) && !is_psr7_stream(chunks)) {
		zend_argument_type_error(1, "must be of type iterable|Psr\\Http\\Message\\StreamInterface, %s given",
			zend_zval_type_name(chunks));
		RETURN_THROWS();
	}
	zval context;
	if (!spectra_context_start(provider, model, options, 4, &context)) {
		zval_ptr_dtor(&context);
		RETURN_THROWS();
	}
	if (!spectra_capture_tracking_active()) {
		zval_ptr_dtor(&context);
		spectra_stream_generator(chunks, NULL, return_value);
		return;
	}
	spectra_context_from_obj(Z_OBJ(context))->record->is_streaming = true;
	zval observer;
	spectra_stream_observer_create(&context, &observer);
	spectra_stream_generator(chunks, &observer, return_value);
	zval_ptr_dtor(&observer);
}

PHP_METHOD(Spectra_Spectra, startRequest)
{
	zend_string *provider, *model;
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_PATH_STR(provider)
		Z_PARAM_PATH_STR(model)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	if (!spectra_context_start(provider, model, options, 3, return_value)) {
		zval_ptr_dtor(return_value);
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
}

static spectra_context_object *open_context(zval *context_zv)
{
	spectra_context_object *context = spectra_context_from_obj(Z_OBJ_P(context_zv));
	if (!context->record) {
		zend_argument_value_error(1, "is not a started request");
		return NULL;
	}
	if (context->record->completed) {
		zend_argument_value_error(1, "has already been recorded");
		return NULL;
	}
	return context;
}

PHP_METHOD(Spectra_Spectra, recordSuccess)
{
	zval *context_zv, *response = NULL;
	HashTable *usage = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_OBJECT_OF_CLASS(context_zv, spectra_ce_request_context)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(response)
		Z_PARAM_ARRAY_HT(usage)
	ZEND_PARSE_PARAMETERS_END();
	spectra_context_object *context = open_context(context_zv);
	if (!context) {
		RETURN_THROWS();
	}
	if (usage && !spectra_options_check_usage(usage, 3)) {
		RETURN_THROWS();
	}
	if (!spectra_capture_tracking_active()) {
		RETURN_EMPTY_ARRAY();
	}
	spectra_pipeline_success(context, response, usage, return_value);
}

PHP_METHOD(Spectra_Spectra, recordFailure)
{
	zval *context_zv, *exception;
	zend_long status = 0;
	bool status_is_null = true;
	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_OBJECT_OF_CLASS(context_zv, spectra_ce_request_context)
		Z_PARAM_OBJECT_OF_CLASS(exception, zend_ce_throwable)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(status, status_is_null)
	ZEND_PARSE_PARAMETERS_END();
	if (!status_is_null && (status < 100 || status > 599)) {
		zend_argument_value_error(3, "must be an HTTP status code between 100 and 599 or null");
		RETURN_THROWS();
	}
	spectra_context_object *context = open_context(context_zv);
	if (!context) {
		RETURN_THROWS();
	}
	if (!spectra_capture_tracking_active()) {
		RETURN_EMPTY_ARRAY();
	}
	spectra_pipeline_failure(context, Z_OBJ_P(exception), status, !status_is_null, return_value);
}

PHP_METHOD(Spectra_Spectra, withoutTracking)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();
	/* the callback starts and returns in the same fiber; it may suspend in between, and
	 * other fibers (or the main context) then run with their own suppression */
	if (!spectra_capture_request_ready()) {
		/* after RSHUTDOWN (a late destructor): nothing is recorded anyway */
		call_with_context(&fci, &fcc, NULL, return_value);
		return;
	}
	HashTable *suppressed = &SPECTRA_G(capture).suppressed;
	zend_ulong fiber = spectra_capture_fiber_key();
	zval *depth = zend_hash_index_find(suppressed, fiber);
	if (depth) {
		Z_LVAL_P(depth)++;
	} else {
		zval one;
		ZVAL_LONG(&one, 1);
		zend_hash_index_add_new(suppressed, fiber, &one);
	}
	call_with_context(&fci, &fcc, NULL, return_value);
	depth = spectra_capture_request_ready() ? zend_hash_index_find(suppressed, fiber) : NULL;
	if (depth && --Z_LVAL_P(depth) <= 0) {
		zend_hash_index_del(suppressed, fiber);
	}
}

PHP_METHOD(Spectra_Spectra, withTraceId)
{
	zend_string *trace_id;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(trace_id)
	ZEND_PARSE_PARAMETERS_END();
	uint8_t parsed[16];
	if (!spectra_trace_id_parse(ZSTR_VAL(trace_id), ZSTR_LEN(trace_id), parsed)) {
		zend_argument_value_error(1, "must be 32 hexadecimal digits or a UUID, and not all zero");
		RETURN_THROWS();
	}
	memcpy(SPECTRA_G(trace).custom_trace_id, parsed, 16);
	SPECTRA_G(trace).has_custom_trace_id = true;
}

PHP_METHOD(Spectra_Spectra, withMetadata)
{
	HashTable *metadata;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(metadata)
	ZEND_PARSE_PARAMETERS_END();
	if (!spectra_capture_request_ready()) {
		return;
	}
	zend_hash_merge(Z_ARRVAL(SPECTRA_G(capture).metadata), metadata, zval_add_ref, true);
}

PHP_METHOD(Spectra_Spectra, addGlobalTags)
{
	HashTable *tags;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(tags)
	ZEND_PARSE_PARAMETERS_END();
	if (!spectra_capture_request_ready()) {
		return;
	}
	if (!spectra_options_merge_tags(&SPECTRA_G(capture).tags, &SPECTRA_G(capture).tags_dropped, tags, 1, "")) {
		RETURN_THROWS();
	}
}

PHP_METHOD(Spectra_Spectra, withPricingTier)
{
	zend_string *tier;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_PATH_STR(tier)
	ZEND_PARSE_PARAMETERS_END();
	if (!spectra_options_check_tier(tier, 1)) {
		RETURN_THROWS();
	}
	if (SPECTRA_G(capture).pricing_tier) {
		zend_string_release(SPECTRA_G(capture).pricing_tier);
	}
	SPECTRA_G(capture).pricing_tier = zend_string_copy(tier);
}

PHP_METHOD(Spectra_Spectra, forTrackable)
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
	if (SPECTRA_G(capture).trackable_type) {
		zend_string_release(SPECTRA_G(capture).trackable_type);
	}
	SPECTRA_G(capture).trackable_type = zend_string_copy(type);
	zval_ptr_dtor(&SPECTRA_G(capture).trackable_id);
	ZVAL_COPY(&SPECTRA_G(capture).trackable_id, id);
}

void spectra_capture_clear_globals(void)
{
	if (Z_TYPE(SPECTRA_G(capture).metadata) == IS_ARRAY) {
		zend_hash_clean(Z_ARRVAL(SPECTRA_G(capture).metadata));
	}
	if (Z_TYPE(SPECTRA_G(capture).tags) == IS_ARRAY) {
		zend_hash_clean(Z_ARRVAL(SPECTRA_G(capture).tags));
	}
	SPECTRA_G(capture).tags_dropped = 0;
	if (SPECTRA_G(capture).pricing_tier) {
		zend_string_release(SPECTRA_G(capture).pricing_tier);
		SPECTRA_G(capture).pricing_tier = NULL;
	}
	if (SPECTRA_G(capture).trackable_type) {
		zend_string_release(SPECTRA_G(capture).trackable_type);
		SPECTRA_G(capture).trackable_type = NULL;
	}
	zval_ptr_dtor(&SPECTRA_G(capture).trackable_id);
	ZVAL_UNDEF(&SPECTRA_G(capture).trackable_id);
}

PHP_METHOD(Spectra_Spectra, clearGlobals)
{
	ZEND_PARSE_PARAMETERS_NONE();
	spectra_capture_clear_globals();
	spectra_trace_clear_custom_id();
}

PHP_METHOD(Spectra_Spectra, listen)
{
	zval *listener;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(listener)
	ZEND_PARSE_PARAMETERS_END();
	if (!zend_is_callable(listener, 0, NULL)) {
		zend_argument_type_error(1, "must be a valid callback, %s given", zend_zval_type_name(listener));
		RETURN_THROWS();
	}
	if (!spectra_capture_request_ready()) {
		return;
	}
	Z_TRY_ADDREF_P(listener);
	/* the list may be shared with a dispatch in progress: write to our own copy */
	SEPARATE_ARRAY(&SPECTRA_G(publish).listeners);
	add_next_index_zval(&SPECTRA_G(publish).listeners, listener);
}

static bool set_hook(zval *slot, zval *value, zend_class_entry *interface_ce, const char *expected)
{
	if (Z_TYPE_P(value) != IS_NULL
		&& !(Z_TYPE_P(value) == IS_OBJECT && instanceof_function(Z_OBJCE_P(value), interface_ce))
		&& !zend_is_callable(value, 0, NULL)) {
		zend_argument_type_error(1, "must be of type %s|callable|null, %s given", expected, zend_zval_type_name(value));
		return false;
	}
	zval_ptr_dtor(slot);
	ZVAL_COPY(slot, value);
	return true;
}

PHP_METHOD(Spectra_Spectra, useTransformer)
{
	zval *transformer;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(transformer)
	ZEND_PARSE_PARAMETERS_END();
	if (!set_hook(&SPECTRA_G(publish).transformer, transformer, spectra_ce_request_transformer,
			"Spectra\\Support\\RequestTransformer")) {
		RETURN_THROWS();
	}
}

PHP_METHOD(Spectra_Spectra, useSpanBuilder)
{
	zval *builder;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(builder)
	ZEND_PARSE_PARAMETERS_END();
	if (!set_hook(&SPECTRA_G(span_bridge).builder, builder, spectra_ce_span_builder,
			"Spectra\\Contracts\\SpanBuilder")) {
		RETURN_THROWS();
	}
}

PHP_METHOD(Spectra_Spectra, flush)
{
	zend_long timeout_ms = 0;
	bool timeout_is_null = true;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(timeout_ms, timeout_is_null)
	ZEND_PARSE_PARAMETERS_END();
	if (!timeout_is_null && timeout_ms < 0) {
		zend_argument_value_error(1, "must be greater than or equal to 0");
		RETURN_THROWS();
	}
	RETURN_BOOL(spectra_span_flush(timeout_is_null ? SPECTRA_G(shutdown_timeout_ms) : timeout_ms));
}

PHP_METHOD(Spectra_Spectra, stats)
{
	ZEND_PARSE_PARAMETERS_NONE();
	spectra_span_stats_array(return_value);
	spectra_stream_stats(return_value);
}

PHP_METHOD(Spectra_Spectra, isEnabled)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(SPECTRA_G(enabled));
}

PHP_METHOD(Spectra_Spectra, currentTraceId)
{
	ZEND_PARSE_PARAMETERS_NONE();
	char hex[33];
	spectra_trace_current_hex(hex);
	RETURN_STRINGL(hex, 32);
}

void spectra_capture_rinit(void)
{
	array_init(&SPECTRA_G(capture).metadata);
	array_init(&SPECTRA_G(capture).tags);
	SPECTRA_G(capture).tags_dropped = 0;
	ZVAL_UNDEF(&SPECTRA_G(capture).trackable_id);
	zend_hash_init(&SPECTRA_G(capture).suppressed, 4, NULL, NULL, false);
	SPECTRA_G(capture).current_track = NULL;
	SPECTRA_G(capture).current_track_fiber = NULL;
}

void spectra_capture_rshutdown(void)
{
	spectra_capture_clear_globals();
	zend_hash_destroy(&SPECTRA_G(capture).suppressed);
	SPECTRA_G(capture).current_track = NULL;
	zval_ptr_dtor(&SPECTRA_G(capture).metadata);
	ZVAL_UNDEF(&SPECTRA_G(capture).metadata);
	zval_ptr_dtor(&SPECTRA_G(capture).tags);
	ZVAL_UNDEF(&SPECTRA_G(capture).tags);
}
