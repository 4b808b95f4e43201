/* OTLP encode throughput: how many realistic GenAI spans per second one core turns into
 * ExportTraceServiceRequest bytes, protobuf (what the exporter sends by default) and
 * OTLP-JSON (spectra.otel.protocol=http/json), for 1 and 100 spans per request.
 *
 *   make -C bench encode && bench/encode_bench [runs] [min_ms_per_run] [only]
 *
 * Each run encodes whole requests back to back, like the exporter does: a fresh buffer,
 * spectra_otlp_encode(), the bytes freed (the sender thread frees them after the POST).
 * A run lasts at least min_ms_per_run (default 200 ms); the table shows the median,
 * minimum and maximum spans/s over the runs (default 15). "only" (protobuf, json or build)
 * runs one row group, e.g. under valgrind --tool=callgrind to see where the time goes.
 * Timings are reported, never checked: this program exits 0 unless memory runs out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "span/span.h"
#include "otlp/otlp.h"
#include "otlp/console.h"
#include "otlp/encode_json.h"
#include "otlp/encode_protobuf.h"

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

static void die_oom(void)
{
	fprintf(stderr, "encode_bench: out of memory\n");
	exit(1);
}

static void need(bool ok)
{
	if (!ok) {
		die_oom();
	}
}

/* What spectra_span_build_native() makes for a successful OpenAI chat completion with
 * cached and reasoning tokens, a tool call, two tags, two metadata keys and a trackable:
 * 26 attributes of every type the builder uses. */
static spectra_span *make_genai_span(uint64_t seq)
{
	static const char *const finish_reasons[] = { "tool_calls" };
	static const char *const tags[] = { "summaries", "batch-nightly" };
	spectra_span *span = spectra_span_new();
	if (!span) {
		die_oom();
	}
	for (int i = 0; i < 16; i++) {
		span->trace_id[i] = (uint8_t) (0x4b + i * 7 + seq);
	}
	for (int i = 0; i < 8; i++) {
		span->span_id[i] = (uint8_t) (0x11 + i * 13 + (seq >> (i % 4)));
	}
	span->flags = 0x101; /* sampled, has is_remote, local parent */
	span->name = spectra_strdup("chat gpt-4o-mini");
	span->kind = SPECTRA_SPAN_KIND_CLIENT;
	span->start_time_unix_nano = UINT64_C(1760000000123456789) + seq * 1000003u;
	span->end_time_unix_nano = span->start_time_unix_nano + UINT64_C(842113587);

	spectra_attr_list *a = &span->attrs;
	char response_id[48];
	snprintf(response_id, sizeof(response_id), "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6P%06u", (unsigned) (seq % 1000000));
	need(span->name != NULL);
	need(spectra_attr_add_string(a, "gen_ai.operation.name", "chat"));
	need(spectra_attr_add_string(a, "gen_ai.provider.name", "openai"));
	need(spectra_attr_add_string(a, "gen_ai.request.model", "gpt-4o-mini"));
	need(spectra_attr_add_string(a, "gen_ai.response.model", "gpt-4o-mini-2024-07-18"));
	need(spectra_attr_add_string(a, "gen_ai.response.id", response_id));
	need(spectra_attr_add_string(a, "gen_ai.conversation.id", "conv_01JD8Y6ZQ4S3X9T7W2K5M1N0PA"));
	need(spectra_attr_add_strings(a, "gen_ai.response.finish_reasons", finish_reasons, 1));
	need(spectra_attr_add_int(a, "gen_ai.usage.input_tokens", 1873));
	need(spectra_attr_add_int(a, "gen_ai.usage.output_tokens", 412));
	need(spectra_attr_add_int(a, "gen_ai.usage.cache_read.input_tokens", 1536));
	need(spectra_attr_add_int(a, "gen_ai.usage.reasoning.output_tokens", 128));
	need(spectra_attr_add_string(a, "server.address", "api.openai.com"));
	need(spectra_attr_add_int(a, "server.port", 443));
	need(spectra_attr_add_double(a, "spectra.cost.total_cents", 0.0356025));
	need(spectra_attr_add_double(a, "spectra.cost.input_cents", 0.0108825));
	need(spectra_attr_add_double(a, "spectra.cost.output_cents", 0.02472));
	need(spectra_attr_add_string(a, "spectra.cost.currency", "USD"));
	need(spectra_attr_add_bool(a, "spectra.cost.known", true));
	need(spectra_attr_add_string(a, "spectra.pricing_tier", "standard"));
	need(spectra_attr_add_string(a, "spectra.model_type", "text"));
	need(spectra_attr_add_int(a, "spectra.tool_calls.function", 2));
	need(spectra_attr_add_string(a, "spectra.trackable.type", "App\\Models\\Team"));
	need(spectra_attr_add_string(a, "spectra.trackable.id", "42"));
	need(spectra_attr_add_strings(a, "spectra.tags", tags, 2));
	need(spectra_attr_add_int(a, "spectra.metadata.document_id", 90211));
	need(spectra_attr_add_string(a, "spectra.metadata.locale", "en-GB"));
	return span;
}

