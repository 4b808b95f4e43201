#include "publish.h"

#include "php_spectra.h"
#include "zend_exceptions.h"
#include "src/php/publish/record_array.h"
#include "src/php/sandbox/sandbox.h"

zend_class_entry *spectra_ce_request_tracked;
zend_class_entry *spectra_ce_request_transformer;

static bool has_dispatcher(void)
{
	return SPECTRA_G(event_dispatcher) && *SPECTRA_G(event_dispatcher);
}

/* The transformer in force: UNDEF until first needed, then the instance of
 * spectra.request_transformer, or NULL for the built-in one. */
static zval *current_transformer(void)
{
	zval *transformer = &SPECTRA_G(publish).transformer;
	if (Z_TYPE_P(transformer) != IS_UNDEF) {
		return transformer;
	}
	ZVAL_NULL(transformer);
	const char *class_name = SPECTRA_G(request_transformer);
	if (!class_name || !*class_name) {
		return transformer;
	}
	zval instance;
	if (!spectra_instantiate_configured(class_name, spectra_ce_request_transformer, "spectra.request_transformer",
			"the built-in transformer", &instance)) {
		return transformer;
	}
	ZVAL_COPY_VALUE(transformer, &instance);
	return transformer;
}

static bool hooks_need_array(void)
{
	if ((Z_TYPE(SPECTRA_G(publish).listeners) == IS_ARRAY
			&& zend_hash_num_elements(Z_ARRVAL(SPECTRA_G(publish).listeners)))
		|| has_dispatcher()) {
		return true;
	}
	zval *transformer = &SPECTRA_G(publish).transformer;
	if (Z_TYPE_P(transformer) == IS_OBJECT || Z_TYPE_P(transformer) == IS_STRING || Z_TYPE_P(transformer) == IS_ARRAY) {
		return true;
	}
	if (Z_TYPE_P(transformer) == IS_UNDEF && SPECTRA_G(request_transformer) && *SPECTRA_G(request_transformer)) {
		return true;
	}
	return false;
}

/* Runs the transformer; a failing or non-array-returning one leaves the array as it was. */
static void transform(zval *array)
{
	zval *transformer = current_transformer();
	if (Z_TYPE_P(transformer) == IS_NULL) {
		return;
	}
	zval result;
	bool called;
	if (Z_TYPE_P(transformer) == IS_OBJECT
		&& instanceof_function(Z_OBJCE_P(transformer), spectra_ce_request_transformer)) {
		called =
			spectra_call_method_isolated(Z_OBJ_P(transformer), "transform", &result, 1, array, "request transformer");
	} else {
		called = spectra_call_isolated(transformer, &result, 1, array, "request transformer");
	}
	if (!called) {
		return;
	}
	if (Z_TYPE(result) != IS_ARRAY) {
		spectra_warning("request transformer returned %s instead of an array; it was ignored",
			zend_zval_type_name(&result));
		zval_ptr_dtor(&result);
		return;
	}
	zval_ptr_dtor(array);
	ZVAL_COPY_VALUE(array, &result);
}

static void dispatch(zval *array)
{
	zval event;
	object_init_ex(&event, spectra_ce_request_tracked);
	zend_update_property(spectra_ce_request_tracked, Z_OBJ(event), ZEND_STRL("request"), array);

	/* Iterate a reference of the list: a listener may call Spectra::listen() (lazy
	 * registration), which separates the shared list before adding, so this loop never
	 * sees a table that grows or moves under it. Listeners added now get the next event. */
	zval snapshot;
	if (Z_TYPE(SPECTRA_G(publish).listeners) == IS_ARRAY) {
		ZVAL_COPY(&snapshot, &SPECTRA_G(publish).listeners);
	} else {
		ZVAL_EMPTY_ARRAY(&snapshot);
	}
	zval *listener;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(snapshot), listener) {
		zval ignored;
		if (spectra_call_isolated(listener, &ignored, 1, &event, "RequestTracked listener")) {
			zval_ptr_dtor(&ignored);
		}
		if (EG(exception)) {
			break; /* exit() inside a listener: stop here, let it end the script */
		}
	}
	ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&snapshot);

	if (has_dispatcher() && !EG(exception)) {
		zval dispatcher, ignored;
		ZVAL_STRING(&dispatcher, SPECTRA_G(event_dispatcher));
		if (zend_is_callable(&dispatcher, 0, NULL)) {
			if (spectra_call_isolated(&dispatcher, &ignored, 1, &event, "spectra.event_dispatcher")) {
				zval_ptr_dtor(&ignored);
			}
		}
		zval_ptr_dtor(&dispatcher);
	}
	zval_ptr_dtor(&event);
}

bool spectra_publish(spectra_context_object *context, bool want_array, bool builder_wants_array, zval *array)
{
	bool callbacks = spectra_hooks_allowed() && !EG(exception);
	ZVAL_UNDEF(array);
	if (want_array || (callbacks && (builder_wants_array || hooks_need_array()))) {
		spectra_record_to_array(context, array);
		if (callbacks) {
			spectra_hook_enter();
			transform(array);
			dispatch(array);
			spectra_hook_leave();
		}
	}
	return callbacks;
}

/* ---- Spectra\Events\RequestTracked ---- */

PHP_METHOD(Spectra_Events_RequestTracked, __construct)
{
	HashTable *request;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(request)
	ZEND_PARSE_PARAMETERS_END();
	zval value;
	ZVAL_ARR(&value, zend_array_dup(request));
	zend_update_property(spectra_ce_request_tracked, Z_OBJ_P(ZEND_THIS), ZEND_STRL("request"), &value);
	zval_ptr_dtor(&value);
}

/* ---- Spectra\Support\RequestTransformer ---- */

PHP_METHOD(Spectra_Support_RequestTransformer, transform)
{
	HashTable *request;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(request)
	ZEND_PARSE_PARAMETERS_END();
	RETVAL_ARR(zend_array_dup(request));
	zval excluded;
	if (!spectra_call_method_isolated(Z_OBJ_P(ZEND_THIS), "excludedFields", &excluded, 0, NULL, "excludedFields()")) {
		return;
	}
	if (Z_TYPE(excluded) == IS_ARRAY) {
		zval *field;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(excluded), field) {
			if (Z_TYPE_P(field) == IS_STRING) {
				zend_symtable_del(Z_ARRVAL_P(return_value), Z_STR_P(field));
			}
		}
		ZEND_HASH_FOREACH_END();
	}
	zval_ptr_dtor(&excluded);
}

PHP_METHOD(Spectra_Support_RequestTransformer, excludedFields)
{
	ZEND_PARSE_PARAMETERS_NONE();
	/* Bulky or private fields Spectra never put in events; the record carries none of
	 * them unless content capture adds them. */
	array_init(return_value);
	add_next_index_string(return_value, "request");
	add_next_index_string(return_value, "response");
	add_next_index_string(return_value, "media_storage_path");
}

void spectra_publish_rinit(void)
{
	array_init(&SPECTRA_G(publish).listeners);
	ZVAL_UNDEF(&SPECTRA_G(publish).transformer);
}

void spectra_publish_rshutdown(void)
{
	zval_ptr_dtor(&SPECTRA_G(publish).listeners);
	ZVAL_UNDEF(&SPECTRA_G(publish).listeners);
	zval_ptr_dtor(&SPECTRA_G(publish).transformer);
	ZVAL_UNDEF(&SPECTRA_G(publish).transformer);
}
