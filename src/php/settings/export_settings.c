#include "export_settings.h"

#include <ctype.h>
#include <unistd.h>

#include "php_spectra.h"
#include "src/php/sandbox/sandbox.h"
#include "src/util/buf.h"
#include "src/util/kv_list.h"
#include "src/otlp/otlp.h"
#include "src/otlp/encode_protobuf.h"

static const char *first_set(const char *ini, const char *env_specific, const char *env_generic)
{
	if (ini && *ini) {
		return ini;
	}
	const char *value = env_specific ? getenv(env_specific) : NULL;
	if (value && *value) {
		return value;
	}
	value = env_generic ? getenv(env_generic) : NULL;
	return value && *value ? value : NULL;
}

static bool is_true(const char *value)
{
	return value
		&& (strcasecmp(value, "1") == 0 || strcasecmp(value, "true") == 0 || strcasecmp(value, "on") == 0
			|| strcasecmp(value, "yes") == 0);
}

/* A name or value that could end the header line (CR, LF) or is no HTTP token is skipped. */
static bool add_header(void *ctx, const char *key, const char *value)
{
	spectra_export_config *config = ctx;
	if (!spectra_kv_is_http_header(key, value)) {
		return false;
	}
	char **grown = realloc(config->headers, (config->header_count + 1) * sizeof(char *));
	if (!grown) {
		return false;
	}
	config->headers = grown;
	spectra_buf line;
	spectra_buf_init(&line);
	spectra_buf_appendf(&line, "%s: %s", key, value);
	grown[config->header_count++] = spectra_buf_detach(&line, NULL);
	return true;
}

static bool add_resource_attr(void *ctx, const char *key, const char *value)
{
	spectra_attr_add_string(ctx, key, value);
	return true;
}

static long parse_ms(const char *value, long fallback, const char *name)
{
	if (!value) {
		return fallback;
	}
	char *end;
	long parsed = strtol(value, &end, 10);
	if (*end || parsed < 0) {
		spectra_warning("%s=\"%s\" is not a non-negative integer; using %ld", name, value, fallback);
		return fallback;
	}
	return parsed;
}

static char *traces_endpoint(void)
{
	const char *ini = SPECTRA_G(otel_endpoint);
	if (ini && *ini) {
		return spectra_strdup(ini);
	}
	const char *specific = getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
	if (specific && *specific) {
		return spectra_strdup(specific);
	}
	const char *generic = getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
	if (generic && *generic) {
		/* the generic endpoint is a base URL: the signal path is appended */
		spectra_buf url;
		spectra_buf_init(&url);
		spectra_buf_append_str(&url, generic);
		if (url.len && url.data[url.len - 1] == '/') {
			url.len--;
		}
		spectra_buf_append_str(&url, "/v1/traces");
		return spectra_buf_detach(&url, NULL);
	}
	return spectra_strdup("http://localhost:4318/v1/traces");
}

static bool otel_enabled(void)
{
	if (is_true(getenv("OTEL_SDK_DISABLED"))) {
		return false;
	}
	const char *ini = SPECTRA_G(otel_enabled);
	if (ini && *ini) {
		return is_true(ini);
	}
	const char *specific = getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
	const char *generic = getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
	return (specific && *specific) || (generic && *generic);
}

void spectra_export_settings_build_resource(spectra_export_settings *settings)
{
	spectra_resource_free(&settings->resource);
	spectra_resource_init(&settings->resource);
	spectra_attr_list *attrs = &settings->resource.attrs;
	spectra_attr_add_string(attrs, "service.name", "unknown_service:php");
	const char *version = SPECTRA_G(otel_service_version);
	if (version && *version) {
		spectra_attr_add_string(attrs, "service.version", version);
	}
	spectra_attr_add_string(attrs, "telemetry.sdk.name", "spectra");
	spectra_attr_add_string(attrs, "telemetry.sdk.language", "php");
	spectra_attr_add_string(attrs, "telemetry.sdk.version", PHP_SPECTRA_VERSION);
	char host[256];
	if (gethostname(host, sizeof(host)) == 0) {
		host[sizeof(host) - 1] = '\0';
		spectra_attr_add_string(attrs, "host.name", host);
	}
	settings->resource_pid = (int) getpid();
	spectra_attr_add_int(attrs, "process.pid", settings->resource_pid);
	spectra_attr_add_string(attrs, "process.runtime.name", "php");
	spectra_attr_add_string(attrs, "process.runtime.version", PHP_VERSION);
	/* Later sources replace earlier keys: the environment, then the INI value. */
	const char *env_attrs = getenv("OTEL_RESOURCE_ATTRIBUTES");
	if (env_attrs) {
		spectra_kv_list_parse(env_attrs, strlen(env_attrs), add_resource_attr, attrs);
	}
	const char *ini_attrs = SPECTRA_G(otel_resource_attributes);
	if (ini_attrs && *ini_attrs) {
		spectra_kv_list_parse(ini_attrs, strlen(ini_attrs), add_resource_attr, attrs);
	}
	const char *service = first_set(SPECTRA_G(otel_service_name), "OTEL_SERVICE_NAME", NULL);
	if (service) {
		spectra_attr_add_string(attrs, "service.name", service);
	}
	settings->resource.scope_name = spectra_strdup("spectra");
	settings->resource.scope_version = spectra_strdup(PHP_SPECTRA_VERSION);
	spectra_otlp_prepare_resource(&settings->resource);
}

