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
#include "src/php/curl/curl_capture.h"
#include "src/php/delivery/emit.h"
#include "src/php/extract/usage_map.h"
#include "src/php/publish/publish.h"
#include "src/php/settings/provider_hosts.h"
#include "src/php/settings/settings_display.h"
#include "src/php/span_bridge/php_bridge.h"
#include "src/php/stream/stream_observer.h"
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

/* One entry per row of src/php/settings/settings_table.h (name, default, scope, handler and
 * displayer come from there). */
PHP_INI_BEGIN()
	SPECTRA_SETTINGS(SPECTRA_SETTING_INI_ENTRY)
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
	spectra_provider_hosts_startup(module_number);
	spectra_usage_map_startup();
	spectra_curl_capture_startup();

	zend_class_entry *request_context_ce = register_class_Spectra_RequestContext();
	spectra_context_register(request_context_ce);
	register_class_Spectra_Spectra();
	spectra_stream_observer_register(register_class_Spectra_Internal_StreamObserver());
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
	spectra_provider_hosts_shutdown();
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
	spectra_curl_capture_rinit();
	return SUCCESS;
}

/* Runs after the request's destructors: no PHP code is called from here on (the sandbox
 * goes first). The hooks are dropped next: their destructors can still track something,
 * and those records are sent straight away rather than into a released list. Then the
 * request's spans are handed to the sender thread (after_response mode), so the request
 * thread never waits on the network. */
PHP_RSHUTDOWN_FUNCTION(spectra)
{
	spectra_curl_capture_rshutdown();
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
	char count[160];
	snprintf(count, sizeof(count), "%zu prices", spectra_pricing_builtin_count());
	php_info_print_table_row(2, "Built-in price catalog", count);
	snprintf(count, sizeof(count), "%s (%s), %zu models; %zu rows of data/pricing-catalog.csv", spectra_catalog_source,
		spectra_catalog_source_date, spectra_catalog_genai_model_count,
		spectra_catalog_model_count - spectra_catalog_genai_model_count);
	php_info_print_table_row(2, "Price catalog source", count);
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