/* The resource export_config.c builds (service, SDK, host, process) plus one
 * OTEL_RESOURCE_ATTRIBUTES entry. */
static void make_resource(spectra_resource *resource)
{
	spectra_resource_init(resource);
	resource->scope_name = spectra_strdup("spectra");
	resource->scope_version = spectra_strdup("0.1.0");
	spectra_attr_list *a = &resource->attrs;
	need(resource->scope_name && resource->scope_version);
	need(spectra_attr_add_string(a, "service.name", "checkout-api"));
	need(spectra_attr_add_string(a, "service.version", "2.14.1"));
	need(spectra_attr_add_string(a, "telemetry.sdk.name", "spectra"));
	need(spectra_attr_add_string(a, "telemetry.sdk.language", "php"));
	need(spectra_attr_add_string(a, "telemetry.sdk.version", "0.1.0"));
	need(spectra_attr_add_string(a, "host.name", "web-7f9c6d5b8-x2kqp"));
	need(spectra_attr_add_int(a, "process.pid", 48213));
	need(spectra_attr_add_string(a, "process.runtime.name", "php"));
	need(spectra_attr_add_string(a, "process.runtime.version", "8.2.36"));
	need(spectra_attr_add_string(a, "deployment.environment.name", "production"));
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return (x > y) - (x < y);
}

typedef struct {
	double median, min, max;
	size_t bytes_per_request;
} result;

static volatile size_t sink; /* keeps the encoder's output observable */

static result run_encode(spectra_otlp_format format, const spectra_resource *resource, spectra_span *const *spans,
	size_t batch, int runs, double min_ms)
{
	double *rates = malloc(sizeof(double) * (size_t) runs);
	if (!rates) {
		die_oom();
	}
	result r = { 0 };
	/* warm-up, and the request size */
	for (int i = 0; i < 200; i++) {
		spectra_buf out;
		spectra_buf_init(&out);
		if (!spectra_otlp_encode(format, resource, spans, batch, &out)) {
			die_oom();
		}
		r.bytes_per_request = out.len;
		spectra_buf_free(&out);
	}
	for (int run = 0; run < runs; run++) {
		uint64_t start = now_ns(), elapsed;
		size_t requests = 0;
		do {
			for (int i = 0; i < 64; i++) {
				spectra_buf out;
				spectra_buf_init(&out);
				if (!spectra_otlp_encode(format, resource, spans, batch, &out)) {
					die_oom();
				}
				sink += out.len;
				spectra_buf_free(&out);
			}
			requests += 64;
			elapsed = now_ns() - start;
		} while ((double) elapsed < min_ms * 1e6);
		rates[run] = (double) (requests * batch) / ((double) elapsed / 1e9);
	}
	qsort(rates, (size_t) runs, sizeof(double), compare_double);
	r.median = runs % 2 ? rates[runs / 2] : (rates[runs / 2 - 1] + rates[runs / 2]) / 2;
	r.min = rates[0];
	r.max = rates[runs - 1];
	free(rates);
	return r;
}

