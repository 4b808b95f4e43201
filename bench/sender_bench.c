/* Sender throughput: how many GenAI spans per second one sender thread delivers to a
 * loopback OTLP/HTTP receiver, and how much CPU it spends per span. The whole sender path
 * runs as in the extension: the span built from the record on the sender thread (the
 * native builder), OTLP protobuf encoding, the merged POST over libcurl, and freeing the
 * records.
 *
 *   bench/sender_bench ENDPOINT [spans_per_run] [runs] [spans_per_item] [spans_per_post]
 *
 * Each run makes spans_per_run span jobs first (untimed), then hands them to the exporter
 * in items of spans_per_item (256: what after_response hands over at its pending limit)
 * as fast as it can and waits for the flush. spans_per_post sets the exporter's
 * max_export_batch_size (0 = its default, 512), for batch-size tuning; the environment's
 * SENDERS, when set, its max_concurrent_exports (sender threads). Reported per run: spans/s = spans / wall time
 * from the first hand-over to the flush returning; sender CPU/span = (process CPU, all
 * threads, getrusage RUSAGE_SELF) - (this thread's CPU, RUSAGE_THREAD) over the same
 * interval, divided by the spans; stolen = the share of all vCPUs' time the hypervisor gave
 * to other guests during the run (/proc/stat), which on a shared VM makes the same work cost
 * more CPU time. The table shows medians, min and max, and the exporter's
 * queued / sent / dropped / failed counters; the program exits 1 when any span was not
 * sent, so a run that skipped work never passes for a fast one. Built by
 * `make -C bench sender` (which also starts bench/otlp_sink); see bench/README.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "export/exporter.h"
#include "export/span_batch.h"
#include "otlp/encode_protobuf.h"
#include "providers/providers.h"
#include "record/record.h"
#include "span/native_builder.h"
#include "span/span_job.h"

static void die(const char *what)
{
	fprintf(stderr, "sender_bench: %s\n", what);
	exit(2);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

typedef struct {
	double user, sys;
} cpu_times;

static cpu_times cpu_s(int who)
{
	struct rusage usage;
	getrusage(who, &usage);
	cpu_times t = { (double) usage.ru_utime.tv_sec + (double) usage.ru_utime.tv_usec / 1e6,
		(double) usage.ru_stime.tv_sec + (double) usage.ru_stime.tv_usec / 1e6 };
	return t;
}

/* The CPU time the hypervisor gave to other guests (the "steal" column of /proc/stat, all
 * vCPUs, in clock ticks), or -1 where that is not known: printed next to each run, since on a
 * shared VM the same code costs more CPU time in the minutes much is stolen. */
static long long steal_ticks(void)
{
	FILE *stat = fopen("/proc/stat", "r");
	if (!stat) {
		return -1;
	}
	long long user, nice, system, idle, iowait, irq, softirq, steal;
	int got = fscanf(stat, "cpu %lld %lld %lld %lld %lld %lld %lld %lld", &user, &nice, &system, &idle, &iowait, &irq,
		&softirq, &steal);
	fclose(stat);
	return got == 8 ? steal : -1;
}

/* The record the extension makes for the chat completion of bench/track_overhead.php, with
 * a tool call, and the context attributes of two tags, two metadata keys and a trackable:
 * its native span has the 26 attributes of bench/encode_bench.c. */