void spectra_export_settings_load(spectra_export_settings *settings)
{
	memset(settings, 0, sizeof(*settings));
	spectra_resource_init(&settings->resource);
	spectra_export_config *config = &settings->export;

	/* PHP's INI parser turns a bare none (or off, false, no, null) into "", so any value set
	 * in the INI, the empty one included, wins; only the default "auto" defers to OTel. */
	const char *ini_exporter = SPECTRA_G(otel_exporter);
	const char *exporter = NULL;
	if (ini_exporter && strcmp(ini_exporter, "auto") != 0) {
		exporter = *ini_exporter ? ini_exporter : "none";
	} else {
		exporter = first_set(NULL, "OTEL_TRACES_EXPORTER", NULL);
	}
	if (!exporter || strcmp(exporter, "otlp") == 0) {
		settings->kind = otel_enabled() ? SPECTRA_EXPORTER_OTLP : SPECTRA_EXPORTER_NONE;
	} else if (strcmp(exporter, "console") == 0) {
		settings->kind = SPECTRA_EXPORTER_CONSOLE;
	} else if (strcmp(exporter, "none") == 0) {
		settings->kind = SPECTRA_EXPORTER_NONE;
	} else {
		spectra_warning("spectra.otel.exporter \"%s\" is not one of auto, otlp, console, none; export is off",
			exporter);
		settings->kind = SPECTRA_EXPORTER_NONE;
	}
	if (is_true(getenv("OTEL_SDK_DISABLED"))) {
		settings->kind = SPECTRA_EXPORTER_NONE;
	}

	config->endpoint = traces_endpoint();
	const char *headers =
		first_set(SPECTRA_G(otel_headers), "OTEL_EXPORTER_OTLP_TRACES_HEADERS", "OTEL_EXPORTER_OTLP_HEADERS");
	if (headers && spectra_kv_list_parse(headers, strlen(headers), add_header, config)) {
		/* never echo the value: headers carry credentials */
		spectra_warning("some OTLP headers are not in key=value form and were skipped");
	}
	const char *protocol =
		first_set(SPECTRA_G(otel_protocol), "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "OTEL_EXPORTER_OTLP_PROTOCOL");
	config->format = SPECTRA_OTLP_PROTOBUF;
	if (protocol && strcmp(protocol, "http/json") == 0) {
		config->format = SPECTRA_OTLP_JSON;
	} else if (protocol && strcmp(protocol, "http/protobuf") != 0) {
		spectra_warning("OTLP protocol \"%s\" is not supported; using http/protobuf", protocol);
	}
	const char *compression = first_set(SPECTRA_G(otel_compression), "OTEL_EXPORTER_OTLP_TRACES_COMPRESSION",
		"OTEL_EXPORTER_OTLP_COMPRESSION");
	config->gzip = compression && strcmp(compression, "gzip") == 0;

	/* spectra.otel.timeout is in seconds (as Spectra's config); the OTel variables in ms */
	const char *timeout_ini = SPECTRA_G(otel_timeout);
	if (timeout_ini && *timeout_ini) {
		double seconds = zend_strtod(timeout_ini, NULL);
		config->timeout_ms = seconds > 0 ? (long) (seconds * 1000) : 10000;
	} else {
		config->timeout_ms =
			parse_ms(first_set(NULL, "OTEL_EXPORTER_OTLP_TRACES_TIMEOUT", "OTEL_EXPORTER_OTLP_TIMEOUT"), 10000,
				"OTEL_EXPORTER_OTLP_TIMEOUT");
	}
	config->connect_timeout_ms = config->timeout_ms < 2000 ? config->timeout_ms : 2000;
	config->verify_tls = true;
	config->ca_file = spectra_strdup(first_set(SPECTRA_G(otel_certificate), "OTEL_EXPORTER_OTLP_TRACES_CERTIFICATE",
		"OTEL_EXPORTER_OTLP_CERTIFICATE"));
	config->client_cert = spectra_strdup(first_set(SPECTRA_G(otel_client_certificate),
		"OTEL_EXPORTER_OTLP_TRACES_CLIENT_CERTIFICATE", "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE"));
	config->client_key = spectra_strdup(
		first_set(SPECTRA_G(otel_client_key), "OTEL_EXPORTER_OTLP_TRACES_CLIENT_KEY", "OTEL_EXPORTER_OTLP_CLIENT_KEY"));
	config->user_agent = spectra_strdup("ext-spectra/" PHP_SPECTRA_VERSION " (PHP " PHP_VERSION ")");

	const char *mode = SPECTRA_G(export_mode);
	config->mode = SPECTRA_EXPORT_AFTER_RESPONSE;
	if (mode && strcmp(mode, "sync") == 0) {
		config->mode = SPECTRA_EXPORT_SYNC;
	} else if (mode && strcmp(mode, "background") == 0) {
		config->mode = SPECTRA_EXPORT_BACKGROUND;
	} else if (mode && *mode && strcmp(mode, "after_response") != 0) {
		spectra_warning("spectra.export_mode \"%s\" is not one of sync, after_response, background; "
						"using after_response",
			mode);
	}
	config->max_queue_bytes = SPECTRA_G(queue_max_bytes) > 0 ? (size_t) SPECTRA_G(queue_max_bytes) : 8 * 1024 * 1024;
	/* after_response posts a batch at the latest a second after its oldest span (background:
	 * OTel's 5 s); both coalesce the spans of many requests into one POST */
	config->schedule_delay_ms = parse_ms(getenv("OTEL_BSP_SCHEDULE_DELAY"),
		config->mode == SPECTRA_EXPORT_BACKGROUND ? 5000 : 1000, "OTEL_BSP_SCHEDULE_DELAY");
	/* the byte cap is what bounds memory; this span cap only stops a flood of tiny spans */
	config->max_queue_size = (size_t) parse_ms(getenv("OTEL_BSP_MAX_QUEUE_SIZE"), 65536, "OTEL_BSP_MAX_QUEUE_SIZE");
	config->max_export_batch_size =
		(size_t) parse_ms(getenv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE"), 512, "OTEL_BSP_MAX_EXPORT_BATCH_SIZE");
	if (config->max_export_batch_size > config->max_queue_size) {
		config->max_export_batch_size = config->max_queue_size;
	}
	/* set explicitly, OTel's batch size is the most a POST carries; by default a backlog (a
	 * slow collector) goes in requests of up to 8 batches */
	if (getenv("OTEL_BSP_MAX_EXPORT_BATCH_SIZE")) {
		config->max_backlog_batch_size = config->max_export_batch_size;
	}
	config->export_timeout_ms = parse_ms(getenv("OTEL_BSP_EXPORT_TIMEOUT"), 30000, "OTEL_BSP_EXPORT_TIMEOUT");
	/* retries of one payload share the exporter timeout: a collector that is down costs each
	 * batch at most that long before its spans count as failed */
	config->retry_budget_ms = config->timeout_ms;
	config->max_wait_ms = SPECTRA_G(queue_max_wait_ms) > 0 ? (long) SPECTRA_G(queue_max_wait_ms) : 0;
	zend_long concurrency = SPECTRA_G(export_concurrency);
	config->max_concurrent_exports = concurrency < 1   ? 1
		: concurrency > SPECTRA_MAX_CONCURRENT_EXPORTS ? SPECTRA_MAX_CONCURRENT_EXPORTS
													   : (size_t) concurrency;
	spectra_export_settings_build_resource(settings);
}

void spectra_export_settings_free(spectra_export_settings *settings)
{
	spectra_export_config_free(&settings->export);
	spectra_resource_free(&settings->resource);
	memset(settings, 0, sizeof(*settings));
}
