#ifndef PHP_SPECTRA_H
#define PHP_SPECTRA_H

#include "php.h"

extern zend_module_entry spectra_module_entry;
#define phpext_spectra_ptr &spectra_module_entry

#define PHP_SPECTRA_VERSION "0.1.0"
#define PHP_SPECTRA_NAME "spectra"

#if defined(ZTS) && defined(COMPILE_DL_SPECTRA)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

/* Module globals. Everything marked "request" is reset at the end of each request, so
 * nothing leaks from one request (or one Octane-style job) into the next. */
ZEND_BEGIN_MODULE_GLOBALS(spectra)
	/* INI */
	bool enabled;
	bool auto_capture;
	bool capture_content;
	bool span_compat;
	char *request_transformer;
	char *event_dispatcher;
	char *pricing_file;
	char *default_pricing_tier;
	char *otel_enabled;
	char *otel_endpoint;
	char *otel_headers;
	char *otel_timeout;
	char *otel_protocol;
	char *otel_compression;
	char *otel_exporter;
	char *otel_service_name;
	char *otel_service_version;
	char *otel_resource_attributes;
	char *otel_span_builder;
	char *otel_certificate;
	char *otel_client_certificate;
	char *otel_client_key;
	char *export_mode;
	zend_long shutdown_timeout_ms;
	zend_long queue_max_bytes;

	/* request: globals set from PHP, merged into every record */
	bool has_global_trace_id;
	uint8_t global_trace_id[16];
	zval global_metadata; /* array */
	zval global_tags;     /* list of strings */
	zend_string *global_pricing_tier;
	zend_string *global_trackable_type;
	zval global_trackable_id; /* string|int, UNDEF when none */

	/* request: the trace every record of this request shares */
	bool request_trace_ready;
	uint8_t request_trace_id[16];
	bool request_has_parent;
	uint8_t request_parent_span_id[8];
	uint8_t request_trace_flags;
	char *request_trace_state;

	/* request: hooks */
	zval listeners;    /* list of callables */
	zval transformer;  /* UNDEF = INI/default, NULL = default, object or callable */
	zval span_builder; /* UNDEF = INI/native, NULL = native, object or callable */
	zend_long without_tracking_depth;
	bool in_shutdown; /* set in RSHUTDOWN: no more PHP callbacks */

	/* request: spans waiting for the end of the request (after_response mode) */
	void *pending_spans; /* spectra_span ** */
	size_t pending_span_count;
	size_t pending_span_cap;
ZEND_END_MODULE_GLOBALS(spectra)

ZEND_EXTERN_MODULE_GLOBALS(spectra)
#define SPECTRA_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(spectra, v)

#endif