static spectra_span_job *make_job(uint64_t seq)
{
	spectra_record *r = spectra_record_new();
	if (!r) {
		die("out of memory");
	}
	for (int i = 0; i < 16; i++) {
		r->trace_id[i] = (uint8_t) (0x4b + i * 7 + seq);
	}
	for (int i = 0; i < 8; i++) {
		r->span_id[i] = (uint8_t) (0x11 + i * 13 + (seq >> (i % 4)));
	}
	snprintf(r->id, sizeof r->id, "01JD8Y6ZQ4S3X9T7W2K%07u", (unsigned) (seq % 10000000));
	char response_id[48];
	snprintf(response_id, sizeof response_id, "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6P%06u", (unsigned) (seq % 1000000));
	spectra_record_set(r, &r->provider, "openai");
	r->provider_info = spectra_provider_find("openai", 6);
	spectra_record_set(r, &r->model, "gpt-4o-mini");
	spectra_record_set(r, &r->snapshot, "gpt-4o-mini-2024-07-18");
	spectra_record_set(r, &r->response_id, response_id);
	spectra_record_set(r, &r->conversation_id, "conv_01JD8Y6ZQ4S3X9T7W2K5M1N0PA");
	spectra_record_set(r, &r->model_type, "text");
	spectra_record_set(r, &r->server_address, "api.openai.com");
	r->server_port = 443;
	spectra_record_set(r, &r->pricing_tier, "standard");
	spectra_record_add_finish_reason(r, "tool_calls", 10);
	spectra_record_count_tool_call(r, "function", 8, 2);
	r->usage_seen = true;
	r->prompt_tokens = 1873;
	r->completion_tokens = 412;
	r->cached_tokens = 1536;
	r->reasoning_tokens = 128;
	r->prompt_cost = 0.0108825;
	r->completion_cost = 0.02472;
	r->total_cost = 0.0356025;
	r->cost_known = true;
	r->start_wall_ns = UINT64_C(1760000000123456789) + seq * 1000003u;
	r->start_mono_ns = 1000000000u + seq;
	r->end_mono_ns = r->start_mono_ns + 842113587u;
	spectra_record_set(r, &r->trackable_type, "App\\Models\\Team");
	r->completed = true;

	spectra_span_job *job = spectra_span_job_new(r, true, false);
	static const char *const tags[] = { "summaries", "batch-nightly" };
	spectra_attr_list *a = job ? &job->context_attrs : NULL;
	/* the item array sized at once, as spectra_span_job_capture() does */
	if (!job || !spectra_attr_list_reserve(a, 4, 0) || !spectra_attr_add_string(a, "spectra.trackable.id", "42")
		|| !spectra_attr_add_strings(a, "spectra.tags", tags, 2)
		|| !spectra_attr_add_int(a, "spectra.metadata.document_id", 90211)
		|| !spectra_attr_add_string(a, "spectra.metadata.locale", "en-GB")) {
		die("out of memory");
	}
	return job;
}

static void make_resource(spectra_resource *resource)
{
	spectra_resource_init(resource);
	resource->scope_name = spectra_strdup("spectra");
	resource->scope_version = spectra_strdup("0.1.0");
	spectra_attr_list *a = &resource->attrs;
	if (!resource->scope_name || !resource->scope_version || !spectra_attr_add_string(a, "service.name", "checkout-api")
		|| !spectra_attr_add_string(a, "service.version", "2.14.1")
		|| !spectra_attr_add_string(a, "telemetry.sdk.name", "spectra")
		|| !spectra_attr_add_string(a, "telemetry.sdk.language", "php")
		|| !spectra_attr_add_string(a, "telemetry.sdk.version", "0.1.0")
		|| !spectra_attr_add_string(a, "host.name", "web-7f9c6d5b8-x2kqp")
		|| !spectra_attr_add_int(a, "process.pid", 48213) || !spectra_attr_add_string(a, "process.runtime.name", "php")
		|| !spectra_attr_add_string(a, "process.runtime.version", "8.2.36")
		|| !spectra_attr_add_string(a, "deployment.environment.name", "production")
		|| !spectra_otlp_prepare_resource(resource)) {
		die("out of memory");
	}
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return (x > y) - (x < y);
}