/* For reference: building the same span with the spectra_attr_add_* calls and freeing it
 * (the C share of what the native builder does per track()). */
static result run_build(int runs, double min_ms)
{
	double *rates = malloc(sizeof(double) * (size_t) runs);
	if (!rates) {
		die_oom();
	}
	result r = { 0 };
	uint64_t seq = 0;
	for (int run = 0; run < runs; run++) {
		uint64_t start = now_ns(), elapsed;
		size_t built = 0;
		do {
			for (int i = 0; i < 64; i++) {
				spectra_span *span = make_genai_span(seq++);
				sink += span->attrs.count;
				spectra_span_free(span);
			}
			built += 64;
			elapsed = now_ns() - start;
		} while ((double) elapsed < min_ms * 1e6);
		rates[run] = (double) built / ((double) elapsed / 1e9);
	}
	qsort(rates, (size_t) runs, sizeof(double), compare_double);
	r.median = runs % 2 ? rates[runs / 2] : (rates[runs / 2 - 1] + rates[runs / 2]) / 2;
	r.min = rates[0];
	r.max = rates[runs - 1];
	free(rates);
	return r;
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 15;
	double min_ms = argc > 2 ? atof(argv[2]) : 200.0;
	const char *only = argc > 3 ? argv[3] : NULL;
	if (runs < 1 || min_ms <= 0 || argc > 4
		|| (only && strcmp(only, "protobuf") != 0 && strcmp(only, "json") != 0 && strcmp(only, "build") != 0)) {
		fprintf(stderr, "usage: %s [runs >= 1] [min_ms_per_run > 0] [protobuf|json|build]\n", argv[0]);
		return 2;
	}

	enum { MAX_BATCH = 100 };
	spectra_span *spans[MAX_BATCH];
	for (size_t i = 0; i < MAX_BATCH; i++) {
		spans[i] = make_genai_span(i);
	}
	spectra_resource resource;
	make_resource(&resource);
	spectra_otlp_prepare_resource(&resource); /* as the extension does once per process */

	printf("OTLP encode, one core: %zu attributes per span, %zu resource attributes, %d runs of >= %.0f ms\n",
		spans[0]->attrs.count, resource.attrs.count, runs, min_ms);
	printf("%-9s %6s %14s %14s %14s %12s %11s\n", "format", "batch", "spans/s med", "spans/s min", "spans/s max",
		"bytes/req", "ns/span");
	static const struct {
		spectra_otlp_format format;
		const char *name;
	} formats[] = { { SPECTRA_OTLP_PROTOBUF, "protobuf" }, { SPECTRA_OTLP_JSON, "json" } };
	static const size_t batches[] = { 1, 100 };
	for (size_t f = 0; f < 2; f++) {
		if (only && strcmp(only, formats[f].name) != 0) {
			continue;
		}
		for (size_t b = 0; b < 2; b++) {
			result r = run_encode(formats[f].format, &resource, spans, batches[b], runs, min_ms);
			printf("%-9s %6zu %14.0f %14.0f %14.0f %12zu %11.0f\n", formats[f].name, batches[b], r.median, r.min, r.max,
				r.bytes_per_request, 1e9 / r.median);
			fflush(stdout);
		}
	}
	if (!only || strcmp(only, "build") == 0) {
		result build = run_build(runs, min_ms);
		printf("%-9s %6s %14.0f %14.0f %14.0f %12s %11.0f\n", "build", "-", build.median, build.min, build.max, "-",
			1e9 / build.median);
	}

	for (size_t i = 0; i < MAX_BATCH; i++) {
		spectra_span_free(spans[i]);
	}
	spectra_resource_free(&resource);
	return 0;
}
