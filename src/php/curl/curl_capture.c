#include "curl_capture.h"

#include <curl/curl.h>
#include <stdatomic.h>

#include "php_spectra.h"
#include "zend_exceptions.h"
#include "zend_observer.h"

#include "src/php/capture/context.h"
#include "src/php/content/messages.h"
#include "src/php/curl/curl_handles.h"
#include "src/php/curl/curl_request.h"
#include "src/php/curl/curl_stream.h"
#include "src/php/curl/curl_tee.h"
#include "src/php/extract/extract.h"
#include "src/php/pipeline/pipeline.h"
#include "src/util/curl_errors.h"

/* set at MINIT, read-only afterwards */
static bool capture_registered;
/* ext/curl's CurlHandle class, found on first use (internal classes live for the process) */
static zend_class_entry *curl_handle_ce;

bool spectra_curl_capture_enabled(void)
{
	return capture_registered;
}

/* The first CurlHandle seen names the class; false for any other object until then. */
static zend_never_inline bool learn_curl_handle_class(zend_class_entry *ce)
{
	if (!zend_string_equals_literal_ci(ce->name, "CurlHandle") || ce->type != ZEND_INTERNAL_CLASS) {
		return false;
	}
	curl_handle_ce = ce;
	return true;
}

/* Every observed call asks: the known class is one comparison. */
static zend_always_inline bool is_curl_handle(zval *value)
{
	if (!value || Z_TYPE_P(value) != IS_OBJECT) {
		return false;
	}
	if (EXPECTED(curl_handle_ce)) {
		return Z_OBJCE_P(value) == curl_handle_ce;
	}
	return learn_curl_handle_class(Z_OBJCE_P(value));
}

static zend_always_inline bool observing(void)
{
	return SPECTRA_G(curl).ready && SPECTRA_G(curl).own_calls == 0;
}

static zval *arg(zend_execute_data *execute_data, uint32_t n)
{
	if (ZEND_CALL_NUM_ARGS(execute_data) < n) {
		return NULL;
	}
	zval *value = ZEND_CALL_ARG(execute_data, n);
	ZVAL_DEREF(value);
	return value;
}

/* Calls an ext/curl function for capture's own needs (not observed); false when it is
 * missing or did not return. */
static bool call_curl(const char *name, uint32_t argc, zval *args, zval *retval)
{
	ZVAL_UNDEF(retval);
	zend_function *fn = zend_hash_str_find_ptr(EG(function_table), name, strlen(name));
	if (!fn || EG(exception)) {
		return false;
	}
	SPECTRA_G(curl).own_calls++;
	zend_call_known_function(fn, NULL, NULL, retval, argc, args, NULL);
	SPECTRA_G(curl).own_calls--;
	if (EG(exception)) {
		/* cannot happen with a valid handle; never leave ours to the application */
		zend_clear_exception();
	}
	return !Z_ISUNDEF_P(retval);
}

static zend_long call_curl_long(const char *name, zend_object *handle, bool with_info, zend_long info)
{
	zval args[2], retval;
	ZVAL_OBJ(&args[0], handle);
	ZVAL_LONG(&args[1], info);
	zend_long result = 0;
	if (call_curl(name, with_info ? 2 : 1, args, &retval) && Z_TYPE(retval) == IS_LONG) {
		result = Z_LVAL(retval);
	}
	zval_ptr_dtor(&retval);
	return result;
}

/* ---- what the application sets ---- */

static const spectra_provider_info *provider_of(zval *url)
{
	return Z_TYPE_P(url) == IS_STRING ? spectra_curl_provider_for_url(Z_STRVAL_P(url), Z_STRLEN_P(url)) : NULL;
}

static void note_provider_url(zend_object *handle, const spectra_provider_info *provider, zend_string *url)
{
	spectra_curl_mark_other(handle, false);
	spectra_curl_handle *state = spectra_curl_handle_get(handle);
	if (!state) {
		return;
	}
	state->provider = provider;
	if (state->url) {
		zend_string_release(state->url);
	}
	state->url = zend_string_copy(url);
}

