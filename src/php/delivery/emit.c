#include "emit.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "php_spectra.h"
#include "ext/standard/info.h"
#include "src/php/settings/export_settings.h"
#include "src/php/settings/fpm_config_check.h"
#include "src/php/delivery/fpm_termination.h"
#include "src/otlp/otlp.h"
#include "src/otlp/console.h"
#include "src/export/exporter.h"
#include "src/export/job_weight.h"
#include "src/export/span_batch.h"
#include "src/util/buf.h"
#include "src/util/redact.h"

/* Process-wide export settings: resolved once per process on first use, so FPM pool
 * values (php_admin_value, applied in the worker after the master's MINIT) are seen. */
static pthread_mutex_t settings_lock = PTHREAD_MUTEX_INITIALIZER;
static spectra_export_settings settings;
static atomic_bool settings_loaded;
static bool exporter_started;

/* In after_response mode a long CLI worker would otherwise hold spans until it exits. */
#define SPECTRA_PENDING_SPAN_LIMIT 256

static void ensure_settings(void)
{
	/* double-checked: the flag is atomic, the loading itself runs once under the lock */
	if (atomic_load(&settings_loaded)) {
		return;
	}
	pthread_mutex_lock(&settings_lock);
	if (!atomic_load(&settings_loaded)) {
		spectra_export_settings_load(&settings);
		if (settings.kind == SPECTRA_EXPORTER_OTLP) {
			exporter_started = spectra_exporter_init(&settings.export);
			if (!exporter_started) {
				settings.kind = SPECTRA_EXPORTER_NONE;
			} else {
				spectra_fpm_termination_watch();
			}
		}
		atomic_store(&settings_loaded, true);
	}
	pthread_mutex_unlock(&settings_lock);
}

static void write_console(spectra_span *span)
{
	spectra_buf line;
	spectra_buf_init(&line);
	if (spectra_otlp_format_console(span, &line) && spectra_buf_append_char(&line, '\n')) {
		/* straight to fd 2: independent of PHP's output buffering and display settings */
		size_t written = 0;
		while (written < line.len) {
			ssize_t n = write(STDERR_FILENO, line.data + written, line.len - written);
			if (n <= 0) {
				break;
			}
			written += (size_t) n;
		}
	}
	spectra_buf_free(&line);
}

/* The resource of this process. Rebuilt (process.pid) only on a request thread, before the
 * work that will read it is queued; the sender thread reads it without the lock: in a
 * forked child the parent's sender does not exist and the child's starts after the rebuild,
 * and MSHUTDOWN frees it only after the sender was joined. */
static const spectra_resource *current_resource(void)
{
	pthread_mutex_lock(&settings_lock);
	if (settings.resource_pid != (int) getpid()) {
		spectra_export_settings_build_resource(&settings);
	}
	pthread_mutex_unlock(&settings_lock);
	return &settings.resource;
}

static void submit_batch(spectra_span_job **jobs, size_t count, size_t weight);

/* Hands jobs (ownership of the array and its jobs) to the exporter: as one batch, or job
 * by job when together they weigh more than the queue's cap, so that one huge span is
 * dropped (and counted) alone rather than with the rest of its request. */
static void submit_jobs(spectra_span_job **jobs, size_t count)
{
	size_t weight = 0;
	for (size_t i = 0; i < count; i++) {
		weight += spectra_span_job_weight(jobs[i]);
	}
	if (count < 2 || weight <= settings.export.max_queue_bytes) {
		submit_batch(jobs, count, weight);
		return;
	}
	for (size_t i = 0; i < count; i++) {
		spectra_span_job **single = malloc(sizeof(*single));
		if (!single) {
			spectra_span_job_free(jobs[i]);
			continue;
		}
		single[0] = jobs[i];
		submit_batch(single, 1, spectra_span_job_weight(jobs[i]));
	}
	free(jobs);
}

static void submit_batch(spectra_span_job **jobs, size_t count, size_t weight)
{
	if (!count) {
		free(jobs);
		return;
	}
	spectra_deferred_payload *batch = spectra_span_batch_new(settings.export.format, current_resource(), jobs, count);
	if (!batch) {
		for (size_t i = 0; i < count; i++) {
			spectra_span_job_free(jobs[i]);
		}
		free(jobs);
		return;
	}
	/* what the jobs hold while they wait is what counts against the byte cap */
	spectra_exporter_submit_deferred(batch, spectra_span_batch_overhead(count) + weight, count);
}

