/* The per-process sender: a queue guarded by one mutex, a small pool of lazily started
 * sender threads per process (one POST in flight each), the batching rule that coalesces
 * the work of many requests into one POST, the delivery loop with its retry policy, and the
 * bounded backpressure a submitter meets when the queue is full and the collector healthy.
 * The mutex is never held across network I/O. */
#include "exporter.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "queue.h"
#include "retry.h"
#include "transport.h"

/* OTLP: a client must not send a request body larger than 64 MiB. */
#define MAX_REQUEST_BYTES (64u * 1024u * 1024u)
#define ERROR_LOG_INTERVAL_SECONDS 10
#define SENDER_STACK_BYTES (1024u * 1024u)

/* Defaults for configuration fields left at zero. */
#define DEFAULT_TIMEOUT_MS 10000L
#define DEFAULT_MAX_QUEUE_BYTES (8u * 1024u * 1024u)
#define DEFAULT_SCHEDULE_DELAY_MS 5000L
#define DEFAULT_MAX_QUEUE_SIZE 65536u
#define DEFAULT_MAX_EXPORT_BATCH_SIZE 512u
#define DEFAULT_MAX_CONCURRENT_EXPORTS 4u
/* A batch is also due once its spans hold this share of the byte cap (or 1 MiB), so a small
 * cap fills up only when the collector cannot keep up, never while a timer runs. */
#define DUE_BYTES_SHARE_OF_CAP 4u
#define DUE_BYTES_MAX (1024u * 1024u)
/* The collector counts as healthy (submitters may wait for room) while its last answer was a
 * success no older than this. */
#define HEALTHY_WINDOW_MS 5000

typedef enum { DELIVERY_SENT, DELIVERY_FAILED, DELIVERY_ABORTED } delivery_outcome;

/* Everything one deliverer (the sender thread, or the sync path) holds while it POSTs.
 * It lives on the heap and is published in the exporter state rather than on a stack, so
 * that after a fork the child can still reach it: the parent's thread is gone there, and
 * its half-done work must neither leak unreachably nor be freed mid-update. */
typedef struct delivery_context {
	spectra_transport *transport;
	spectra_queue_item *work; /* sender: the batch being delivered (set under the lock) */
	spectra_buf merged;       /* sender: the batch merged into one request */
	spectra_buf compressed;   /* the gzip'd request */
	pid_t pid;
	struct delivery_context *next_abandoned;
} delivery_context;

typedef struct {
	_Atomic uint64_t queued;
	_Atomic uint64_t sent;
	_Atomic uint64_t dropped;
	_Atomic uint64_t failed;
	_Atomic uint64_t retries;
	_Atomic uint64_t rejected;
	_Atomic uint64_t queue_bytes;
	_Atomic uint64_t aborted;            /* of dropped: spans whose POST or retry wait the shutdown cut */
	_Atomic uint64_t unsent;             /* spans queued or being delivered right now */
	_Atomic uint64_t backpressure_waits; /* submissions that waited for room (healthy collector) */
	_Atomic uint64_t posts;              /* POST attempts made */
	_Atomic uint64_t max_in_flight;      /* most batches delivered at once */
	atomic_bool thread_alive;
} exporter_counters;

typedef struct {
	pthread_mutex_t lock;       /* guards everything below that is not atomic */
	pthread_cond_t wake_sender; /* new work, a flush request, or stop */
	pthread_cond_t became_idle; /* queue drained and nothing in flight */
	pthread_cond_t room_made;   /* a batch was released, or the collector failed */
	bool initialized;
	spectra_export_config config; /* deep copy, immutable between init and shutdown */
	char *proxy;                  /* memoized from the environment at init */
	char *no_proxy;
	spectra_queue queue;
	size_t busy_senders; /* sender threads delivering a batch right now */
	bool flush_requested;
	bool stop_requested;
	size_t sender_count; /* sender threads started in this process */
	pid_t thread_pid;    /* the process the sender threads belong to */
	pthread_t threads[SPECTRA_MAX_CONCURRENT_EXPORTS];
	/* owned by their threads; published for wakeups and fork */
	delivery_context *senders[SPECTRA_MAX_CONCURRENT_EXPORTS];
	bool collector_healthy; /* the last attempt that ended was answered with a success */
	int64_t last_success_ms;
	long last_status;
	char last_error[256];

	pthread_mutex_t sync_lock; /* serializes sync-mode POSTs on the one sync handle */
	delivery_context *sync;    /* guarded by sync_lock */
} exporter_state;

static exporter_state exporter = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.sync_lock = PTHREAD_MUTEX_INITIALIZER,
};
static exporter_counters counters;
/* Raised to make every POST and retry sleep end now: shutdown after its flush deadline. */
static atomic_bool abort_requested;
static _Atomic int64_t last_error_log_second;
static _Atomic uint64_t jitter_sequence;
static pthread_once_t process_setup_once = PTHREAD_ONCE_INIT;
/* Contexts inherited through fork: kept reachable, never touched again (see above). */
static delivery_context *abandoned_contexts;

/* ---- small helpers ---------------------------------------------------------------- */