static void note_url(zend_object *handle, zval *value)
{
	const spectra_provider_info *provider = provider_of(value);
	if (provider) {
		note_provider_url(handle, provider, Z_STR_P(value));
		return;
	}
	spectra_curl_mark_other(handle, Z_TYPE_P(value) == IS_STRING);
	spectra_curl_handle *state = spectra_curl_handle_find(handle);
	if (state && !spectra_curl_handle_in_flight(state)) {
		spectra_curl_handle_forget(handle);
	} else if (state) {
		state->provider = NULL;
	}
}

static void keep_zval(zval *slot, zval *value)
{
	zval_ptr_dtor(slot);
	if (Z_TYPE_P(value) == IS_NULL) {
		ZVAL_UNDEF(slot);
	} else {
		ZVAL_COPY(slot, value);
	}
}

static bool option_is_read(zend_long option)
{
	return option == CURLOPT_POSTFIELDS || option == CURLOPT_COPYPOSTFIELDS || option == CURLOPT_WRITEFUNCTION
		|| option == CURLOPT_READFUNCTION || option == CURLOPT_INFILE || option == CURLOPT_UPLOAD
		|| option == CURLOPT_FILE;
}

/* One of the options option_is_read() names, on a handle not known to be no provider's. */
static void note_option(zend_object *handle, zend_long option, zval *value)
{
	if (option == CURLOPT_WRITEFUNCTION && spectra_curl_is_tee(value)) {
		return;
	}
	spectra_curl_handle *state = spectra_curl_handle_get(handle);
	if (!state) {
		return;
	}
	switch (option) {
	case CURLOPT_POSTFIELDS:
	case CURLOPT_COPYPOSTFIELDS:
		keep_zval(&state->postfields, value);
		break;
	case CURLOPT_WRITEFUNCTION:
		keep_zval(&state->user_write, value);
		state->tee_installed = false;
		break;
	case CURLOPT_FILE:
		state->response_to_file = Z_TYPE_P(value) != IS_NULL;
		break;
	default: { /* READFUNCTION, INFILE, UPLOAD */
		uint8_t reader = option == CURLOPT_READFUNCTION ? SPECTRA_CURL_BODY_BY_READ_FUNCTION
			: option == CURLOPT_INFILE                  ? SPECTRA_CURL_BODY_BY_INFILE
														: SPECTRA_CURL_BODY_BY_UPLOAD;
		state->body_readers = zend_is_true(value) ? state->body_readers | reader : state->body_readers & ~reader;
		break;
	}
	}
}

static void observe_setopt(zend_execute_data *execute_data)
{
	zval *handle = arg(execute_data, 1), *option = arg(execute_data, 2), *value = arg(execute_data, 3);
	if (!option || Z_TYPE_P(option) != IS_LONG || !value || !observing() || !is_curl_handle(handle)) {
		return;
	}
	if (Z_LVAL_P(option) == CURLOPT_URL) {
		note_url(Z_OBJ_P(handle), value);
	} else if (option_is_read(Z_LVAL_P(option)) && !spectra_curl_is_other(Z_OBJ_P(handle))) {
		note_option(Z_OBJ_P(handle), Z_LVAL_P(option), value);
	}
}

/* The URL first, so that whether the rest is read depends on the URL the array leaves set,
 * whatever its position (on a handle known to be no provider's, nothing else is looked at). */
static void observe_setopt_array(zend_execute_data *execute_data)
{
	zval *handle = arg(execute_data, 1), *options = arg(execute_data, 2);
	if (!observing() || !is_curl_handle(handle) || !options || Z_TYPE_P(options) != IS_ARRAY) {
		return;
	}
	zval *url = zend_hash_index_find(Z_ARRVAL_P(options), CURLOPT_URL);
	if (url) {
		ZVAL_DEREF(url);
		note_url(Z_OBJ_P(handle), url);
	}
	if (spectra_curl_is_other(Z_OBJ_P(handle))) {
		return;
	}
	zend_ulong option;
	zend_string *key;
	zval *value;
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(options), option, key, value) {
		if (!key && option_is_read((zend_long) option)) {
			ZVAL_DEREF(value);
			note_option(Z_OBJ_P(handle), (zend_long) option, value);
		}
	}
	ZEND_HASH_FOREACH_END();
}