/* The list's jobs, freed without being sent. */
static void free_pending_jobs(void)
{
	spectra_span_job **jobs = SPECTRA_G(delivery).pending;
	for (size_t i = 0; i < SPECTRA_G(delivery).pending_count; i++) {
		spectra_span_job_free(jobs[i]);
	}
	SPECTRA_G(delivery).pending_count = 0;
}

/* After pcntl_fork() the child holds a copy of the parent's pending jobs: the parent still
 * sends them at its request end, so the child drops its copy unsent (checked by pid rather
 * than in an atfork handler, which could run on a thread with no PHP globals). */
static void forget_pending_of_parent(void)
{
	if (SPECTRA_G(delivery).pending_count && SPECTRA_G(delivery).pending_pid != (int) getpid()) {
		free_pending_jobs();
	}
}

static void add_pending(spectra_span_job *job)
{
	forget_pending_of_parent();
	if (!SPECTRA_G(delivery).pending_count) {
		SPECTRA_G(delivery).pending_pid = (int) getpid();
	}
	if (SPECTRA_G(delivery).pending_count == SPECTRA_G(delivery).pending_cap) {
		size_t cap = SPECTRA_G(delivery).pending_cap ? SPECTRA_G(delivery).pending_cap * 2 : 8;
		spectra_span_job **grown = realloc(SPECTRA_G(delivery).pending, cap * sizeof(spectra_span_job *));
		if (!grown) {
			spectra_span_job_free(job);
			return;
		}
		SPECTRA_G(delivery).pending = grown;
		SPECTRA_G(delivery).pending_cap = cap;
	}
	((spectra_span_job **) SPECTRA_G(delivery).pending)[SPECTRA_G(delivery).pending_count++] = job;
	if (SPECTRA_G(delivery).pending_count >= SPECTRA_PENDING_SPAN_LIMIT) {
		spectra_span_request_end();
	}
}

bool spectra_delivery_active(void)
{
	ensure_settings();
	return settings.kind != SPECTRA_EXPORTER_NONE;
}

void spectra_delivery_hand_off(spectra_span_job *job)
{
	if (!job) {
		return;
	}
	ensure_settings();
	if (settings.kind == SPECTRA_EXPORTER_NONE) {
		spectra_span_job_free(job);
		return;
	}
	if (settings.kind == SPECTRA_EXPORTER_CONSOLE) {
		spectra_span *span = spectra_span_job_build(job);
		spectra_span_job_free(job);
		if (span) {
			write_console(span);
			spectra_span_free(span);
		}
		return;
	}
	if (settings.export.mode == SPECTRA_EXPORT_AFTER_RESPONSE && !SPECTRA_G(sandbox).in_shutdown) {
		add_pending(job);
		return;
	}
	/* sync posts now (encoding on this thread); background batches on the sender thread */
	spectra_span_job **single = malloc(sizeof(*single));
	if (!single) {
		spectra_span_job_free(job);
		return;
	}
	single[0] = job;
	submit_jobs(single, 1);
}

void spectra_span_request_end(void)
{
	forget_pending_of_parent();
	size_t count = SPECTRA_G(delivery).pending_count;
	if (!count) {
		return;
	}
	/* the list itself goes to the exporter; the request starts a new one */
	spectra_span_job **jobs = SPECTRA_G(delivery).pending;
	SPECTRA_G(delivery).pending = NULL;
	SPECTRA_G(delivery).pending_count = 0;
	SPECTRA_G(delivery).pending_cap = 0;
	submit_jobs(jobs, count);
}

void spectra_span_request_release(void)
{
	spectra_span_request_end();
	free(SPECTRA_G(delivery).pending);
	SPECTRA_G(delivery).pending = NULL;
	SPECTRA_G(delivery).pending_cap = 0;
}

bool spectra_span_flush(zend_long timeout_ms)
{
	ensure_settings();
	spectra_span_request_end();
	if (settings.kind != SPECTRA_EXPORTER_OTLP) {
		return true;
	}
	return spectra_exporter_flush((long) timeout_ms);
}

static const char *kind_name(spectra_exporter_kind kind)
{
	return kind == SPECTRA_EXPORTER_OTLP ? "otlp" : kind == SPECTRA_EXPORTER_CONSOLE ? "console" : "none";
}

static const char *mode_name(spectra_export_mode mode)
{
	return mode == SPECTRA_EXPORT_SYNC ? "sync" : mode == SPECTRA_EXPORT_BACKGROUND ? "background" : "after_response";
}

