#include "trace.h"

#include "php_spectra.h"
#include "SAPI.h"
#include "src/record/ids.h"
#include "src/util/buf.h"

/* Incoming headers: $_SERVER['HTTP_TRACEPARENT'] under a web SAPI; the TRACEPARENT
 * environment variable (the OTel environment carrier) for CLI scripts and workers. */
static zend_string *find_incoming(const char *server_key, const char *env_name)
{
	zend_is_auto_global_str(ZEND_STRL("_SERVER"));
	zval *server = &PG(http_globals)[TRACK_VARS_SERVER];
	if (Z_TYPE_P(server) == IS_ARRAY) {
		zval *value = zend_hash_str_find(Z_ARRVAL_P(server), server_key, strlen(server_key));
		if (value && Z_TYPE_P(value) == IS_STRING) {
			return zend_string_copy(Z_STR_P(value));
		}
	}
	char *env = sapi_getenv((char *) env_name, strlen(env_name));
	if (env) {
		zend_string *copy = zend_string_init(env, strlen(env), false);
		efree(env);
		return copy;
	}
	const char *process_env = getenv(env_name);
	return process_env ? zend_string_init(process_env, strlen(process_env), false) : NULL;
}

static void ensure_request_trace(void)
{
	if (SPECTRA_G(trace).ready) {
		return;
	}
	SPECTRA_G(trace).ready = true;
	SPECTRA_G(trace).has_parent = false;
	SPECTRA_G(trace).flags = 0x01;
	zend_string *incoming = find_incoming("HTTP_TRACEPARENT", "TRACEPARENT");
	spectra_traceparent parsed;
	if (incoming && spectra_traceparent_parse(ZSTR_VAL(incoming), ZSTR_LEN(incoming), &parsed)) {
		memcpy(SPECTRA_G(trace).trace_id, parsed.trace_id, 16);
		memcpy(SPECTRA_G(trace).parent_span_id, parsed.parent_id, 8);
		SPECTRA_G(trace).has_parent = true;
		/* keep sampled and random bits; other bits must be zero */
		SPECTRA_G(trace).flags = parsed.flags & 0x03;
		zend_string *state = find_incoming("HTTP_TRACESTATE", "TRACESTATE");
		if (state) {
			/* NULL for an invalid tracestate: W3C says not to propagate it */
			SPECTRA_G(trace).state = spectra_tracestate_normalize(ZSTR_VAL(state), ZSTR_LEN(state));
			zend_string_release(state);
		}
	} else {
		spectra_random_id(SPECTRA_G(trace).trace_id, 16);
	}
	if (incoming) {
		zend_string_release(incoming);
	}
}

void spectra_trace_assign(spectra_record *record)
{
	ensure_request_trace();
	spectra_random_id(record->span_id, 8);
	if (SPECTRA_G(trace).has_custom_trace_id) {
		memcpy(record->trace_id, SPECTRA_G(trace).custom_trace_id, 16);
		record->has_parent = false;
		return;
	}
	memcpy(record->trace_id, SPECTRA_G(trace).trace_id, 16);
	record->trace_flags = SPECTRA_G(trace).flags;
	if (SPECTRA_G(trace).has_parent) {
		memcpy(record->parent_span_id, SPECTRA_G(trace).parent_span_id, 8);
		record->has_parent = true;
		spectra_record_set(record, &record->trace_state, SPECTRA_G(trace).state);
	}
}

void spectra_trace_current_hex(char out[33])
{
	ensure_request_trace();
	spectra_hex_encode(SPECTRA_G(trace).has_custom_trace_id ? SPECTRA_G(trace).custom_trace_id
															: SPECTRA_G(trace).trace_id,
		16, out);
}

static void reset(void)
{
	SPECTRA_G(trace).ready = false;
	SPECTRA_G(trace).has_parent = false;
	free(SPECTRA_G(trace).state);
	SPECTRA_G(trace).state = NULL;
}

void spectra_trace_clear_custom_id(void)
{
	SPECTRA_G(trace).has_custom_trace_id = false;
}

void spectra_trace_rinit(void)
{
	reset();
	spectra_trace_clear_custom_id();
}

void spectra_trace_rshutdown(void)
{
	reset();
	spectra_trace_clear_custom_id();
}
