#include "curl_request.h"

#include "php_spectra.h"
#include "src/php/extract/extract.h"
#include "src/php/extract/request_parameters.h"
#include "src/php/extract/zval_read.h"
#include "src/providers/endpoints.h"
#include "src/providers/host_verdicts.h"
#include "src/util/url_parts.h"

/* Request bodies over this are not decoded (a model name is not worth a huge parse). */
#define REQUEST_BODY_CAP (8 * 1024 * 1024)

const spectra_provider_info *spectra_curl_provider_for_url(const char *url, size_t len)
{
	return spectra_host_verdicts_for_url(&SPECTRA_G(curl).host_verdicts, url, len);
}

void spectra_curl_request_body(const spectra_curl_handle *state, zval *body_out)
{
	ZVAL_UNDEF(body_out);
	const zval *fields = &state->postfields;
	if (Z_TYPE_P(fields) == IS_ARRAY) {
		ZVAL_COPY(body_out, fields);
	} else if (Z_TYPE_P(fields) == IS_STRING && Z_STRLEN_P(fields) <= REQUEST_BODY_CAP) {
		spectra_record *scratch = spectra_record_new();
		if (scratch) {
			spectra_response_to_body((zval *) fields, body_out, scratch);
			spectra_record_free(scratch);
		}
	}
}

const char *spectra_curl_request_body_skipped(const spectra_curl_handle *state, const zval *body)
{
	const zval *fields = &state->postfields;
	if (Z_TYPE_P(body) == IS_ARRAY) {
		return NULL;
	}
	if (Z_TYPE_P(fields) == IS_STRING && Z_STRLEN_P(fields) > 0) {
		/* POSTFIELDS wins over a read callback: the body is this string */
		return Z_STRLEN_P(fields) > REQUEST_BODY_CAP ? "too_large" : "not_json";
	}
	if (state->body_readers & SPECTRA_CURL_BODY_BY_READ_FUNCTION) {
		return "read_function";
	}
	if (state->body_readers & SPECTRA_CURL_BODY_BY_INFILE) {
		return "infile";
	}
	return state->body_readers & SPECTRA_CURL_BODY_BY_UPLOAD ? "upload" : NULL;
}

zend_string *spectra_curl_request_model(const spectra_curl_handle *state, HashTable *body)
{
	zend_string *model = body ? spectra_read_string(body, "model") : NULL;
	if (model && ZSTR_LEN(model) && !zend_str_has_nul_byte(model)) {
		return zend_string_copy(model);
	}
	spectra_url_parts parts;
	if (!state->url || !spectra_url_split(ZSTR_VAL(state->url), ZSTR_LEN(state->url), &parts)) {
		return NULL;
	}
	const char *path = parts.path, *end = parts.path + parts.path_len;
	const char *found = NULL;
	for (const char *p = path; p + 8 <= end; p++) {
		if (memcmp(p, "/models/", 8) == 0) {
			found = p + 8;
		}
	}
	if (!found) {
		return NULL;
	}
	const char *stop = found;
	while (stop < end && *stop != ':' && *stop != '/') {
		stop++;
	}
	return stop > found ? zend_string_init(found, (size_t) (stop - found), false) : NULL;
}

void spectra_curl_request_apply(spectra_record *record, const spectra_curl_handle *state, HashTable *body)
{
	spectra_url_parts parts;
	if (state->url && spectra_url_split(ZSTR_VAL(state->url), ZSTR_LEN(state->url), &parts)) {
		spectra_record_setl(record, &record->server_address, parts.host, parts.host_len);
		record->server_port = parts.port;
		if (!record->endpoint) {
			spectra_record_setl(record, &record->endpoint, parts.path, parts.path_len);
		}
		const spectra_endpoint_info *endpoint = spectra_endpoint_find(parts.path, parts.path_len);
		if (endpoint && !record->operation) {
			spectra_record_set(record, &record->operation, endpoint->operation);
		}
		if (endpoint && !record->model_type) {
			spectra_record_set(record, &record->model_type, endpoint->model_type);
		}
		static const char stream_suffix[] = ":streamGenerateContent";
		size_t suffix_len = sizeof stream_suffix - 1;
		if (parts.path_len >= suffix_len
			&& memcmp(parts.path + parts.path_len - suffix_len, stream_suffix, suffix_len) == 0) {
			record->is_streaming = true;
		}
	}
	bool stream;
	if (body && spectra_read_bool(body, "stream", &stream) && stream) {
		record->is_streaming = true;
	}
	if (body) {
		spectra_read_request_parameters(record, body);
	}
}