static void observe_init_end(zend_execute_data *execute_data, zval *retval)
{
	if (!observing() || !is_curl_handle(retval)) {
		return;
	}
	/* a new handle: no entry to forget, and its number's byte may be a freed handle's */
	zval *url = arg(execute_data, 1);
	const spectra_provider_info *provider = url ? provider_of(url) : NULL;
	spectra_curl_set_marks(Z_OBJ_P(retval),
		url && Z_TYPE_P(url) == IS_STRING && !provider ? SPECTRA_CURL_MARK_OTHER : 0);
	if (provider) {
		note_provider_url(Z_OBJ_P(retval), provider, Z_STR_P(url));
	}
}

static void observe_copy_end(zend_execute_data *execute_data, zval *retval)
{
	zval *source = arg(execute_data, 1);
	if (!observing() || !is_curl_handle(retval) || !is_curl_handle(source)) {
		return;
	}
	zend_object *copy = Z_OBJ_P(retval);
	spectra_curl_set_marks(copy, spectra_curl_is_other(Z_OBJ_P(source)) ? SPECTRA_CURL_MARK_OTHER : 0);
	spectra_curl_handle *from = spectra_curl_handle_find(Z_OBJ_P(source));
	spectra_curl_handle *to = from ? spectra_curl_handle_get(copy) : NULL;
	if (!to) {
		return;
	}
	to->provider = from->provider;
	to->url = from->url ? zend_string_copy(from->url) : NULL;
	ZVAL_COPY(&to->postfields, &from->postfields);
	ZVAL_COPY(&to->user_write, &from->user_write);
	to->tee_installed = from->tee_installed; /* curl copied the tee with the handle */
	to->body_readers = from->body_readers;
	to->response_to_file = from->response_to_file;
}

static void observe_reset(zend_execute_data *execute_data)
{
	zval *handle = arg(execute_data, 1);
	if (observing() && is_curl_handle(handle)) {
		spectra_curl_handle_forget(Z_OBJ_P(handle));
		spectra_curl_set_marks(Z_OBJ_P(handle), 0); /* curl_reset() forgot the URL too */
	}
}

/* ---- a request starts ---- */

static void install_tee(zend_object *handle, spectra_curl_handle *state)
{
	if (state->tee_installed || Z_ISUNDEF(state->user_write) || !zend_is_callable(&state->user_write, 0, NULL)) {
		return;
	}
	zval args[3], retval;
	ZVAL_OBJ(&args[0], handle);
	ZVAL_LONG(&args[1], CURLOPT_WRITEFUNCTION);
	spectra_curl_tee_create(&state->user_write, &args[2]);
	state->tee_installed = call_curl("curl_setopt", 3, args, &retval) && Z_TYPE(retval) == IS_TRUE;
	zval_ptr_dtor(&retval);
	zval_ptr_dtor(&args[2]);
}

/* The track() whose callback is running in this fiber, when its record is still open. */
static zend_object *open_track(void)
{
	spectra_capture_state *capture = &SPECTRA_G(capture);
	if (!capture->current_track || capture->current_track_fiber != (void *) EG(active_fiber)) {
		return NULL;
	}
	spectra_context_object *track = spectra_context_from_obj(capture->current_track);
	return track->record && !track->record->completed ? capture->current_track : NULL;
}

static spectra_record *start_own_record(spectra_curl_handle *state, HashTable *body)
{
	zend_string *model = spectra_curl_request_model(state, body);
	zend_string *provider = zend_string_init(state->provider->slug, strlen(state->provider->slug), false);
	zval context;
	bool started = spectra_context_start(provider, model ? model : ZSTR_EMPTY_ALLOC(), NULL, 0, &context);
	zend_string_release(provider);
	if (model) {
		zend_string_release(model);
	}
	if (!started) {
		zval_ptr_dtor(&context);
		zend_clear_exception(); /* out of memory: never the application's problem */
		return NULL;
	}
	ZVAL_COPY_VALUE(&state->context, &context);
	return spectra_context_from_obj(Z_OBJ(context))->record;
}

