/* ext-spectra: module lifecycle, INI and phpinfo(). The pipeline stages live in src/. */
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <pthread.h>

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"
#include "zend_interfaces.h"

#include "php_spectra.h"
#include "src/export/exporter.h"
#include "src/pricing/pricing.h"
#include "src/php/capture/context.h"
#include "src/php/capture/trace.h"
#include "src/php/delivery/emit.h"
#include "src/php/publish/publish.h"
#include "src/php/span_bridge/php_bridge.h"
#include "stubs/spectra_arginfo.h"

ZEND_DECLARE_MODULE_GLOBALS(spectra)

static PHP_INI_MH(OnUpdatePricingTier)
{
	if (ZSTR_LEN(new_value) && !spectra_pricing_is_known_tier(ZSTR_VAL(new_value))) {
		php_error_docref(NULL, E_WARNING, "Spectra: spectra.default_pricing_tier \"%s\" is not a known pricing tier",
			ZSTR_VAL(new_value));
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/* Settings that shape the sender thread, the queue or the catalog are SYSTEM: they are
 * read once per process. The rest may change per directory or at runtime. */
PHP_INI_BEGIN()
	STD_PHP_INI_BOOLEAN("spectra.enabled", "1", PHP_INI_SYSTEM, OnUpdateBool, enabled, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_BOOLEAN("spectra.auto_capture", "0", PHP_INI_SYSTEM, OnUpdateBool, auto_capture, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_BOOLEAN("spectra.capture_content", "0", PHP_INI_ALL, OnUpdateBool, capture_content,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_BOOLEAN("spectra.span_compat", "0", PHP_INI_ALL, OnUpdateBool, span_compat, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_ENTRY("spectra.request_transformer", "", PHP_INI_ALL, OnUpdateString, request_transformer,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.event_dispatcher", "", PHP_INI_ALL, OnUpdateString, event_dispatcher,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.pricing_file", "", PHP_INI_SYSTEM, OnUpdateString, pricing_file, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_ENTRY("spectra.default_pricing_tier", "standard", PHP_INI_ALL, OnUpdatePricingTier,
		default_pricing_tier, zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.enabled", "", PHP_INI_SYSTEM, OnUpdateString, otel_enabled, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.endpoint", "", PHP_INI_SYSTEM, OnUpdateString, otel_endpoint, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.headers", "", PHP_INI_SYSTEM, OnUpdateString, otel_headers, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.timeout", "", PHP_INI_SYSTEM, OnUpdateString, otel_timeout, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.protocol", "", PHP_INI_SYSTEM, OnUpdateString, otel_protocol, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.compression", "", PHP_INI_SYSTEM, OnUpdateString, otel_compression,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.exporter", "", PHP_INI_SYSTEM, OnUpdateString, otel_exporter, zend_spectra_globals,
		spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.service_name", "", PHP_INI_SYSTEM, OnUpdateString, otel_service_name,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.service_version", "", PHP_INI_SYSTEM, OnUpdateString, otel_service_version,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.resource_attributes", "", PHP_INI_SYSTEM, OnUpdateString, otel_resource_attributes,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.span_builder", "", PHP_INI_ALL, OnUpdateString, otel_span_builder,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.certificate", "", PHP_INI_SYSTEM, OnUpdateString, otel_certificate,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.client_certificate", "", PHP_INI_SYSTEM, OnUpdateString, otel_client_certificate,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.otel.client_key", "", PHP_INI_SYSTEM, OnUpdateString, otel_client_key,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.export_mode", "after_response", PHP_INI_SYSTEM, OnUpdateString, export_mode,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.shutdown_timeout_ms", "2000", PHP_INI_SYSTEM, OnUpdateLong, shutdown_timeout_ms,
		zend_spectra_globals, spectra_globals)
	STD_PHP_INI_ENTRY("spectra.queue.max_bytes", "8388608", PHP_INI_SYSTEM, OnUpdateLong, queue_max_bytes,
		zend_spectra_globals, spectra_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(spectra)
{
#if defined(COMPILE_DL_SPECTRA) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	/* all zero: IS_UNDEF is 0, so every zval of the request state starts undefined */
	memset(spectra_globals, 0, sizeof(*spectra_globals));
}

static void fork_child_handler(void)
{
	spectra_exporter_after_fork_child();
}

PHP_MINIT_FUNCTION(spectra)
{
	REGISTER_INI_ENTRIES();

	zend_class_entry *request_context_ce = register_class_Spectra_RequestContext();
	spectra_context_register(request_context_ce);
	register_class_Spectra_Spectra();
	spectra_ce_request_tracked = register_class_Spectra_Events_RequestTracked();
	spectra_ce_request_transformer = register_class_Spectra_Support_RequestTransformer();
	spectra_ce_span_builder = register_class_Spectra_Contracts_SpanBuilder();
	spectra_ce_default_span_builder =
		register_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder(spectra_ce_span_builder);

	if (SPECTRA_G(pricing_file) && *SPECTRA_G(pricing_file)) {
		char error[512];
		if (!spectra_pricing_load_file(SPECTRA_G(pricing_file), error, sizeof(error))) {
			php_error_docref(NULL, E_WARNING, "Spectra: spectra.pricing_file not loaded: %s", error);
		}
	}
	spectra_export_module_startup();
	/* FPM and pcntl_fork() children inherit the queue but not the sender thread */
	static bool atfork_registered = false;
	if (!atfork_registered) {
		pthread_atfork(NULL, NULL, fork_child_handler);
		atfork_registered = true;
	}
	return SUCCESS;
}

PHP_MSHUTDOWN_FUNCTION(spectra)
{
	spectra_export_module_shutdown();
	spectra_pricing_clear_overrides();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

PHP_RINIT_FUNCTION(spectra)
{
#if defined(COMPILE_DL_SPECTRA) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	spectra_sandbox_rinit();
	spectra_capture_rinit();
	spectra_trace_rinit();
	spectra_publish_rinit();
	spectra_span_bridge_rinit();
	spectra_delivery_rinit();
	return SUCCESS;
}

/* Runs after the request's destructors: no PHP code is called from here on (the sandbox
 * goes first). The hooks are dropped next: their destructors can still track something,
 * and those records are sent straight away rather than into a released list. Then the
 * request's spans are handed to the sender thread (after_response mode), so the request
 * thread never waits on the network. */
PHP_RSHUTDOWN_FUNCTION(spectra)
{
	spectra_sandbox_rshutdown();
	spectra_publish_rshutdown();
	spectra_span_bridge_rshutdown();
	spectra_capture_rshutdown();
	spectra_delivery_rshutdown();
	spectra_trace_rshutdown();
	return SUCCESS;
}

PHP_MINFO_FUNCTION(spectra)
{
	php_info_print_table_start();
	php_info_print_table_row(2, "Spectra AI observability", SPECTRA_G(enabled) ? "enabled" : "disabled");
	php_info_print_table_row(2, "Version", PHP_SPECTRA_VERSION);
	char count[32];
	snprintf(count, sizeof(count), "%zu rows", spectra_pricing_builtin_count());
	php_info_print_table_row(2, "Built-in price catalog", count);
	snprintf(count, sizeof(count), "%zu rows", spectra_pricing_override_count());
	php_info_print_table_row(2, "Pricing file overrides", count);
#ifdef ZTS
	php_info_print_table_row(2, "Thread safety", "enabled");
#else
	php_info_print_table_row(2, "Thread safety", "disabled");
#endif
	spectra_export_info();
	php_info_print_table_end();
	DISPLAY_INI_ENTRIES();
}

zend_module_entry spectra_module_entry = { STANDARD_MODULE_HEADER, PHP_SPECTRA_NAME, NULL, PHP_MINIT(spectra),
	PHP_MSHUTDOWN(spectra), PHP_RINIT(spectra), PHP_RSHUTDOWN(spectra), PHP_MINFO(spectra), PHP_SPECTRA_VERSION,
	PHP_MODULE_GLOBALS(spectra), PHP_GINIT(spectra), NULL, NULL, STANDARD_MODULE_PROPERTIES_EX };

#ifdef COMPILE_DL_SPECTRA
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(spectra)
#endif
