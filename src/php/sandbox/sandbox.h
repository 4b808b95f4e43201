/* Calling user PHP code from C without letting it hurt the application: an exception
 * thrown by a listener, transformer, span builder or response accessor becomes one
 * E_WARNING naming the callback and the message; exit() still exits. */
#ifndef SPECTRA_PHP_SANDBOX_H
#define SPECTRA_PHP_SANDBOX_H

#include "php.h"

/* Calls `callable` (any PHP callable zval) with args. On success retval holds the result
 * (caller destroys it). Returns false if the call failed or threw; the exception is then
 * cleared (warning emitted) unless it is exit()/a fatal unwind, which is left in place. */
bool spectra_call_isolated(zval *callable, zval *retval, uint32_t argc, zval *argv, const char *what);

/* The method `name` (any case) of class ce, looked up in its function table directly, so a
 * protected overridable hook (spanName, excludedFields) is found whatever the caller's
 * scope. NULL when the class has none. */
zend_function *spectra_find_method(zend_class_entry *ce, const char *name);

/* True when the object's class has a method `name` (any case, any visibility). */
bool spectra_has_method(zend_object *object, const char *name);

/* Same for a method of an object, by name (spectra_find_method). */
bool spectra_call_method_isolated(zend_object *object, const char *method, zval *retval, uint32_t argc, zval *argv,
	const char *what);

/* Instantiates the class named by an INI setting (autoloading it), which must extend or
 * implement `base`. On any problem: one warning naming the setting and what is used
 * instead (`fallback`), and false. An autoloader or constructor that throws is absorbed. */
bool spectra_instantiate_configured(const char *class_name, zend_class_entry *base, const char *setting,
	const char *fallback, zval *out);

/* Emits one E_WARNING prefixed "Spectra: ". If the application's error handler turns it
 * into an exception (Laravel's does), that exception is dropped and the message goes to
 * the PHP error log instead: a diagnostic of ours must never break the request. */
void spectra_warning(const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);

/* True when PHP code may still be called for this request. */
bool spectra_callbacks_allowed(void);

/* Callbacks of ours (listeners, transformers, span builders, response accessors) nest at
 * most this deep; a deeper one is not called and gets a warning. */
#define SPECTRA_MAX_CALLBACK_DEPTH 16

/* The re-entrancy rule (docs/architecture.md): a record completed while a listener,
 * transformer or span builder of this request is running is exported with the native span,
 * but those hooks are not run for it, so a listener that tracks cannot recurse.
 * spectra_hooks_allowed() says whether they may run now; hook_enter/leave bracket a run. */
bool spectra_hooks_allowed(void);
void spectra_hook_enter(void);
void spectra_hook_leave(void);

#endif
