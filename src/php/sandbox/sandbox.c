#include "sandbox.h"

#include "php_spectra.h"
#include "zend_exceptions.h"
#include <stdarg.h>
#include <syslog.h>

void spectra_warning(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	char *message = NULL;
	zend_vspprintf(&message, 0, format, args);
	va_end(args);
	bool exception_before = EG(exception) != NULL;
	php_error_docref(NULL, E_WARNING, "Spectra: %s", message);
	zend_object *raised = EG(exception);
	if (!exception_before && raised && !zend_is_unwind_exit(raised) && !zend_is_graceful_exit(raised)) {
		zend_clear_exception();
		char *line = NULL;
		zend_spprintf(&line, 0, "PHP Warning:  Spectra: %s", message);
		php_log_err_with_severity(line, LOG_WARNING);
		efree(line);
	}
	efree(message);
}

bool spectra_callbacks_allowed(void)
{
	return !SPECTRA_G(sandbox).in_shutdown && EG(current_execute_data) != NULL;
}

bool spectra_hooks_allowed(void)
{
	return spectra_callbacks_allowed() && SPECTRA_G(sandbox).hook_depth == 0;
}

void spectra_hook_enter(void)
{
	SPECTRA_G(sandbox).hook_depth++;
}

void spectra_hook_leave(void)
{
	SPECTRA_G(sandbox).hook_depth--;
}

/* A callback that tracks a call whose response calls back again (toArray() returning
 * through track()) would otherwise recurse until the C stack runs out. Only user code
 * counts: our own calls of PHP's internal functions (DateTime) cannot recurse. One warning
 * per overflow: every callback refused until the stack unwinds would repeat it. */
static bool enter_callback(bool user_code, const char *what)
{
	spectra_sandbox_state *sandbox = &SPECTRA_G(sandbox);
	if (!user_code) {
		return true;
	}
	if (sandbox->callback_depth >= SPECTRA_MAX_CALLBACK_DEPTH) {
		if (!sandbox->depth_warned) {
			sandbox->depth_warned = true;
			spectra_warning("callbacks nested %d deep: %s and the callbacks of the records completed at this "
							"depth are not called",
				SPECTRA_MAX_CALLBACK_DEPTH, what);
		}
		return false;
	}
	sandbox->callback_depth++;
	return true;
}

/* user_code as given to enter_callback: the function itself may be gone by now (a closure
 * freed when the call released it) */
static void leave_callback(bool user_code)
{
	spectra_sandbox_state *sandbox = &SPECTRA_G(sandbox);
	if (user_code && --sandbox->callback_depth == 0) {
		sandbox->depth_warned = false;
	}
}

/* Turns a pending exception into a warning, unless it is exit() or an unwinding fatal:
 * those must keep travelling so the script ends the way the user asked. */
static void absorb_exception(const char *what)
{
	zend_object *exception = EG(exception);
	if (!exception || zend_is_unwind_exit(exception) || zend_is_graceful_exit(exception)) {
		return;
	}
	GC_ADDREF(exception);
	zend_clear_exception();
	zval rv;
	zend_class_entry *base = instanceof_function(exception->ce, zend_ce_exception) ? zend_ce_exception : zend_ce_error;
	zval *message = zend_read_property(base, exception, "message", sizeof("message") - 1, true, &rv);
	ZVAL_DEREF(message);
	/* User code can set $message to anything: converting an array or object here would
	 * raise a warning or an Error of our own, so anything but a string is named by type. */
	if (message && Z_TYPE_P(message) == IS_STRING) {
		spectra_warning("%s threw %s: %s", what, ZSTR_VAL(exception->ce->name), Z_STRVAL_P(message));
	} else {
		spectra_warning("%s threw %s (its message is %s, not a string)", what, ZSTR_VAL(exception->ce->name),
			message ? zend_zval_type_name(message) : "missing");
	}
	OBJ_RELEASE(exception);
}