static int64_t monotonic_ms(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static struct timespec monotonic_deadline(int64_t deadline_ms)
{
	struct timespec at = { .tv_sec = deadline_ms / 1000, .tv_nsec = (deadline_ms % 1000) * 1000000L };
	return at;
}

/* splitmix64 over a shared counter: plenty for retry jitter, lock-free and thread-safe.
 * The pid and the nanoseconds go in so FPM workers forked from one master, which share
 * the counter's value, still draw different delays. */
static uint64_t jitter_bits(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	uint64_t x = atomic_fetch_add(&jitter_sequence, 0x9E3779B97F4A7C15ull) + ((uint64_t) getpid() << 32)
		+ (uint64_t) now.tv_sec * 1000000000ull + (uint64_t) now.tv_nsec;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
	return x ^ (x >> 31);
}

static void init_monotonic_cond(pthread_cond_t *cond)
{
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(cond, &attr);
	pthread_condattr_destroy(&attr);
}

/* Waits on cond until deadline_ms (monotonic); returns false once the deadline passed. */
static bool wait_until(pthread_cond_t *cond, int64_t deadline_ms)
{
	struct timespec at = monotonic_deadline(deadline_ms);
	return pthread_cond_timedwait(cond, &exporter.lock, &at) != ETIMEDOUT;
}

/* One stderr line. One write(2) rather than stdio: a fork while the sender held stderr's
 * FILE lock would leave the child's stderr locked for good. */
static void log_line(const char *text)
{
	char line[sizeof exporter.last_error + 16];
	int len = snprintf(line, sizeof line, "spectra: %s\n", text);
	if (len > 0) {
		ssize_t ignored = write(STDERR_FILENO, line, (size_t) len < sizeof line ? (size_t) len : sizeof line - 1);
		(void) ignored;
	}
}

/* At most one line per interval per process, so an outage cannot flood the logs. */
static void log_error_rate_limited(const char *text)
{
	int64_t now_second = monotonic_ms() / 1000;
	int64_t previous = atomic_load(&last_error_log_second);
	if (previous != 0 && now_second - previous < ERROR_LOG_INTERVAL_SECONDS) {
		return;
	}
	if (!atomic_compare_exchange_strong(&last_error_log_second, &previous, now_second ? now_second : 1)) {
		return;
	}
	log_line(text);
}

#define KEEP_LAST_STATUS (-1L)

/* Stores the text as last_error (and status as last_status unless KEEP_LAST_STATUS), and
 * logs it. Callers pass counts and statuses, never header values: they carry credentials. */
static void store_error(long status, bool rate_limited, const char *format, va_list args)
{
	char text[sizeof exporter.last_error];
	vsnprintf(text, sizeof text, format, args);
	/* collector messages end up here: keep the log line one line */
	for (char *c = text; *c; c++) {
		if ((unsigned char) *c < 0x20 || *c == 0x7f) {
			*c = ' ';
		}
	}
	pthread_mutex_lock(&exporter.lock);
	if (status != KEEP_LAST_STATUS) {
		exporter.last_status = status;
	}
	memcpy(exporter.last_error, text, sizeof text);
	pthread_mutex_unlock(&exporter.lock);
	if (rate_limited) {
		log_error_rate_limited(text);
	} else {
		log_line(text);
	}
}

/* An export error: stored, and logged rate-limited. */
static void record_error(long status, const char *format, ...) __attribute__((format(printf, 2, 3)));
static void record_error(long status, const char *format, ...)
{
	va_list args;
	va_start(args, format);
	store_error(status, true, format, args);
	va_end(args);
}

/* A loss at process exit: stored, and always logged, as it is the last word of the
 * process and no earlier error may have used up its line. */
static void record_loss(const char *format, ...) __attribute__((format(printf, 1, 2)));
static void record_loss(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	store_error(KEEP_LAST_STATUS, false, format, args);
	va_end(args);
}

/* The end of one POST attempt: its status, and the collector's health. A success lets
 * submitters wait for room in a full queue; a failure wakes those waiting, and they drop. */
static void record_attempt(long status, bool success)
{
	pthread_mutex_lock(&exporter.lock);
	exporter.last_status = status;
	exporter.collector_healthy = success;
	if (success) {
		exporter.last_success_ms = monotonic_ms();
	} else {
		pthread_cond_broadcast(&exporter.room_made);
	}
	pthread_mutex_unlock(&exporter.lock);
}

/* Waiting bytes (the cap bounds these plus the batch being delivered). */
static void publish_queue_bytes(void)
{
	atomic_store(&counters.queue_bytes, (uint64_t) exporter.queue.total_bytes);
}

static void reset_counters(void)
{
	atomic_store(&counters.queued, 0);
	atomic_store(&counters.sent, 0);
	atomic_store(&counters.dropped, 0);
	atomic_store(&counters.failed, 0);
	atomic_store(&counters.retries, 0);
	atomic_store(&counters.rejected, 0);
	atomic_store(&counters.queue_bytes, 0);
	atomic_store(&counters.aborted, 0);
	atomic_store(&counters.unsent, 0);
	atomic_store(&counters.backpressure_waits, 0);
	atomic_store(&counters.posts, 0);
	atomic_store(&counters.max_in_flight, 0);
	atomic_store(&counters.thread_alive, false);
	exporter.collector_healthy = false;
	exporter.last_success_ms = 0;
	exporter.last_status = 0;
	exporter.last_error[0] = '\0';
}

/* ---- configuration ---------------------------------------------------------------- */

static bool copy_string(char **target, const char *source)
{
	*target = NULL;
	if (!source) {
		return true;
	}
	*target = spectra_strdup(source);
	return *target != NULL;
}

static bool copy_config(spectra_export_config *target, const spectra_export_config *source)
{
	*target = *source;
	target->endpoint = NULL;
	target->headers = NULL;
	target->header_count = 0;
	target->ca_file = target->client_cert = target->client_key = target->user_agent = NULL;

	bool ok = copy_string(&target->endpoint, source->endpoint) && copy_string(&target->ca_file, source->ca_file)
		&& copy_string(&target->client_cert, source->client_cert)
		&& copy_string(&target->client_key, source->client_key) && copy_string(&target->user_agent, source->user_agent);
	if (ok && source->header_count) {
		target->headers = calloc(source->header_count, sizeof *target->headers);
		ok = target->headers != NULL;
		for (size_t i = 0; ok && i < source->header_count; i++) {
			ok = copy_string(&target->headers[i], source->headers[i]);
			target->header_count = i + 1;
		}
	}
	if (!ok) {
		spectra_export_config_free(target);
		return false;
	}
	if (target->timeout_ms <= 0) {
		target->timeout_ms = DEFAULT_TIMEOUT_MS;
	}
	if (!target->max_queue_bytes) {
		target->max_queue_bytes = DEFAULT_MAX_QUEUE_BYTES;
	}
	if (target->schedule_delay_ms <= 0) {
		target->schedule_delay_ms = DEFAULT_SCHEDULE_DELAY_MS;
	}
	if (!target->max_queue_size) {
		target->max_queue_size = DEFAULT_MAX_QUEUE_SIZE;
	}
	if (!target->max_concurrent_exports) {
		target->max_concurrent_exports = DEFAULT_MAX_CONCURRENT_EXPORTS;
	}
	if (target->max_concurrent_exports > SPECTRA_MAX_CONCURRENT_EXPORTS) {
		target->max_concurrent_exports = SPECTRA_MAX_CONCURRENT_EXPORTS;
	}
	if (target->max_backlog_batch_size < target->max_export_batch_size) {
		target->max_backlog_batch_size = target->max_export_batch_size * SPECTRA_BACKLOG_BATCH_FACTOR;
	}
	if (!target->batch_due_bytes) {
		target->batch_due_bytes = target->max_queue_bytes / DUE_BYTES_SHARE_OF_CAP;
		if (target->batch_due_bytes > DUE_BYTES_MAX) {
			target->batch_due_bytes = DUE_BYTES_MAX;
		}
	}
	if (target->max_wait_ms < 0) {
		target->max_wait_ms = 0;
	}
	if (!target->max_export_batch_size || target->max_export_batch_size > target->max_queue_size) {
		target->max_export_batch_size = target->max_export_batch_size
			? target->max_queue_size
			: (DEFAULT_MAX_EXPORT_BATCH_SIZE < target->max_queue_size ? DEFAULT_MAX_EXPORT_BATCH_SIZE
																	  : target->max_queue_size);
	}
	if (target->retry_budget_ms < 0) {
		target->retry_budget_ms = 0;
	}
	return true;
}

static const char *first_env(const char *const *names)
{
	for (; *names; names++) {
		const char *value = getenv(*names);
		if (value && value[0]) {
			return value;
		}
	}
	return NULL;
}

/* Reads the proxy variables curl would consult, here on the init thread (see transport.h).
 * Like curl, plain http only honours the lower-case http_proxy. */
static bool memoize_proxy(const char *endpoint)
{
	static const char *const http_names[] = { "http_proxy", "all_proxy", "ALL_PROXY", NULL };
	static const char *const https_names[] = { "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", NULL };
	static const char *const no_proxy_names[] = { "no_proxy", "NO_PROXY", NULL };
	bool https = strncasecmp(endpoint, "https:", 6) == 0;
	const char *proxy = first_env(https ? https_names : http_names);
	const char *no_proxy = first_env(no_proxy_names);
	exporter.proxy = spectra_strdup(proxy ? proxy : "");
	exporter.no_proxy = spectra_strdup(no_proxy ? no_proxy : "");
	return exporter.proxy && exporter.no_proxy;
}

/* ---- fork handling ---------------------------------------------------------------- */

static void before_fork(void)
{
	/* the child must not inherit the queue in the middle of an update */
	pthread_mutex_lock(&exporter.lock);
}

static void after_fork_parent(void)
{
	pthread_mutex_unlock(&exporter.lock);
}

static delivery_context *context_new(void)
{
	delivery_context *context = calloc(1, sizeof *context);
	if (!context) {
		return NULL;
	}
	context->transport = spectra_transport_new(&exporter.config, exporter.proxy, exporter.no_proxy, &abort_requested);
	spectra_buf_init(&context->merged);
	spectra_buf_init(&context->compressed);
	context->pid = getpid();
	return context;
}

/* A sender's request buffers are kept from one request to the next, emptied: a batch is
 * hundreds of KiB, and allocating that afresh each time costs page faults for every span.
 * One grown past a few batches' size (a rare huge request) gives its memory back. */
static void empty_scratch(spectra_buf *buf)
{
	if (buf->cap > 8u * 1024u * 1024u) {
		spectra_buf_free(buf);
	} else {
		buf->len = 0;
	}
}

static void context_free(delivery_context *context)
{
	if (context) {
		spectra_transport_free(context->transport);
		spectra_queue_chain_free(context->work);
		spectra_buf_free(&context->merged);
		spectra_buf_free(&context->compressed);
		free(context);
	}
}

static void abandon_context(delivery_context *context)
{
	if (context) {
		spectra_transport_abandon_after_fork(context->transport);
		context->next_abandoned = abandoned_contexts;
		abandoned_contexts = context;
	}
}

/* Forgets what belonged to the parent process: its queued payloads (the parent sends
 * them), its thread (gone in this process) and its curl connections (still the parent's). */
static void forget_parent_process_state(void)
{
	spectra_queue_clear(&exporter.queue);
	exporter.busy_senders = 0;
	exporter.flush_requested = false;
	exporter.stop_requested = false;
	exporter.sender_count = 0;
	exporter.thread_pid = 0;
	for (size_t i = 0; i < SPECTRA_MAX_CONCURRENT_EXPORTS; i++) {
		abandon_context(exporter.senders[i]);
		exporter.senders[i] = NULL;
	}
	abandon_context(exporter.sync);
	exporter.sync = NULL;
	atomic_store(&abort_requested, false);
	atomic_store(&last_error_log_second, 0);
	reset_counters();
}

void spectra_exporter_after_fork_child(void)
{
	/* Only the forking thread exists here. Fresh primitives, since the parent's threads may
	 * have been waiting on the conditions or holding a lock when fork happened. */
	pthread_mutex_init(&exporter.lock, NULL);
	pthread_mutex_init(&exporter.sync_lock, NULL);
	init_monotonic_cond(&exporter.wake_sender);
	init_monotonic_cond(&exporter.became_idle);
	init_monotonic_cond(&exporter.room_made);
	forget_parent_process_state();
}

static void setup_process_once(void)
{
	init_monotonic_cond(&exporter.wake_sender);
	init_monotonic_cond(&exporter.became_idle);
	init_monotonic_cond(&exporter.room_made);
	pthread_atfork(before_fork, after_fork_parent, spectra_exporter_after_fork_child);
}

/* ---- delivery --------------------------------------------------------------------- */

static void count_partial_success(const spectra_transport_result *result, size_t span_count)
{
	int64_t rejected = 0;
	char *message = NULL;
	uint64_t accepted = span_count;
	if (result->body_truncated) {
		record_error(result->http_status, "collector response over 4 MiB, partial_success not read");
	} else if (!spectra_otlp_parse_response(exporter.config.format, result->body.data, result->body.len, &rejected,
				   &message)) {
		record_error(result->http_status, "collector response could not be parsed");
		rejected = 0;
	}
	if (rejected > 0) {
		uint64_t rejected_count = (uint64_t) rejected < span_count ? (uint64_t) rejected : span_count;
		accepted -= rejected_count;
		atomic_fetch_add(&counters.rejected, rejected_count);
	}
	if (rejected > 0 || (message && message[0])) {
		record_error(result->http_status, "collector partial success: %lld spans rejected: %.180s",
			(long long) rejected, message ? message : "");
	}
	free(message);
	atomic_fetch_add(&counters.sent, accepted);
}

static int64_t min_deadline(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* Sleeps until deadline_ms unless the abort flag rises; returns false if aborted. */
static bool sleep_unless_aborted(int64_t deadline_ms)
{
	pthread_mutex_lock(&exporter.lock);
	while (!atomic_load(&abort_requested) && monotonic_ms() < deadline_ms) {
		wait_until(&exporter.wake_sender, deadline_ms);
	}
	bool aborted = atomic_load(&abort_requested);
	pthread_mutex_unlock(&exporter.lock);
	return !aborted;
}

/* POSTs one payload with the retry policy. Every retry and wait ends by the retry
 * deadline, so one delivery lasts at most max(timeout_ms, retry_budget_ms); in background
 * mode at most export_timeout_ms as well, and in sync mode, where a request thread waits,
 * at most timeout_ms (retries only fit when they are quick). */
static delivery_outcome deliver(delivery_context *context, const char *payload, size_t len, size_t span_count)
{
	const spectra_export_config *config = &exporter.config;
	spectra_transport *transport = context ? context->transport : NULL;
	if (!transport) {
		record_error(0, "export failed: could not set up curl (%zu spans)", span_count);
		return DELIVERY_FAILED;
	}
	if (len > MAX_REQUEST_BYTES) {
		record_error(0, "export failed: request of %zu bytes is over the 64 MiB OTLP limit", len);
		return DELIVERY_FAILED;
	}
	spectra_buf *compressed = &context->compressed;
	if (config->gzip) {
		if (!spectra_gzip_compress(payload, len, compressed)) {
			empty_scratch(compressed);
			record_error(0, "export failed: gzip compression failed (%zu spans)", span_count);
			return DELIVERY_FAILED;
		}
		payload = compressed->data;
		len = compressed->len;
	}

	int64_t started = monotonic_ms();
	int64_t no_deadline = INT64_MAX / 2;
	int64_t export_deadline = no_deadline;
	if (config->mode == SPECTRA_EXPORT_BACKGROUND && config->export_timeout_ms > 0) {
		export_deadline = started + config->export_timeout_ms;
	} else if (config->mode == SPECTRA_EXPORT_SYNC) {
		export_deadline = started + config->timeout_ms;
	}
	int64_t retry_deadline = min_deadline(started + config->retry_budget_ms, export_deadline);
	delivery_outcome outcome = DELIVERY_FAILED;
	char cause[200];

	for (unsigned attempt = 0;; attempt++) {
		int64_t now = monotonic_ms();
		int64_t attempt_deadline = attempt == 0 ? export_deadline : retry_deadline;
		long timeout_ms = config->timeout_ms;
		if (attempt_deadline != no_deadline && attempt_deadline - now < timeout_ms) {
			timeout_ms = attempt_deadline - now > 1 ? (long) (attempt_deadline - now) : 1;
		}

		spectra_transport_result result;
		atomic_fetch_add(&counters.posts, 1);
		bool answered = spectra_transport_post(transport, payload, len, timeout_ms, &result);
		if (result.aborted) {
			spectra_transport_result_free(&result);
			outcome = DELIVERY_ABORTED;
			break;
		}
		bool retryable;
		if (answered) {
			if (result.http_status >= 200 && result.http_status < 300) {
				record_attempt(result.http_status, true);
				count_partial_success(&result, span_count);
				spectra_transport_result_free(&result);
				outcome = DELIVERY_SENT;
				break;
			}
			retryable = spectra_retry_status_is_retryable(result.http_status);
			snprintf(cause, sizeof cause, "HTTP %ld", result.http_status);
		} else {
			retryable = result.transient_failure;
			snprintf(cause, sizeof cause, "%.190s", result.error);
		}
		record_attempt(result.http_status, false);
		long retry_after_ms = result.retry_after_ms;
		spectra_transport_result_free(&result);
		if (!retryable) {
			record_error(KEEP_LAST_STATUS, "export failed: %s (%zu spans)", cause, span_count);
			break;
		}
		long delay = spectra_retry_next_delay_ms(attempt, retry_after_ms, (long) (retry_deadline - monotonic_ms()),
			jitter_bits());
		if (delay < 0) {
			record_error(KEEP_LAST_STATUS, "export failed after %u attempts (retry budget %ld ms): %s (%zu spans)",
				attempt + 1, config->retry_budget_ms, cause, span_count);
			break;
		}
		/* a retry is coming: keep the cause visible in the stats, without logging each one */
		pthread_mutex_lock(&exporter.lock);
		snprintf(exporter.last_error, sizeof exporter.last_error, "export attempt %u failed, retrying: %s", attempt + 1,
			cause);
		pthread_mutex_unlock(&exporter.lock);
		atomic_fetch_add(&counters.retries, 1);
		if (!sleep_unless_aborted(monotonic_ms() + delay)) {
			outcome = DELIVERY_ABORTED;
			break;
		}
	}
	empty_scratch(compressed);
	return outcome;
}

static void count_outcome(delivery_outcome outcome, size_t span_count)
{
	if (outcome == DELIVERY_FAILED) {
		atomic_fetch_add(&counters.failed, span_count);
	} else if (outcome == DELIVERY_ABORTED) {
		atomic_fetch_add(&counters.dropped, span_count);
		atomic_fetch_add(&counters.aborted, span_count);
	}
}

/* A span whose own encoding is over the OTLP limit: dropped alone, the rest still go. */
static void count_oversized(spectra_body_sink *self, size_t encoded_len)
{
	self->spans_oversized++;
	atomic_fetch_add(&counters.dropped, 1);
	record_error(KEEP_LAST_STATUS, "span of %zu bytes over the 64 MiB OTLP request limit dropped", encoded_len);
}

/* The sink of one queue item: the first body becomes the item's payload, further ones
 * (a batch split to stay under the limit) new items right after it, charged nothing. */
typedef struct {
	spectra_body_sink base;
	spectra_queue_item *item;
	spectra_queue_item *last;
	size_t spans_lost;
} item_sink;

static bool item_sink_add(spectra_body_sink *self, char *body, size_t len, size_t span_count)
{
	item_sink *sink = (item_sink *) self;
	spectra_queue_item *target = sink->item;
	if (target->payload) {
		target = calloc(1, sizeof *target);
		if (!target) {
			free(body);
			sink->spans_lost += span_count;
			return false;
		}
		target->next = sink->last->next;
		target->enqueued_at_ms = sink->item->enqueued_at_ms;
		sink->last->next = target;
		sink->last = target;
	}
	target->payload = body;
	target->len = len;
	target->span_count = span_count;
	self->spans_added += span_count;
	return true;
}

/* Encodes the deferred items of a batch (outside the lock). Spans that could not be
 * encoded count as failed. */
static void encode_deferred(spectra_queue_item *batch)
{
	for (spectra_queue_item *item = batch; item; item = item->next) {
		if (!item->deferred) {
			continue;
		}
		size_t span_count = item->span_count;
		item->span_count = 0;
		item->len = 0;
		item_sink sink = { .base = { .add = item_sink_add, .oversized = count_oversized }, .item = item, .last = item };
		bool encoded = item->deferred->encode(item->deferred, MAX_REQUEST_BYTES, &sink.base);
		/* failed: bodies the sink could not take, and what a failed encoding never reached */
		size_t accounted = sink.base.spans_added + sink.base.spans_oversized + sink.spans_lost;
		size_t failed = sink.spans_lost + (!encoded && accounted < span_count ? span_count - accounted : 0);
		if (failed) {
			atomic_fetch_add(&counters.failed, failed);
			record_error(KEEP_LAST_STATUS, "could not encode %zu spans", failed);
		}
		item = sink.last; /* past the items this one was split into */
	}
}

/* Delivers parts [first, first + count) of a batch: merged into one request, or one by
 * one when they cannot be merged (a part of another shape, OOM). */
static void deliver_parts(delivery_context *context, spectra_queue_item *first, size_t count)
{
	size_t span_count = 0;
	spectra_queue_item *item = first;
	for (size_t i = 0; i < count; item = item->next) {
		if (item->payload) {
			span_count += item->span_count;
			i++;
		}
	}
	if (count > 1) {
		spectra_buf *parts = calloc(count, sizeof *parts);
		spectra_buf *merged = context ? &context->merged : NULL;
		bool merged_ok = false;
		if (parts && merged) {
			item = first;
			for (size_t i = 0; i < count; item = item->next) {
				if (item->payload) {
					parts[i].data = item->payload;
					parts[i].len = parts[i].cap = item->len;
					i++;
				}
			}
			merged_ok = spectra_otlp_merge(exporter.config.format, parts, count, merged);
		}
		free(parts);
		if (merged_ok) {
			count_outcome(deliver(context, merged->data, merged->len, span_count), span_count);
			empty_scratch(merged);
			return;
		}
		if (merged) {
			empty_scratch(merged);
		}
	}
	item = first;
	for (size_t i = 0; i < count; item = item->next) {
		if (!item->payload) {
			continue;
		}
		i++;
		if (atomic_load(&abort_requested)) {
			atomic_fetch_add(&counters.dropped, item->span_count);
			atomic_fetch_add(&counters.aborted, item->span_count);
			continue;
		}
		count_outcome(deliver(context, item->payload, item->len, item->span_count), item->span_count);
	}
}

/* Sends a batch in as few requests as the OTLP size limit allows: parts are merged while
 * their sizes add up to at most the limit (a merge is never larger than its parts). */
static void deliver_batch(delivery_context *context, spectra_queue_item *batch)
{
	encode_deferred(batch);
	spectra_queue_item *group = NULL;
	size_t group_parts = 0;
	size_t group_bytes = 0;
	for (spectra_queue_item *item = batch; item; item = item->next) {
		if (!item->payload) {
			continue;
		}
		if (group_parts && item->len > MAX_REQUEST_BYTES - group_bytes) {
			deliver_parts(context, group, group_parts);
			group_parts = 0;
		}
		if (!group_parts) {
			group = item;
			group_bytes = 0;
		}
		group_parts++;
		group_bytes += item->len < MAX_REQUEST_BYTES ? item->len : MAX_REQUEST_BYTES;
	}
	if (group_parts) {
		deliver_parts(context, group, group_parts);
	}
}

/* ---- the sender threads ----------------------------------------------------------- */

static bool start_sender_thread(void);

/* With the lock held: a batch should go now. Spans of many requests are coalesced into one
 * POST until there are a batch's worth of spans or bytes, the oldest has waited the
 * schedule delay, or someone flushes (a request end never posts by itself). The process's
 * first batch goes at once: its answer tells whether the collector is healthy, which a burst
 * needs to know before the queue fills (backpressure waits only for a healthy collector). */
static bool batch_due(int64_t now)
{
	const spectra_queue *queue = &exporter.queue;
	if (!queue->head) {
		return false;
	}
	return exporter.flush_requested || atomic_load(&counters.posts) == 0
		|| queue->total_spans >= exporter.config.max_export_batch_size
		|| queue->total_bytes >= exporter.config.batch_due_bytes
		|| now >= queue->head->enqueued_at_ms + exporter.config.schedule_delay_ms;
}

/* With the lock held: waits until there is work to take (or stop) and takes it. A backlog
 * (more than a batch queued: every sender busy with a slow collector) goes in bigger
 * requests, so a slow collector is asked fewer, larger questions. */
static spectra_queue_item *take_work(void)
{
	for (;;) {
		if (exporter.stop_requested) {
			return NULL;
		}
		if (batch_due(monotonic_ms())) {
			size_t batch = exporter.config.max_export_batch_size;
			size_t limit = exporter.queue.total_spans > batch ? exporter.config.max_backlog_batch_size : batch;
			return spectra_queue_pop_batch(&exporter.queue, limit);
		}
		if (exporter.queue.head) {
			wait_until(&exporter.wake_sender, exporter.queue.head->enqueued_at_ms + exporter.config.schedule_delay_ms);
		} else {
			pthread_cond_wait(&exporter.wake_sender, &exporter.lock);
		}
	}
}

/* With the lock held, as a sender takes a batch: when every sender is now busy, one more is
 * started (up to the configured number) so that the next batch need not wait for a slow
 * POST to end. A fast collector never needs the second one for long. */
static void note_sender_busy(void)
{
	exporter.busy_senders++;
	uint64_t peak = atomic_load(&counters.max_in_flight);
	if (exporter.busy_senders > peak) {
		atomic_store(&counters.max_in_flight, (uint64_t) exporter.busy_senders);
	}
	if (exporter.busy_senders == exporter.sender_count && exporter.sender_count < exporter.config.max_concurrent_exports
		&& !exporter.stop_requested) {
		start_sender_thread();
	}
}

static void *sender_main(void *slot_pointer)
{
	size_t slot = (size_t) (uintptr_t) slot_pointer;
	delivery_context *context = context_new();
	pthread_mutex_lock(&exporter.lock);
	exporter.senders[slot] = context;
	for (;;) {
		spectra_queue_item *work = take_work();
		if (!work) {
			break;
		}
		if (context) {
			context->work = work;
		}
		size_t taken_spans = 0;
		for (spectra_queue_item *item = work; item; item = item->next) {
			taken_spans += item->span_count;
		}
		note_sender_busy();
		publish_queue_bytes();
		pthread_mutex_unlock(&exporter.lock);

		deliver_batch(context, work);

		pthread_mutex_lock(&exporter.lock);
		/* freed under the lock, so a fork sees the batch either whole or gone */
		if (context) {
			context->work = NULL;
		}
		spectra_queue_release(&exporter.queue, work);
		atomic_fetch_sub(&counters.unsent, taken_spans);
		exporter.busy_senders--;
		pthread_cond_broadcast(&exporter.room_made);
		if (!exporter.queue.head && !exporter.busy_senders) {
			exporter.flush_requested = false;
			pthread_cond_broadcast(&exporter.became_idle);
		}
	}
	exporter.senders[slot] = NULL;
	pthread_cond_broadcast(&exporter.became_idle);
	pthread_mutex_unlock(&exporter.lock);
	context_free(context);
	return NULL;
}

/* With the lock held. All signals are blocked while the thread is created, so it starts
 * with them blocked: PHP's SIGPROF timeout or a pcntl handler must never run on it. */
static bool start_sender_thread(void)
{
	size_t slot = exporter.sender_count;
	if (slot >= SPECTRA_MAX_CONCURRENT_EXPORTS) {
		return false;
	}
	pthread_attr_t attr;
	if (pthread_attr_init(&attr) != 0) {
		return false;
	}
	/* explicit size: musl's 128 KiB default is too small for curl + OpenSSL */
	pthread_attr_setstacksize(&attr, SENDER_STACK_BYTES);
	sigset_t all_signals, previous;
	sigfillset(&all_signals);
	pthread_sigmask(SIG_BLOCK, &all_signals, &previous);
	int rc = pthread_create(&exporter.threads[slot], &attr, sender_main, (void *) (uintptr_t) slot);
	pthread_sigmask(SIG_SETMASK, &previous, NULL);
	pthread_attr_destroy(&attr);
	if (rc != 0) {
		return false;
	}
	exporter.sender_count++;
	exporter.thread_pid = getpid();
	atomic_store(&counters.thread_alive, true);
	return true;
}

/* ---- public API ------------------------------------------------------------------- */

bool spectra_exporter_init(const spectra_export_config *config)
{
	if (!config || !config->endpoint || !config->endpoint[0]) {
		return false;
	}
	pthread_once(&process_setup_once, setup_process_once);
	pthread_mutex_lock(&exporter.lock);
	if (exporter.initialized) {
		pthread_mutex_unlock(&exporter.lock);
		return false;
	}
	if (!copy_config(&exporter.config, config)) {
		pthread_mutex_unlock(&exporter.lock);
		return false;
	}
	if (!memoize_proxy(exporter.config.endpoint)) {
		free(exporter.proxy);
		free(exporter.no_proxy);
		exporter.proxy = exporter.no_proxy = NULL;
		spectra_export_config_free(&exporter.config);
		pthread_mutex_unlock(&exporter.lock);
		return false;
	}
	/* MINIT runs before any thread exists: the one safe place for curl's global setup */
	curl_global_init(CURL_GLOBAL_DEFAULT);
	spectra_queue_init(&exporter.queue, exporter.config.max_queue_bytes, exporter.config.max_queue_size);
	exporter.busy_senders = 0;
	exporter.flush_requested = false;
	exporter.stop_requested = false;
	exporter.sender_count = 0;
	exporter.thread_pid = 0;
	atomic_store(&abort_requested, false);
	reset_counters();
	exporter.initialized = true;
	pthread_mutex_unlock(&exporter.lock);
	return true;
}

static bool submit_sync(char *payload, size_t len, size_t span_count)
{
	pthread_mutex_lock(&exporter.sync_lock);
	if (exporter.sync && exporter.sync->pid != getpid()) {
		/* forked without the atfork handler having run (should not happen) */
		abandon_context(exporter.sync);
		exporter.sync = NULL;
	}
	if (!exporter.sync) {
		exporter.sync = context_new();
	}
	atomic_fetch_add(&counters.queued, span_count);
	delivery_outcome outcome = deliver(exporter.sync, payload, len, span_count);
	pthread_mutex_unlock(&exporter.sync_lock);
	free(payload);
	count_outcome(outcome, span_count);
	return outcome != DELIVERY_ABORTED;
}

/* With the lock held: the collector answered a success lately and nothing failed since. */
static bool collector_healthy(int64_t now)
{
	return exporter.collector_healthy && now - exporter.last_success_ms <= HEALTHY_WINDOW_MS;
}

/* With the lock held. Backpressure: when the queue has no room for len bytes and span_count
 * spans, and the collector is healthy (it takes what it is sent, just not as fast as it
 * comes), the submitter waits for a batch to be released, for at most max_wait_ms. With the
 * collector down, failing or not heard from, it never waits: the caller drops and counts. */
static void wait_for_room(size_t len, size_t span_count)
{
	spectra_queue *queue = &exporter.queue;
	if (exporter.config.max_wait_ms <= 0 || spectra_queue_has_room(queue, len, span_count)
		|| (queue->max_bytes && len > queue->max_bytes) || (queue->max_spans && span_count > queue->max_spans)) {
		return;
	}
	int64_t now = monotonic_ms();
	if (!collector_healthy(now)) {
		return;
	}
	atomic_fetch_add(&counters.backpressure_waits, 1);
	int64_t deadline = now + exporter.config.max_wait_ms;
	/* a full queue is a due batch (a batch's spans or bytes are less than the caps) */
	pthread_cond_broadcast(&exporter.wake_sender);
	while (!exporter.stop_requested && !spectra_queue_has_room(queue, len, span_count)
		&& collector_healthy(monotonic_ms())) {
		if (!wait_until(&exporter.room_made, deadline) && monotonic_ms() >= deadline) {
			break;
		}
	}
}

/* With the lock held: wakes the senders when they have something new to do (the queue was
 * empty, so none is timing the oldest span yet, or a batch just became due). */
static void wake_senders_if_needed(bool was_empty)
{
	if (was_empty || batch_due(monotonic_ms())) {
		pthread_cond_broadcast(&exporter.wake_sender);
	}
}

/* The queueing half shared by both submit functions: payload or deferred work (exactly
 * one of them), ownership taken in every case. */
static bool enqueue(char *payload, spectra_deferred_payload *deferred, size_t len, size_t span_count)
{
	pthread_mutex_lock(&exporter.lock);
	const char *refusal = NULL;
	bool was_empty = false;
	if (!exporter.initialized || exporter.stop_requested) {
		refusal = "";
	} else {
		if (exporter.sender_count && exporter.thread_pid != getpid()) {
			/* a fork the atfork handler did not see: this process has no thread yet */
			forget_parent_process_state();
		}
		if (!exporter.sender_count && !start_sender_thread()) {
			refusal = "could not start the sender thread";
		} else {
			wait_for_room(len, span_count);
			was_empty = exporter.queue.head == NULL;
			if (exporter.stop_requested) {
				refusal = "";
			} else if (payload
					? !spectra_queue_push(&exporter.queue, payload, len, span_count, monotonic_ms())
					: !spectra_queue_push_deferred(&exporter.queue, deferred, len, span_count, monotonic_ms())) {
				refusal = "export queue full";
			}
		}
	}
	if (refusal) {
		pthread_mutex_unlock(&exporter.lock);
		free(payload);
		if (deferred) {
			deferred->release(deferred);
		}
		atomic_fetch_add(&counters.dropped, span_count);
		if (*refusal) {
			record_error(KEEP_LAST_STATUS, "%s; %zu spans dropped", refusal, span_count);
		} else {
			record_loss("export already shut down: %zu spans dropped", span_count);
		}
		return false;
	}
	atomic_fetch_add(&counters.queued, span_count);
	atomic_fetch_add(&counters.unsent, span_count);
	publish_queue_bytes();
	wake_senders_if_needed(was_empty);
	pthread_mutex_unlock(&exporter.lock);
	return true;
}

static bool export_is_sync(void)
{
	pthread_mutex_lock(&exporter.lock);
	bool sync = exporter.initialized && exporter.config.mode == SPECTRA_EXPORT_SYNC;
	pthread_mutex_unlock(&exporter.lock);
	return sync;
}

bool spectra_exporter_submit(char *payload, size_t len, size_t span_count)
{
	if (!payload) {
		return false;
	}
	if (len == 0) {
		/* OTLP asks senders not to send empty envelopes */
		free(payload);
		return true;
	}
	if (export_is_sync()) {
		return submit_sync(payload, len, span_count);
	}
	return enqueue(payload, NULL, len, span_count);
}

/* Sync mode: each body is posted as it is made. */
typedef struct {
	spectra_body_sink base;
	bool all_sent;
} sync_sink;

static bool sync_sink_add(spectra_body_sink *self, char *body, size_t len, size_t span_count)
{
	sync_sink *sink = (sync_sink *) self;
	self->spans_added += span_count;
	sink->all_sent &= spectra_exporter_submit(body, len, span_count);
	return true;
}

bool spectra_exporter_submit_deferred(spectra_deferred_payload *work, size_t estimated_len, size_t span_count)
{
	if (!work) {
		return false;
	}
	if (export_is_sync()) {
		sync_sink sink = { .base = { .add = sync_sink_add, .oversized = count_oversized }, .all_sent = true };
		bool encoded = work->encode(work, MAX_REQUEST_BYTES, &sink.base);
		work->release(work);
		size_t accounted = sink.base.spans_added + sink.base.spans_oversized;
		if (!encoded) {
			atomic_fetch_add(&counters.failed, accounted < span_count ? span_count - accounted : 0);
			return false;
		}
		return sink.all_sent;
	}
	return enqueue(NULL, work, estimated_len ? estimated_len : 1, span_count);
}

/* With the lock held. */
static bool wait_for_idle(int64_t deadline_ms)
{
	for (;;) {
		bool thread_here = exporter.sender_count && exporter.thread_pid == getpid();
		if (!exporter.busy_senders && (!exporter.queue.head || !thread_here)) {
			return !exporter.queue.head;
		}
		if (!wait_until(&exporter.became_idle, deadline_ms) && monotonic_ms() >= deadline_ms) {
			return !exporter.queue.head && !exporter.busy_senders;
		}
	}
}

bool spectra_exporter_flush(long timeout_ms)
{
	pthread_mutex_lock(&exporter.lock);
	if (!exporter.initialized) {
		pthread_mutex_unlock(&exporter.lock);
		return true;
	}
	if (exporter.queue.head) {
		/* export what is queued now instead of at the schedule delay */
		exporter.flush_requested = true;
		pthread_cond_broadcast(&exporter.wake_sender);
	}
	bool idle = wait_for_idle(monotonic_ms() + (timeout_ms > 0 ? timeout_ms : 0));
	pthread_mutex_unlock(&exporter.lock);
	return idle;
}

uint64_t spectra_exporter_unsent_spans(void)
{
	return atomic_load(&counters.unsent);
}

void spectra_exporter_get_stats(spectra_export_stats *out)
{
	memset(out, 0, sizeof *out);
	out->queued = atomic_load(&counters.queued);
	out->sent = atomic_load(&counters.sent);
	out->dropped = atomic_load(&counters.dropped);
	out->failed = atomic_load(&counters.failed);
	out->retries = atomic_load(&counters.retries);
	out->rejected = atomic_load(&counters.rejected);
	out->queue_bytes = atomic_load(&counters.queue_bytes);
	out->thread_alive = atomic_load(&counters.thread_alive);
	out->backpressure_waits = atomic_load(&counters.backpressure_waits);
	out->posts = atomic_load(&counters.posts);
	out->max_in_flight = atomic_load(&counters.max_in_flight);
	pthread_mutex_lock(&exporter.lock);
	out->last_status = exporter.last_status;
	memcpy(out->last_error, exporter.last_error, sizeof out->last_error);
	pthread_mutex_unlock(&exporter.lock);
}

void spectra_exporter_shutdown(long timeout_ms)
{
	uint64_t aborted_before = atomic_load(&counters.aborted);
	spectra_exporter_flush(timeout_ms);

	pthread_mutex_lock(&exporter.lock);
	if (!exporter.initialized) {
		pthread_mutex_unlock(&exporter.lock);
		return;
	}
	/* Past the deadline: end the in-flight POST and any retry sleep now. */
	exporter.stop_requested = true;
	atomic_store(&abort_requested, true);
	pthread_cond_broadcast(&exporter.wake_sender);
	pthread_cond_broadcast(&exporter.room_made);
	for (size_t i = 0; i < SPECTRA_MAX_CONCURRENT_EXPORTS; i++) {
		if (exporter.senders[i]) {
			spectra_transport_wakeup(exporter.senders[i]->transport);
		}
	}
	/* no thread is started once stop is set, so the count is final */
	size_t joinable = exporter.thread_pid == getpid() ? exporter.sender_count : 0;
	pthread_mutex_unlock(&exporter.lock);

	for (size_t i = 0; i < joinable; i++) {
		pthread_join(exporter.threads[i], NULL);
	}
	atomic_store(&counters.thread_alive, false);

	/* A sync POST on another thread notices the abort flag; wait for it to let go. */
	pthread_mutex_lock(&exporter.sync_lock);
	context_free(exporter.sync);
	exporter.sync = NULL;
	pthread_mutex_unlock(&exporter.sync_lock);

	pthread_mutex_lock(&exporter.lock);
	size_t leftover = spectra_queue_clear(&exporter.queue);
	atomic_fetch_add(&counters.dropped, leftover);
	atomic_store(&counters.unsent, 0);
	publish_queue_bytes();
	exporter.sender_count = 0;
	exporter.thread_pid = 0;
	exporter.initialized = false;
	spectra_export_config_free(&exporter.config);
	free(exporter.proxy);
	free(exporter.no_proxy);
	exporter.proxy = exporter.no_proxy = NULL;
	pthread_mutex_unlock(&exporter.lock);
	/* spans whose POST (or retry wait) the deadline cut, and the queue left behind */
	uint64_t aborted = atomic_load(&counters.aborted) - aborted_before;
	if (leftover || aborted) {
		record_loss("shutdown timeout (%ld ms): %llu spans dropped (%llu in flight, %zu queued)", timeout_ms,
			(unsigned long long) (aborted + leftover), (unsigned long long) aborted, leftover);
	}
	curl_global_cleanup();
}