static void start_request(zend_object *handle, spectra_curl_handle *state)
{
	if (!state->provider) {
		return;
	}
	if (spectra_curl_handle_in_flight(state)) {
		spectra_curl_handle_drop_request(state); /* started again before it was seen to end */
	}
	if (!spectra_capture_tracking_active()) {
		return;
	}
	zval body;
	spectra_curl_request_body(state, &body);
	HashTable *body_table = Z_TYPE(body) == IS_ARRAY ? Z_ARRVAL(body) : NULL;
	spectra_record *record;
	zend_object *track = open_track();
	if (track) {
		/* the call is the track()'s: fill its record in (a retry inside it: the last attempt) */
		GC_ADDREF(track);
		state->enriching = track;
		record = spectra_context_from_obj(track)->record;
		/* an earlier attempt's outcome is not this one's */
		record->is_failed = false;
		record->status_code = 0;
		spectra_record_set(record, &record->error_type, NULL);
		spectra_record_set(record, &record->error_message, NULL);
		if (!record->model || !*record->model) {
			zend_string *model = spectra_curl_request_model(state, body_table);
			if (model) {
				spectra_record_setl(record, &record->model, ZSTR_VAL(model), ZSTR_LEN(model));
				zend_string_release(model);
			}
		}
	} else {
		record = start_own_record(state, body_table);
	}
	if (record) {
		spectra_curl_request_apply(record, state, body_table);
		spectra_record_set(record, &record->request_body_skipped, spectra_curl_request_body_skipped(state, &body));
		if (SPECTRA_G(capture_content) && body_table && !record->input_messages && !record->system_instructions) {
			/* opt-in; a track() call's own request option, read first, is kept */
			spectra_content_from_request(record, body_table, spectra_content_max_bytes());
		}
		install_tee(handle, state);
	}
	zval_ptr_dtor(&body);
}

/* ---- a request ends ---- */

static void mark_transport_failure(spectra_record *record, zend_long code)
{
	char buf[32];
	record->is_failed = true;
	spectra_record_set(record, &record->error_type, spectra_curl_error_name((long) code, buf, sizeof buf));
	/* curl's fixed text for the code: never the URL or anything the server said */
	spectra_record_set(record, &record->error_message, curl_easy_strerror((CURLcode) code));
}

/* returned: what curl_exec()/curl_multi_getcontent() gave (a string with RETURNTRANSFER);
 * code: the CURLcode when known (curl_multi_info_read), else read with curl_errno(). */
static void finish_request(zend_object *handle, spectra_curl_handle *state, zval *returned, bool has_code,
	zend_long code)
{
	/* taken off the handle first: listeners may use the handle again */
	zval context;
	ZVAL_COPY_VALUE(&context, &state->context);
	ZVAL_UNDEF(&state->context);
	zend_object *enriching = state->enriching;
	state->enriching = NULL;
	zval body;
	ZVAL_UNDEF(&body);
	if (returned && Z_TYPE_P(returned) == IS_STRING) {
		ZVAL_COPY(&body, returned);
	} else if (state->body.s && !state->body_over_cap) {
		ZVAL_STR(&body, smart_str_extract(&state->body));
	}
	smart_str_free(&state->body);
	state->body_over_cap = false;
	uint64_t first_byte_ns = state->first_byte_ns;
	state->first_byte_ns = 0;

	zend_object *owner = enriching ? enriching : Z_TYPE(context) == IS_OBJECT ? Z_OBJ(context) : NULL;
	spectra_context_object *target = owner ? spectra_context_from_obj(owner) : NULL;
	if (target && target->record && !target->record->completed) {
		spectra_record *record = target->record;
		if (!has_code) {
			code = call_curl_long("curl_errno", handle, false, 0);
		}
		zend_long status = call_curl_long("curl_getinfo", handle, true, CURLINFO_RESPONSE_CODE);
		if (code) {
			mark_transport_failure(record, code);
		} else if (status >= 100 && status <= 599) {
			record->status_code = status;
		} else {
			record->is_failed = true;
			spectra_record_set(record, &record->error_type, "no_response");
		}
		zval *answer = !code && Z_TYPE(body) == IS_STRING ? &body : NULL;
		if (answer && spectra_curl_stream_is_sse(Z_STRVAL_P(answer), Z_STRLEN_P(answer))) {
			record->is_streaming = true;
			spectra_curl_stream_read(record, Z_STRVAL_P(answer), Z_STRLEN_P(answer));
			if (first_byte_ns > record->start_mono_ns) {
				record->time_to_first_token_ms = (int64_t) ((first_byte_ns - record->start_mono_ns) / 1000000);
			}
			answer = NULL; /* read: the JSON extractors have nothing to add */
		}
		if (enriching) {
			if (answer) {
				spectra_extract_response(record, answer);
			}
		} else if (spectra_capture_tracking_active()) {
			spectra_pipeline_success(target, answer, NULL, NULL);
		}
	}
	zval_ptr_dtor(&body);
	zval_ptr_dtor(&context);
	if (enriching) {
		OBJ_RELEASE(enriching);
	}
}