bool spectra_call_isolated(zval *callable, zval *retval, uint32_t argc, zval *argv, const char *what)
{
	ZVAL_UNDEF(retval);
	if (EG(exception)) {
		return false;
	}
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	char *error = NULL;
	if (zend_fcall_info_init(callable, 0, &fci, &fcc, NULL, &error) != SUCCESS) {
		spectra_warning("%s is not callable%s%s", what, error ? ": " : "", error ? error : "");
		if (error) {
			efree(error);
		}
		return false;
	}
	if (error) {
		efree(error);
	}
	bool user_code = fcc.function_handler->type != ZEND_INTERNAL_FUNCTION;
	if (!enter_callback(user_code, what)) {
		return false;
	}
	fci.retval = retval;
	fci.param_count = argc;
	fci.params = argv;
	/* the callback may replace itself (useSpanBuilder(null) inside the builder): hold it */
	zval held;
	ZVAL_COPY(&held, callable);
	zend_object *held_object = fcc.object;
	if (held_object) {
		GC_ADDREF(held_object);
	}
	zend_result result = zend_call_function(&fci, &fcc);
	if (held_object) {
		OBJ_RELEASE(held_object);
	}
	zval_ptr_dtor(&held);
	leave_callback(user_code);
	if (EG(exception)) {
		zval_ptr_dtor(retval);
		ZVAL_UNDEF(retval);
		absorb_exception(what);
		return false;
	}
	if (result != SUCCESS || Z_ISUNDEF_P(retval)) {
		return false;
	}
	return true;
}

zend_function *spectra_find_method(zend_class_entry *ce, const char *name)
{
	size_t len = strlen(name);
	char small[64];
	char *lowercase = len < sizeof(small) ? zend_str_tolower_copy(small, name, len) : zend_str_tolower_dup(name, len);
	zend_function *function = zend_hash_str_find_ptr(&ce->function_table, lowercase, len);
	if (lowercase != small) {
		efree(lowercase);
	}
	return function;
}

bool spectra_has_method(zend_object *object, const char *name)
{
	return spectra_find_method(object->ce, name) != NULL;
}

bool spectra_call_method_isolated(zend_object *object, const char *method, zval *retval, uint32_t argc, zval *argv,
	const char *what)
{
	ZVAL_UNDEF(retval);
	if (EG(exception)) {
		return false;
	}
	/* our internal methods call protected overridable hooks whatever the caller's scope */
	zend_function *function = spectra_find_method(object->ce, method);
	if (!function) {
		return false;
	}
	bool user_code = function->type != ZEND_INTERNAL_FUNCTION;
	if (!enter_callback(user_code, what)) {
		return false;
	}
	GC_ADDREF(object); /* the object may drop its last other reference while its method runs */
	zend_call_known_instance_method(function, object, retval, argc, argv);
	OBJ_RELEASE(object);
	leave_callback(user_code);
	if (EG(exception)) {
		zval_ptr_dtor(retval);
		ZVAL_UNDEF(retval);
		absorb_exception(what);
		return false;
	}
	return !Z_ISUNDEF_P(retval);
}

bool spectra_instantiate_configured(const char *class_name, zend_class_entry *base, const char *setting,
	const char *fallback, zval *out)
{
	ZVAL_UNDEF(out);
	zend_string *name = zend_string_init(class_name, strlen(class_name), false);
	zend_class_entry *ce = zend_lookup_class(name);
	zend_string_release(name);
	if (EG(exception)) {
		/* an autoloader that throws must not break the application */
		absorb_exception("autoloader");
		ce = NULL;
	}
	if (!ce || !instanceof_function(ce, base) || (ce->ce_flags & (ZEND_ACC_ABSTRACT | ZEND_ACC_INTERFACE))) {
		spectra_warning("%s \"%s\" is not a class %s %s; %s is used", setting, class_name,
			(base->ce_flags & ZEND_ACC_INTERFACE) ? "implementing" : "extending", ZSTR_VAL(base->name), fallback);
		return false;
	}
	if (object_init_ex(out, ce) != SUCCESS) {
		ZVAL_UNDEF(out);
		return false;
	}
	if (ce->constructor) {
		zend_call_known_instance_method(ce->constructor, Z_OBJ_P(out), NULL, 0, NULL);
		if (EG(exception)) {
			absorb_exception(ZSTR_VAL(ce->name));
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
			spectra_warning("%s could not be constructed; %s is used", class_name, fallback);
			return false;
		}
	}
	return true;
}

void spectra_sandbox_rinit(void)
{
	SPECTRA_G(sandbox).in_shutdown = false;
	SPECTRA_G(sandbox).callback_depth = 0;
	SPECTRA_G(sandbox).hook_depth = 0;
	SPECTRA_G(sandbox).depth_warned = false;
}

void spectra_sandbox_rshutdown(void)
{
	SPECTRA_G(sandbox).in_shutdown = true;
}