static double median(double *values, int n)
{
	qsort(values, (size_t) n, sizeof *values, compare_double);
	return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 6) {
		fprintf(stderr, "usage: %s ENDPOINT [spans_per_run] [runs] [spans_per_item] [spans_per_post]\n", argv[0]);
		return 2;
	}
	size_t spans = argc > 2 ? (size_t) atol(argv[2]) : 100000;
	int runs = argc > 3 ? atoi(argv[3]) : 7;
	size_t per_item = argc > 4 ? (size_t) atol(argv[4]) : 256;
	size_t per_post = argc > 5 ? (size_t) atol(argv[5]) : 0;
	if (spans < 1 || runs < 1 || per_item < 1) {
		die("spans_per_run, runs and spans_per_item must be >= 1");
	}

	spectra_export_config config = { 0 };
	config.endpoint = argv[1];
	config.format = SPECTRA_OTLP_PROTOBUF;
	config.mode = SPECTRA_EXPORT_AFTER_RESPONSE;
	config.timeout_ms = 10000;
	config.connect_timeout_ms = 2000;
	/* the whole run fits, in bytes and in spans: this measures the sender, not the queue's
	 * caps (the default cap of 65 536 spans dropped part of a 100 000-span run) */
	config.max_queue_bytes = (spans + per_item) * 1024 * 2;
	config.retry_budget_ms = 5000;
	config.max_export_batch_size = per_post;
	config.max_concurrent_exports = getenv("SENDERS") ? (size_t) atoi(getenv("SENDERS")) : 0;
	config.max_queue_size = per_post > spans + per_item ? per_post : spans + per_item;
	if (!spectra_exporter_init(&config)) {
		die("exporter init failed");
	}
	spectra_resource resource;
	make_resource(&resource);

	printf("sender: %zu spans per run in items of %zu, at most %zu per POST, %d runs, protobuf, endpoint %s\n", spans,
		per_item, per_post ? per_post : 512, runs, argv[1]);
	double *rates = calloc((size_t) runs, sizeof *rates);
	double *cpu_per_span = calloc((size_t) runs, sizeof *cpu_per_span);
	double *sys_per_span = calloc((size_t) runs, sizeof *sys_per_span);
	spectra_span_job **jobs = calloc(spans, sizeof *jobs);
	if (!rates || !cpu_per_span || !sys_per_span || !jobs) {
		die("out of memory");
	}
	uint64_t seq = 0;
	/* run 0 warms up (thread start, the connection) and is not counted */
	for (int run = -1; run < runs; run++) {
		size_t n = run < 0 ? per_item * 4 : spans;
		for (size_t i = 0; i < n; i++) {
			jobs[i] = make_job(seq++);
		}
		double wall0 = now_s();
		long long steal0 = steal_ticks();
		cpu_times self0 = cpu_s(RUSAGE_SELF), thread0 = cpu_s(RUSAGE_THREAD);
		for (size_t i = 0; i < n; i += per_item) {
			size_t count = n - i < per_item ? n - i : per_item;
			spectra_span_job **item_jobs = malloc(count * sizeof *item_jobs);
			if (!item_jobs) {
				die("out of memory");
			}
			memcpy(item_jobs, jobs + i, count * sizeof *item_jobs);
			/* what src/php/delivery/emit.c submits: the same batch type */
			spectra_deferred_payload *batch =
				spectra_span_batch_new(SPECTRA_OTLP_PROTOBUF, &resource, item_jobs, count);
			if (!batch) {
				die("out of memory");
			}
			spectra_exporter_submit_deferred(batch, spectra_span_batch_overhead(count) + count * 1024, count);
		}
		if (!spectra_exporter_flush(120000)) {
			die("flush timed out");
		}
		double wall = now_s() - wall0;
		cpu_times self1 = cpu_s(RUSAGE_SELF), thread1 = cpu_s(RUSAGE_THREAD);
		long long steal1 = steal_ticks();
		double sender_user = (self1.user - self0.user) - (thread1.user - thread0.user);
		double sender_sys = (self1.sys - self0.sys) - (thread1.sys - thread0.sys);
		if (run >= 0) {
			rates[run] = (double) n / wall;
			cpu_per_span[run] = (sender_user + sender_sys) / (double) n * 1e6;
			sys_per_span[run] = sender_sys / (double) n * 1e6;
			/* stolen share of all vCPUs' time during the run */
			double stolen = steal0 >= 0 && steal1 >= steal0 ? (double) (steal1 - steal0) / (double) sysconf(_SC_CLK_TCK)
					/ (wall * (double) sysconf(_SC_NPROCESSORS_ONLN))
															: -1;
			printf("  run %d: %.0f spans/s, sender CPU %.3f us/span (of which kernel %.3f), stolen %s%.0f%%\n", run + 1,
				rates[run], cpu_per_span[run], sys_per_span[run], stolen < 0 ? "?" : "",
				stolen < 0 ? 0.0 : stolen * 100);
			fflush(stdout);
		}
	}
	spectra_export_stats stats;
	spectra_exporter_get_stats(&stats);
	double rate_med = median(rates, runs), cpu_med = median(cpu_per_span, runs), sys_med = median(sys_per_span, runs);
	printf("%-8s %12s %12s %12s %16s %12s %10s %10s %8s %8s\n", "", "spans/s med", "min", "max", "CPU us/span med",
		"kernel med", "queued", "sent", "dropped", "failed");
	printf("%-8s %12.0f %12.0f %12.0f %16.3f %12.3f %10llu %10llu %8llu %8llu\n", "sender", rate_med, rates[0],
		rates[runs - 1], cpu_med, sys_med, (unsigned long long) stats.queued, (unsigned long long) stats.sent,
		(unsigned long long) stats.dropped, (unsigned long long) stats.failed);
	spectra_exporter_shutdown(5000);
	spectra_resource_free(&resource);
	free(rates);
	free(cpu_per_span);
	free(sys_per_span);
	free(jobs);
	if (stats.sent != stats.queued || stats.dropped || stats.failed) {
		fprintf(stderr, "sender_bench: FAILED: %llu of %llu spans not sent (dropped %llu, failed %llu): %s\n",
			(unsigned long long) (stats.queued - stats.sent), (unsigned long long) stats.queued,
			(unsigned long long) stats.dropped, (unsigned long long) stats.failed, stats.last_error);
		return 1;
	}
	return 0;
}