/* Asked at the end of every observed request call: inline, most handles have no entry. */
static zend_always_inline spectra_curl_handle *in_flight(zval *handle)
{
	if (!observing() || !is_curl_handle(handle)) {
		return NULL;
	}
	spectra_curl_handle *state = spectra_curl_handle_find(Z_OBJ_P(handle));
	if (!state || !spectra_curl_handle_in_flight(state)) {
		return NULL;
	}
	if (EG(exception)) {
		/* a callback threw: the application sees its exception, and nothing is recorded */
		spectra_curl_handle_drop_request(state);
		return NULL;
	}
	return state;
}

/* The body a RETURNTRANSFER multi transfer holds, read without changing it. */
static void multi_content(zend_object *handle, spectra_curl_handle *state, zval *content)
{
	ZVAL_UNDEF(content);
	if (!state->tee_installed) {
		zval args[1];
		ZVAL_OBJ(&args[0], handle);
		call_curl("curl_multi_getcontent", 1, args, content);
	}
}

static void observe_exec(zend_execute_data *execute_data)
{
	zval *handle = arg(execute_data, 1);
	spectra_curl_handle *state =
		observing() && is_curl_handle(handle) ? spectra_curl_handle_find(Z_OBJ_P(handle)) : NULL;
	if (state) {
		start_request(Z_OBJ_P(handle), state);
	}
}

static void observe_exec_end(zend_execute_data *execute_data, zval *retval)
{
	zval *handle = arg(execute_data, 1);
	spectra_curl_handle *state = in_flight(handle);
	if (state) {
		bool failed = !retval || Z_TYPE_P(retval) == IS_FALSE;
		finish_request(Z_OBJ_P(handle), state, retval, !failed, 0);
	}
}

static void observe_multi_add(zend_execute_data *execute_data)
{
	zval *handle = arg(execute_data, 2);
	spectra_curl_handle *state =
		observing() && is_curl_handle(handle) ? spectra_curl_handle_find(Z_OBJ_P(handle)) : NULL;
	if (state) {
		start_request(Z_OBJ_P(handle), state);
	}
}

static void observe_multi_info_read_end(zend_execute_data *execute_data, zval *retval)
{
	if (!retval || Z_TYPE_P(retval) != IS_ARRAY) {
		return;
	}
	zval *msg = zend_hash_str_find(Z_ARRVAL_P(retval), ZEND_STRL("msg"));
	zval *result = zend_hash_str_find(Z_ARRVAL_P(retval), ZEND_STRL("result"));
	zval *handle = zend_hash_str_find(Z_ARRVAL_P(retval), ZEND_STRL("handle"));
	if (!msg || Z_TYPE_P(msg) != IS_LONG || Z_LVAL_P(msg) != CURLMSG_DONE || !result || Z_TYPE_P(result) != IS_LONG) {
		return;
	}
	spectra_curl_handle *state = in_flight(handle);
	if (state) {
		zval content;
		multi_content(Z_OBJ_P(handle), state, &content);
		finish_request(Z_OBJ_P(handle), state, &content, true, Z_LVAL_P(result));
		zval_ptr_dtor(&content);
	}
}

