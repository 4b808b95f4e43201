/* What ext/curl capture knows about one CurlHandle, kept with the handle (the tables of
 * src/php/curl/curl_state.h) and released with it. */
#ifndef SPECTRA_PHP_CURL_HANDLES_H
#define SPECTRA_PHP_CURL_HANDLES_H

#include "php.h"
#include "zend_smart_str.h"
#include "php_spectra.h"
#include "src/providers/providers.h"

typedef struct {
	const spectra_provider_info *provider; /* NULL: no provider URL known (yet) */
	zend_string *url;                      /* the provider URL as set; never logged */
	zval postfields;                       /* CURLOPT_POSTFIELDS as given; UNDEF = none */
	zval user_write;                       /* the application's CURLOPT_WRITEFUNCTION; UNDEF = none */
	bool tee_installed;                    /* our tee wraps user_write on the handle */
	uint8_t body_readers;                  /* SPECTRA_CURL_BODY_BY_*: how curl gets a body we do not read */
	bool response_to_file;                 /* CURLOPT_FILE: the answer is not read */
	/* the request in flight */
	zval context;           /* RequestContext of its own record; UNDEF = none */
	zend_object *enriching; /* or track()'s RequestContext it fills in (a reference held) */
	smart_str body;         /* the answer's bytes as they passed the tee */
	bool body_over_cap;     /* more than SPECTRA_CURL_BODY_CAP bytes: not kept */
	uint64_t first_byte_ns; /* monotonic clock when the tee saw the first bytes; 0 = not yet */
} spectra_curl_handle;

/* Options that make curl take the request body from somewhere we do not read. */
#define SPECTRA_CURL_BODY_BY_READ_FUNCTION 1 /* CURLOPT_READFUNCTION */
#define SPECTRA_CURL_BODY_BY_INFILE 2        /* CURLOPT_INFILE */
#define SPECTRA_CURL_BODY_BY_UPLOAD 4        /* CURLOPT_UPLOAD (curl's default reader) */

/* Bytes of an answer kept for reading usage and errors. */
#define SPECTRA_CURL_BODY_CAP (16 * 1024 * 1024)

void spectra_curl_handles_rinit(void);
void spectra_curl_handles_rshutdown(void);

/* The handle's entry, created when missing (NULL only when the weak map refuses it). */
spectra_curl_handle *spectra_curl_handle_get(zend_object *handle);
/* Ends the request in flight without recording it (its record is dropped). */
void spectra_curl_handle_drop_request(spectra_curl_handle *state);
bool spectra_curl_handle_in_flight(const spectra_curl_handle *state);

/* The handle's SPECTRA_CURL_MARK_* bits (src/php/curl/curl_state.h). */
static inline unsigned char spectra_curl_marks(const zend_object *handle)
{
	const spectra_curl_state *curl = &SPECTRA_G(curl);
	return handle->handle < curl->marks_size ? curl->marks[handle->handle] : 0;
}
/* Sets marks on a number beyond the array (grows it). */
void spectra_curl_grow_marks(zend_object *handle, unsigned char marks);
static inline void spectra_curl_set_marks(zend_object *handle, unsigned char marks)
{
	spectra_curl_state *curl = &SPECTRA_G(curl);
	if (EXPECTED(handle->handle < curl->marks_size)) {
		curl->marks[handle->handle] = marks;
	} else {
		spectra_curl_grow_marks(handle, marks);
	}
}
/* "Known to be no provider": set when the URL is known and no provider's. */
static inline bool spectra_curl_is_other(const zend_object *handle)
{
	return spectra_curl_marks(handle) & SPECTRA_CURL_MARK_OTHER;
}
static inline void spectra_curl_mark_other(zend_object *handle, bool other)
{
	unsigned char marks = spectra_curl_marks(handle);
	spectra_curl_set_marks(handle, other ? marks | SPECTRA_CURL_MARK_OTHER : marks & ~SPECTRA_CURL_MARK_OTHER);
}

/* The handle's entry in the weak map, or NULL. */
spectra_curl_handle *spectra_curl_handle_lookup(zend_object *handle);
/* The handle's entry, or NULL: a handle never given one is answered from its marks. */
static inline spectra_curl_handle *spectra_curl_handle_find(zend_object *handle)
{
	return spectra_curl_marks(handle) & SPECTRA_CURL_MARK_STATE ? spectra_curl_handle_lookup(handle) : NULL;
}
/* Drops the entry of a handle marked as having one (spectra_curl_handle_forget). */
void spectra_curl_handle_remove(zend_object *handle);
/* The handle's entry goes, if it has one: a handle never given one costs a byte read. */
static inline void spectra_curl_handle_forget(zend_object *handle)
{
	if (spectra_curl_marks(handle) & SPECTRA_CURL_MARK_STATE) {
		spectra_curl_handle_remove(handle);
	}
}

#endif
