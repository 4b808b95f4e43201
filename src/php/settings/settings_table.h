/* Every spectra.* INI setting, once. The module globals' INI fields (php_spectra.h) and the
 * PHP_INI entries (spectra.c) are generated from this table; README.md's Configuration
 * table lists the same rows in the same order, with the same defaults, scopes and meanings
 * (tests/docs/readme_settings.phpt compares them with this file and ini_get_all()).
 *
 * X(name, default, scope, kind, member, meaning)
 *   scope   SYSTEM (read once per process: it shapes the sender thread, the queue or the
 *           catalog) or ALL (may change per directory or at runtime)
 *   kind    the C type of the globals member, its PHP_INI update handler and its phpinfo()
 *           displayer: see SPECTRA_SETTING_* below
 *   meaning README's "meaning" cell, verbatim */
#ifndef SPECTRA_PHP_SETTINGS_SETTINGS_TABLE_H
#define SPECTRA_PHP_SETTINGS_SETTINGS_TABLE_H

/* clang-format off */
#define SPECTRA_SETTINGS(X) \
	X("spectra.enabled", "1", SYSTEM, BOOL, enabled, \
		"kill switch") \
	X("spectra.auto_capture", "0", SYSTEM, BOOL, auto_capture, \
		"`1`: every ext/curl request to a provider URL is recorded with no code change (see Automatic capture)") \
	X("spectra.capture_content", "0", ALL, BOOL, capture_content, \
		"`1`: system instructions, input and output messages on the record and span (see Message content); may hold personal data") \
	X("spectra.capture_content_max_bytes", "16384", ALL, LONG, capture_content_max_bytes, \
		"bytes of JSON per content attribute: longer texts are cut, then the oldest messages dropped") \
	X("spectra.request_transformer", "", ALL, STRING, request_transformer, \
		"class extending `Spectra\\Support\\RequestTransformer`") \
	X("spectra.event_dispatcher", "", ALL, STRING, event_dispatcher, \
		"function called with each `RequestTracked` (e.g. `event`)") \
	X("spectra.pricing_file", "", SYSTEM, STRING, pricing_file, \
		"JSON file adding/overriding prices") \
	X("spectra.default_pricing_tier", "standard", ALL, PRICING_TIER, default_pricing_tier, \
		"tier when nothing else says") \
	X("spectra.span_compat", "0", ALL, BOOL, span_compat, \
		"also emit Spectra's legacy span attributes") \
	X("spectra.otel.enabled", "", SYSTEM, STRING, otel_enabled, \
		"`1`/`0`; auto = on when an `OTEL_EXPORTER_OTLP_*ENDPOINT` is set") \
	X("spectra.otel.exporter", "auto", SYSTEM, STRING, otel_exporter, \
		"`otlp`, `console` (one line per span on stderr), `none`; `auto`: `OTEL_TRACES_EXPORTER`, else " \
		"`otlp`; an empty value (what PHP makes of a bare `none`, `off`, `false`) is `none`") \
	X("spectra.otel.endpoint", "", SYSTEM, SECRET_URL, otel_endpoint, \
		"full traces URL, used as is; else `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (as is) or " \
		"`OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`; default `http://localhost:4318/v1/traces`; " \
		"shown without `user:pass@` and query values") \
	X("spectra.otel.headers", "", SYSTEM, SECRET_HEADERS, otel_headers, \
		"`k=v,k=v` (percent-decoded); else `OTEL_EXPORTER_OTLP_{TRACES_,}HEADERS`; " \
		"shown as `k=***`") \
	X("spectra.otel.timeout", "", SYSTEM, STRING, otel_timeout, \
		"seconds; else `OTEL_EXPORTER_OTLP_{TRACES_,}TIMEOUT` (ms)") \
	X("spectra.otel.protocol", "", SYSTEM, STRING, otel_protocol, \
		"`http/protobuf` or `http/json`") \
	X("spectra.otel.compression", "", SYSTEM, STRING, otel_compression, \
		"`none` or `gzip`") \
	X("spectra.otel.certificate", "", SYSTEM, STRING, otel_certificate, \
		"CA file; else `OTEL_EXPORTER_OTLP_{TRACES_,}CERTIFICATE` (TLS verification is always on)") \
	X("spectra.otel.client_certificate", "", SYSTEM, STRING, otel_client_certificate, \
		"client certificate file; else `OTEL_EXPORTER_OTLP_{TRACES_,}CLIENT_CERTIFICATE`") \
	X("spectra.otel.client_key", "", SYSTEM, STRING, otel_client_key, \
		"client key file; else `OTEL_EXPORTER_OTLP_{TRACES_,}CLIENT_KEY`") \
	X("spectra.otel.service_name", "", SYSTEM, STRING, otel_service_name, \
		"else `OTEL_SERVICE_NAME`, else `unknown_service:php`") \
	X("spectra.otel.service_version", "", SYSTEM, STRING, otel_service_version, \
		"`service.version`") \
	X("spectra.otel.resource_attributes", "", SYSTEM, STRING, otel_resource_attributes, \
		"`k=v,k=v`, merged over `OTEL_RESOURCE_ATTRIBUTES` (keys de-duplicated)") \
	X("spectra.otel.span_builder", "", ALL, STRING, otel_span_builder, \
		"class implementing `Spectra\\Contracts\\SpanBuilder`") \
	X("spectra.export_mode", "after_response", SYSTEM, STRING, export_mode, \
		"`sync`, `after_response`, `background`") \
	X("spectra.shutdown_timeout_ms", "2000", SYSTEM, LONG, shutdown_timeout_ms, \
		"bound on the flush at process end") \
	X("spectra.queue.max_bytes", "8388608", SYSTEM, LONG, queue_max_bytes, \
		"sender queue cap, in bytes of memory held (spans: `OTEL_BSP_MAX_QUEUE_SIZE`, default 65536)") \
	X("spectra.queue.max_wait_ms", "500", SYSTEM, LONG, queue_max_wait_ms, \
		"backpressure: how long a full queue may hold up a hand-off while the collector is healthy; " \
		"never with the collector down or failing; `0`: drop at once") \
	X("spectra.export_concurrency", "4", SYSTEM, LONG, export_concurrency, \
		"POSTs in flight at once per process (sender threads, started as needed), 1 to 8")