void spectra_span_stats_array(zval *out)
{
	ensure_settings();
	spectra_export_stats stats;
	memset(&stats, 0, sizeof(stats));
	if (settings.kind == SPECTRA_EXPORTER_OTLP) {
		spectra_exporter_get_stats(&stats);
	}
	array_init(out);
	add_assoc_string(out, "exporter", kind_name(settings.kind));
	add_assoc_string(out, "mode", mode_name(settings.export.mode));
	add_assoc_string(out, "protocol", settings.export.format == SPECTRA_OTLP_JSON ? "http/json" : "http/protobuf");
	/* credentials stay out of diagnostics: no user:pass@, no query values */
	spectra_buf endpoint;
	spectra_buf_init(&endpoint);
	if (settings.kind == SPECTRA_EXPORTER_OTLP) {
		spectra_redact_url(settings.export.endpoint, &endpoint);
	}
	add_assoc_stringl(out, "endpoint", endpoint.data ? endpoint.data : "", endpoint.len);
	spectra_buf_free(&endpoint);
	forget_pending_of_parent();
	add_assoc_long(out, "pending", (zend_long) SPECTRA_G(delivery).pending_count);
	add_assoc_long(out, "queued", (zend_long) stats.queued);
	add_assoc_long(out, "sent", (zend_long) stats.sent);
	add_assoc_long(out, "dropped", (zend_long) stats.dropped);
	add_assoc_long(out, "failed", (zend_long) stats.failed);
	add_assoc_long(out, "retries", (zend_long) stats.retries);
	add_assoc_long(out, "rejected", (zend_long) stats.rejected);
	add_assoc_long(out, "queue_bytes", (zend_long) stats.queue_bytes);
	add_assoc_long(out, "posts", (zend_long) stats.posts);
	add_assoc_long(out, "max_in_flight", (zend_long) stats.max_in_flight);
	add_assoc_long(out, "backpressure_waits", (zend_long) stats.backpressure_waits);
	add_assoc_long(out, "last_status", (zend_long) stats.last_status);
	add_assoc_string(out, "last_error", stats.last_error);
	add_assoc_bool(out, "thread_alive", stats.thread_alive);
	add_assoc_long(out, "pid", (zend_long) getpid());
}

void spectra_export_module_startup(void)
{
	spectra_fpm_config_check_register();
	atomic_store(&settings_loaded, false);
	exporter_started = false;
}

void spectra_export_module_shutdown(void)
{
	if (exporter_started) {
		spectra_exporter_shutdown((long) SPECTRA_G(shutdown_timeout_ms));
		exporter_started = false;
	}
	if (atomic_load(&settings_loaded)) {
		spectra_export_settings_free(&settings);
		atomic_store(&settings_loaded, false);
	}
}

void spectra_export_info(void)
{
	if (!SPECTRA_G(enabled)) {
		php_info_print_table_row(2, "Export", "disabled (spectra.enabled=0)");
		return;
	}
	zval stats;
	spectra_span_stats_array(&stats);
	zend_string *key;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(stats), key, value) {
		zend_string *text = Z_TYPE_P(value) == IS_TRUE ? zend_string_init("yes", 3, false)
			: Z_TYPE_P(value) == IS_FALSE              ? zend_string_init("no", 2, false)
													   : zval_get_string(value);
		char label[64];
		snprintf(label, sizeof(label), "Export %s", ZSTR_VAL(key));
		php_info_print_table_row(2, label, ZSTR_VAL(text));
		zend_string_release(text);
	}
	ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&stats);
	/* the headers in effect (spectra.otel.headers or OTEL_EXPORTER_OTLP_*HEADERS): names only */
	if (settings.kind == SPECTRA_EXPORTER_OTLP && settings.export.header_count) {
		spectra_buf names;
		spectra_buf_init(&names);
		spectra_redact_header_lines(settings.export.headers, settings.export.header_count, &names);
		php_info_print_table_row(2, "Export headers", names.data ? names.data : SPECTRA_REDACTED);
		spectra_buf_free(&names);
	}
}

void spectra_delivery_rinit(void)
{
	/* the flag is written before settings_loaded is published */
	if (atomic_load(&settings_loaded) && exporter_started) {
		spectra_fpm_termination_watch();
	}
	SPECTRA_G(delivery).pending = NULL;
	SPECTRA_G(delivery).pending_count = 0;
	SPECTRA_G(delivery).pending_cap = 0;
	SPECTRA_G(delivery).pending_pid = 0;
}

void spectra_delivery_rshutdown(void)
{
	spectra_span_request_release();
}
