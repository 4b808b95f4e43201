#include "curl_handles.h"

#include "php_spectra.h"
#include "zend_weakrefs.h"

static void release_request(spectra_curl_handle *state)
{
	zval_ptr_dtor(&state->context);
	ZVAL_UNDEF(&state->context);
	if (state->enriching) {
		OBJ_RELEASE(state->enriching);
		state->enriching = NULL;
	}
	smart_str_free(&state->body);
	state->body_over_cap = false;
	state->first_byte_ns = 0;
}

static void handle_dtor(zval *entry)
{
	spectra_curl_handle *state = Z_PTR_P(entry);
	release_request(state);
	zval_ptr_dtor(&state->postfields);
	zval_ptr_dtor(&state->user_write);
	if (state->url) {
		zend_string_release(state->url);
	}
	efree(state);
}

void spectra_curl_handles_rinit(void)
{
	SPECTRA_G(curl).marks = NULL;
	SPECTRA_G(curl).marks_size = 0;
	zend_hash_init(&SPECTRA_G(curl).handles, 8, NULL, handle_dtor, false);
	SPECTRA_G(curl).own_calls = 0;
	SPECTRA_G(curl).ready = true;
}

void spectra_curl_handles_rshutdown(void)
{
	if (!SPECTRA_G(curl).ready) {
		return;
	}
	SPECTRA_G(curl).ready = false;
	/* handles still alive (a static, a cycle) lose their entries now: the weak map must not
	 * outlive the request while the engine still points at it */
	HashTable *handles = &SPECTRA_G(curl).handles;
	while (zend_hash_num_elements(handles)) {
		zend_ulong key = 0;
		zend_hash_internal_pointer_reset(handles);
		zend_hash_get_current_key(handles, NULL, &key);
		zend_weakrefs_hash_del(handles, zend_weakref_key_to_object(key));
	}
	zend_hash_destroy(handles);
	if (SPECTRA_G(curl).marks) {
		efree(SPECTRA_G(curl).marks);
		SPECTRA_G(curl).marks = NULL;
		SPECTRA_G(curl).marks_size = 0;
	}
}

spectra_curl_handle *spectra_curl_handle_lookup(zend_object *handle)
{
	return zend_hash_index_find_ptr(&SPECTRA_G(curl).handles, zend_object_to_weakref_key(handle));
}

spectra_curl_handle *spectra_curl_handle_get(zend_object *handle)
{
	spectra_curl_handle *state = spectra_curl_handle_find(handle);
	if (state) {
		return state;
	}
	state = ecalloc(1, sizeof(*state));
	ZVAL_UNDEF(&state->postfields);
	ZVAL_UNDEF(&state->user_write);
	ZVAL_UNDEF(&state->context);
	if (!zend_weakrefs_hash_add_ptr(&SPECTRA_G(curl).handles, handle, state)) {
		efree(state);
		return NULL;
	}
	spectra_curl_set_marks(handle, spectra_curl_marks(handle) | SPECTRA_CURL_MARK_STATE);
	return state;
}

void spectra_curl_handle_remove(zend_object *handle)
{
	if (spectra_curl_handle_lookup(handle)) {
		zend_weakrefs_hash_del(&SPECTRA_G(curl).handles, handle);
	}
	spectra_curl_set_marks(handle, spectra_curl_marks(handle) & ~SPECTRA_CURL_MARK_STATE);
}

void spectra_curl_handle_drop_request(spectra_curl_handle *state)
{
	release_request(state);
}

bool spectra_curl_handle_in_flight(const spectra_curl_handle *state)
{
	return !Z_ISUNDEF(state->context) || state->enriching;
}

void spectra_curl_grow_marks(zend_object *handle, unsigned char marks)
{
	spectra_curl_state *curl = &SPECTRA_G(curl);
	size_t number = handle->handle;
	if (!marks) {
		return; /* beyond the array reads as no mark already */
	}
	size_t size = curl->marks_size ? curl->marks_size : 64;
	while (size <= number) {
		size *= 2;
	}
	curl->marks = erealloc(curl->marks, size);
	memset(curl->marks + curl->marks_size, 0, size - curl->marks_size);
	curl->marks_size = size;
	curl->marks[number] = marks;
}
