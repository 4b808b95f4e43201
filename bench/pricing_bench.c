/* Pricing cost per tracked call, catalog lookup against catalog size, and the catalog's load
 * cost and size. Built twice by bench/pricing_bench.sh: against this tree and against the
 * sources of a baseline commit (the earlier 340-row catalog), so the two are compared in the
 * same run. Timings are reported, never checked.
 *
 *   bench/pricing_bench.sh [BASE_COMMIT] [RUNS]
 *   pricing_bench [runs] [min_ms]       (one build; prints a table)
 *
 * Rows: spectra_price_record() of a finished record, as the pipeline calls it once per
 * request (lookup + cost + rounding), for an exact-id model, a rule-matched one, a dated id,
 * an unknown model; then spectra_pricing_lookup() alone for the first and last model of each
 * provider listed (cost independent of where the id sits and of the provider's size), and every
 * id of the catalog in turn (the mean over the whole catalog, memo missing). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_time.h"

#include "pricing/price_record.h"
#include "pricing/pricing.h"
#include "providers/providers.h"

typedef struct {
	const char *label;
	const char *provider;
	const char *model;
} priced_call;

static volatile double sink;

/* ns per call of step(arg), median of runs of at least min_ms each (steps in batches) */
static double median_ns_batched(void (*step)(const void *), const void *arg, int runs, double min_ms, int batch)
{
	double samples[64];
	runs = runs < 1 ? 1 : runs > 64 ? 64 : runs;
	for (int r = 0; r < runs; r++) {
		uint64_t start = now_ns();
		uint64_t calls = 0;
		while ((double) (now_ns() - start) < min_ms * 1e6) {
			for (int i = 0; i < batch; i++) {
				step(arg);
			}
			calls += (uint64_t) batch;
		}
		samples[r] = (double) (now_ns() - start) / (double) calls;
	}
	qsort(samples, (size_t) runs, sizeof samples[0], compare_doubles);
	return samples[runs / 2];
}

static double median_ns(void (*step)(const void *), const void *arg, int runs, double min_ms)
{
	return median_ns_batched(step, arg, runs, min_ms, 1000);
}

static void price_step(const void *arg)
{
	spectra_record *record = (spectra_record *) arg;
	spectra_price_record(record, "standard");
	sink += record->total_cost;
}

static void lookup_step(const void *arg)
{
	const priced_call *call = arg;
	sink += spectra_pricing_lookup(call->provider, call->model, NULL) != NULL;
}

/* spectra_price_record on a finished record of that model, as the pipeline prices it */
static double price_record_ns(const priced_call *call, int runs, double min_ms)
{
	spectra_record *record = spectra_record_new();
	spectra_record_set(record, &record->provider, call->provider);
	spectra_record_set(record, &record->model, call->model);
	record->provider_info = spectra_provider_find(call->provider, strlen(call->provider));
	record->usage_seen = true;
	record->prompt_tokens = 1200;
	record->cached_tokens = 200;
	record->completion_tokens = 300;
	record->start_wall_ns = UINT64_C(1790856000000000000);
	double ns = median_ns(price_step, record, runs, min_ms);
	spectra_record_free(record);
	return ns;
}

/* Every id of the catalog looked up in turn (more ids than the per-thread memo holds, so each
 * lookup does the full search): the mean cost over the whole catalog, whatever its size. */
static void whole_catalog_step(const void *arg)
{
	(void) arg;
#ifdef SPECTRA_PRICING_CATALOG_H
	for (size_t i = 0; i < spectra_catalog_model_count; i++) {
		const spectra_price *row = &spectra_catalog_models[i];
		sink += spectra_pricing_lookup(row->provider, row->model, row->tier) != NULL;
	}
#else
	for (size_t i = 0; i < spectra_pricing_builtin_row_count; i++) {
		const spectra_price *row = &spectra_pricing_builtin_rows[i];
		sink += spectra_pricing_lookup(row->provider, row->model, row->tier) != NULL;
	}
#endif
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 9;
	double min_ms = argc > 2 ? atof(argv[2]) : 100;
	static const priced_call calls[] = {
		{ "exact id", "openai", "gpt-4o-mini" },
		{ "rule-matched id", "anthropic", "claude-sonnet-4-5" },
		{ "dated id", "anthropic", "claude-sonnet-4-5-20250929" },
		{ "google", "google", "gemini-2.5-flash" },
		{ "openrouter", "openrouter", "openai/gpt-4o-mini" },
		{ "unknown model", "openai", "gpt-nonexistent" },
	};
	printf("catalog: %zu prices\n", spectra_pricing_builtin_count());
	printf("%-22s %-34s %10s\n", "spectra_price_record", "model", "ns/call");
	for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		printf("%-22s %-34s %10.1f\n", calls[i].label, calls[i].model, price_record_ns(&calls[i], runs, min_ms));
	}
	static const priced_call lookups[] = {
		{ "openai first", "openai", "gpt-3.5-turbo" },
		{ "openai last", "openai", "whisper-1" },
		{ "openrouter first", "openrouter", "01-ai/yi-large" },
		{ "openrouter last", "openrouter", "z-ai/glm-4.6" },
		{ "cerebras", "cerebras", "llama3.1-8b" },
		{ "groq", "groq", "llama-3.1-8b-instant" },
	};
	printf("%-22s %-34s %10s\n", "spectra_pricing_lookup", "model", "ns/call");
	for (size_t i = 0; i < sizeof lookups / sizeof lookups[0]; i++) {
		printf("%-22s %-34s %10.1f\n", lookups[i].label, lookups[i].model,
			median_ns(lookup_step, &lookups[i], runs, min_ms));
	}
	size_t ids = spectra_pricing_builtin_count();
	double sweep = median_ns_batched(whole_catalog_step, NULL, runs, min_ms, 1);
	printf("%-22s %-34zu %10.1f\n", "every catalog id", ids, sweep / (double) ids);
	return 0;
}
