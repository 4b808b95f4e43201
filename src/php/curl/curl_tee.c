#include "curl_tee.h"

#include "src/php/curl/curl_handles.h"
#include "src/record/clock.h"

typedef struct {
	zval callable;
	zend_object std;
} tee_object;

static zend_class_entry *tee_ce;
static zend_object_handlers tee_handlers;

static tee_object *tee_from_obj(zend_object *object)
{
	return (tee_object *) ((char *) object - XtOffsetOf(tee_object, std));
}

static zend_object *tee_new(zend_class_entry *ce)
{
	tee_object *tee = zend_object_alloc(sizeof(tee_object), ce);
	zend_object_std_init(&tee->std, ce);
	tee->std.handlers = &tee_handlers;
	ZVAL_UNDEF(&tee->callable);
	return &tee->std;
}

static void tee_free(zend_object *object)
{
	zval_ptr_dtor(&tee_from_obj(object)->callable);
	zend_object_std_dtor(object);
}

static HashTable *tee_get_gc(zend_object *object, zval **table, int *n)
{
	*table = &tee_from_obj(object)->callable;
	*n = 1;
	return NULL;
}

static zend_function *tee_get_constructor(zend_object *object)
{
	zend_throw_error(NULL, "Spectra\\Internal\\CurlWriteTee is created by the extension only");
	return NULL;
}

/* The bytes of a call curl made: (CurlHandle, string). */
static void keep_bytes(zval *args, uint32_t argc)
{
	if (argc < 2 || Z_TYPE(args[0]) != IS_OBJECT || Z_TYPE(args[1]) != IS_STRING || !SPECTRA_G(curl).ready) {
		return;
	}
	spectra_curl_handle *state = spectra_curl_handle_find(Z_OBJ(args[0]));
	if (!state || !spectra_curl_handle_in_flight(state) || state->body_over_cap) {
		return;
	}
	size_t kept = state->body.s ? ZSTR_LEN(state->body.s) : 0;
	if (!state->first_byte_ns && Z_STRLEN(args[1])) {
		state->first_byte_ns = spectra_clock_monotonic_ns();
	}
	if (Z_STRLEN(args[1]) > SPECTRA_CURL_BODY_CAP - kept) {
		state->body_over_cap = true;
		smart_str_free(&state->body);
		return;
	}
	smart_str_appendl(&state->body, Z_STRVAL(args[1]), Z_STRLEN(args[1]));
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_tee_invoke, 0, 0, IS_MIXED, 0)
ZEND_ARG_VARIADIC_TYPE_INFO(0, args, IS_MIXED, 0)
ZEND_END_ARG_INFO()

static ZEND_NAMED_FUNCTION(tee_invoke)
{
	zval *args = NULL;
	uint32_t argc = 0;
	ZEND_PARSE_PARAMETERS_START(0, -1)
		Z_PARAM_VARIADIC('*', args, argc)
	ZEND_PARSE_PARAMETERS_END();
	tee_object *tee = tee_from_obj(Z_OBJ_P(ZEND_THIS));
	zval callable;
	/* held for the call: the callable may replace the handle's options, and so the tee */
	ZVAL_COPY(&callable, &tee->callable);
	zend_fcall_info fci = { 0 };
	fci.size = sizeof(fci);
	ZVAL_COPY_VALUE(&fci.function_name, &callable);
	fci.retval = return_value;
	fci.params = args;
	fci.param_count = argc;
	zend_call_function(&fci, NULL);
	zval_ptr_dtor(&callable);
	if (!EG(exception)) {
		keep_bytes(args, argc);
	}
}

static const zend_function_entry tee_methods[] = { ZEND_RAW_FENTRY("__invoke", tee_invoke, arginfo_tee_invoke,
	ZEND_ACC_PUBLIC) ZEND_FE_END };

void spectra_curl_tee_register(void)
{
	zend_class_entry ce;
	INIT_CLASS_ENTRY(ce, "Spectra\\Internal\\CurlWriteTee", tee_methods);
	tee_ce = zend_register_internal_class_ex(&ce, NULL);
	tee_ce->ce_flags |= ZEND_ACC_FINAL | ZEND_ACC_NO_DYNAMIC_PROPERTIES | ZEND_ACC_NOT_SERIALIZABLE;
	tee_ce->create_object = tee_new;
	memcpy(&tee_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	tee_handlers.offset = XtOffsetOf(tee_object, std);
	tee_handlers.free_obj = tee_free;
	tee_handlers.get_gc = tee_get_gc;
	tee_handlers.clone_obj = NULL;
	tee_handlers.get_constructor = tee_get_constructor;
}

void spectra_curl_tee_create(zval *callable, zval *tee_out)
{
	object_init_ex(tee_out, tee_ce);
	ZVAL_COPY(&tee_from_obj(Z_OBJ_P(tee_out))->callable, callable);
}

bool spectra_curl_is_tee(zval *value)
{
	return Z_TYPE_P(value) == IS_OBJECT && Z_OBJCE_P(value) == tee_ce;
}