static void observe_multi_getcontent_end(zend_execute_data *execute_data, zval *retval)
{
	zval *handle = arg(execute_data, 1);
	spectra_curl_handle *state = in_flight(handle);
	if (state) {
		finish_request(Z_OBJ_P(handle), state, retval, false, 0);
	}
}

static void observe_multi_remove(zend_execute_data *execute_data)
{
	zval *handle = arg(execute_data, 2);
	spectra_curl_handle *state = in_flight(handle);
	if (state) {
		zval content;
		multi_content(Z_OBJ_P(handle), state, &content);
		finish_request(Z_OBJ_P(handle), state, &content, false, 0);
		zval_ptr_dtor(&content);
	}
}

/* ---- the observer ---- */

static const struct {
	const char *name;
	zend_observer_fcall_handlers handlers;
} observed[] = {
	{ "curl_init", { NULL, observe_init_end } },
	{ "curl_setopt", { observe_setopt, NULL } },
	{ "curl_setopt_array", { observe_setopt_array, NULL } },
	{ "curl_exec", { observe_exec, observe_exec_end } },
	{ "curl_reset", { observe_reset, NULL } },
	{ "curl_copy_handle", { NULL, observe_copy_end } },
	{ "curl_multi_add_handle", { observe_multi_add, NULL } },
	{ "curl_multi_info_read", { NULL, observe_multi_info_read_end } },
	{ "curl_multi_getcontent", { NULL, observe_multi_getcontent_end } },
	{ "curl_multi_remove_handle", { observe_multi_remove, NULL } },
};

/* Called once per function (the engine caches the answer): ext/curl's functions only. */
static zend_observer_fcall_handlers observer_init(zend_execute_data *execute_data)
{
	zend_observer_fcall_handlers none = { NULL, NULL };
	zend_function *fn = execute_data->func;
	if (!fn || fn->type != ZEND_INTERNAL_FUNCTION || fn->common.scope || !fn->common.function_name
		|| !fn->internal_function.module || strcmp(fn->internal_function.module->name, "curl") != 0) {
		return none;
	}
	for (size_t i = 0; i < sizeof observed / sizeof observed[0]; i++) {
		if (zend_string_equals_cstr(fn->common.function_name, observed[i].name, strlen(observed[i].name))) {
			return observed[i].handlers;
		}
	}
	return none;
}

void spectra_curl_capture_startup(void)
{
	if (!SPECTRA_G(enabled) || !SPECTRA_G(auto_capture)) {
		return;
	}
	if (php_get_module_initialized()) {
		/* loaded after PHP started (an FPM pool's php_admin_value[extension], dl()): the
		 * engine sized every function's observer slots at its startup, and an observer
		 * registered now would be written past them. Each process says so once. */
		return;
	}
	spectra_curl_tee_register();
	zend_observer_fcall_register(observer_init);
	capture_registered = true;
}

/* auto_capture=1 in a process whose observer could not be registered: loaded too late, or
 * the setting came after startup (a pool's php_admin_value line). */
static void warn_not_capturing(void)
{
	static atomic_flag warned = ATOMIC_FLAG_INIT;
	if (atomic_flag_test_and_set(&warned)) {
		return;
	}
	php_log_err("spectra: spectra.auto_capture=1 has no effect in this process: capture needs the extension loaded "
				"when PHP starts and the setting in php.ini or conf.d (not an FPM pool's php_admin_value lines, not "
				"dl()); nothing is captured");
}

void spectra_curl_capture_rinit(void)
{
	if (capture_registered) {
		spectra_curl_handles_rinit();
	} else if (SPECTRA_G(enabled) && SPECTRA_G(auto_capture)) {
		warn_not_capturing();
	}
}

void spectra_curl_capture_rshutdown(void)
{
	spectra_curl_handles_rshutdown();
}