/* clang-format on */

/* Per kind: the globals member's C type, the update handler, the phpinfo() displayer
 * (NULL = the value as is). The two SECRET kinds are displayed masked (src/util/redact.h);
 * ini_get() still returns the value itself to the application. */
#define SPECTRA_SETTING_CTYPE_BOOL bool
#define SPECTRA_SETTING_CTYPE_LONG zend_long
#define SPECTRA_SETTING_CTYPE_STRING char *
#define SPECTRA_SETTING_CTYPE_PRICING_TIER char *
#define SPECTRA_SETTING_CTYPE_SECRET_URL char *
#define SPECTRA_SETTING_CTYPE_SECRET_HEADERS char *

#define SPECTRA_SETTING_HANDLER_BOOL OnUpdateBool
#define SPECTRA_SETTING_HANDLER_LONG OnUpdateLong
#define SPECTRA_SETTING_HANDLER_STRING OnUpdateString
#define SPECTRA_SETTING_HANDLER_PRICING_TIER OnUpdatePricingTier /* spectra.c: a known tier or "" */
#define SPECTRA_SETTING_HANDLER_SECRET_URL OnUpdateString
#define SPECTRA_SETTING_HANDLER_SECRET_HEADERS OnUpdateString

#define SPECTRA_SETTING_DISPLAYER_BOOL zend_ini_boolean_displayer_cb
#define SPECTRA_SETTING_DISPLAYER_LONG NULL
#define SPECTRA_SETTING_DISPLAYER_STRING NULL
#define SPECTRA_SETTING_DISPLAYER_PRICING_TIER NULL
#define SPECTRA_SETTING_DISPLAYER_SECRET_URL spectra_ini_display_url
#define SPECTRA_SETTING_DISPLAYER_SECRET_HEADERS spectra_ini_display_headers

/* One globals field per setting (inside ZEND_BEGIN_MODULE_GLOBALS). */
#define SPECTRA_SETTING_GLOBALS_FIELD(name, value, scope, kind, member, meaning) SPECTRA_SETTING_CTYPE_##kind member;

/* One PHP_INI entry per setting (inside PHP_INI_BEGIN). */
#define SPECTRA_SETTING_INI_ENTRY(name, value, scope, kind, member, meaning) \
	STD_PHP_INI_ENTRY_EX(name, value, PHP_INI_##scope, SPECTRA_SETTING_HANDLER_##kind, member, zend_spectra_globals, \
		spectra_globals, SPECTRA_SETTING_DISPLAYER_##kind)

#endif
