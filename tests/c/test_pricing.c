/* Pricing stage: lookup, cost formulas, tool-call surcharges, the pricing file and the JSON
 * reader. Expected cents are computed by hand from the CSV rows quoted in the comments
 * (prices are cents per 1M tokens, or cents per unit). */
#include "pricing/price_record.h"
#include "check.h"
#include "pricing/pricing.h"
#include "pricing/model_match.h"
#include "util/buf.h"
#include "util/json_reader.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef SPECTRA_TEST_CATALOG_CSV
#define SPECTRA_TEST_CATALOG_CSV "../../data/pricing-catalog.csv"
#endif

/* src/pricing/catalog_data.c's header: @pydantic/genai-prices 0.1.8 has 43 providers and 1694
 * models; of the 340 rows of pricing-catalog.csv 217 are kept (other tiers, unit-priced models,
 * models genai-prices lacks). */
#define CATALOG_PROVIDERS 43
#define CATALOG_GENAI_MODELS 1694
#define CSV_ROWS 340
#define KEPT_ROWS 217
#define KEPT_MODELS 181

static void check_cents(double actual, double expected, const char *what, int line)
{
	bool ok = fabs(actual - expected) <= 1e-12 + 1e-9 * fabs(expected);
	if (!check(ok, what, line)) {
		fprintf(stderr, "     got %.12g, expected %.12g\n", actual, expected);
	}
}

#define CHECK_CENTS(actual, expected) check_cents((actual), (expected), #actual " == " #expected, __LINE__)

/* The record fields the tests price by (the pipeline's normalised usage). */
typedef struct {
	int64_t prompt_tokens;
	int64_t completion_tokens;
	int64_t cached_tokens;
	int64_t cache_write_tokens;
	int64_t cache_write_1h_tokens;
	int64_t reasoning_tokens;
	double duration_seconds;
	int64_t input_characters;
	int64_t image_count;
	int64_t video_count;
	double search_units; /* Cohere rerank's billed search units */
} test_usage;

/* A fixed request time (2026-10-01T12:00:00Z): no test depends on the clock. */
#define TEST_START_NS UINT64_C(1790856000000000000)

typedef struct {
	double prompt_cents;
	double completion_cents;
	double total_cents;
	bool known;
	char reason[SPECTRA_COST_REASON_SIZE];
} test_cost;

/* Prices usage as a finished record: tokens as reported usage, unit quantities when given
 * (0 = not given, so a test states every quantity it relies on). */
static test_cost cost_for(const char *provider, const char *model, const char *tier, test_usage usage)
{
	spectra_record *r = spectra_record_new();
	spectra_record_set(r, &r->provider, provider);
	spectra_record_set(r, &r->model, model);
	if (tier) {
		spectra_record_set(r, &r->pricing_tier, tier);
	}
	r->start_wall_ns = TEST_START_NS;
	r->usage_seen = usage.prompt_tokens || usage.completion_tokens;
	r->prompt_tokens = usage.prompt_tokens;
	r->completion_tokens = usage.completion_tokens;
	r->cached_tokens = usage.cached_tokens;
	r->cache_write_tokens = usage.cache_write_tokens;
	r->cache_write_1h_tokens = usage.cache_write_1h_tokens;
	r->reasoning_tokens = usage.reasoning_tokens;
	r->duration_seconds = usage.duration_seconds ? usage.duration_seconds : -1;
	r->input_characters = usage.input_characters ? usage.input_characters : -1;
	r->image_count = usage.image_count ? usage.image_count : -1;
	r->video_count = usage.video_count ? usage.video_count : -1;
	if (usage.search_units) {
		r->usage[SPECTRA_USAGE_rerank_searches] = usage.search_units;
	}
	spectra_record_clamp_usage(r); /* as the pipeline does before pricing */
	spectra_price_record(r, "standard");
	test_cost cost = { r->prompt_cost, r->completion_cost, r->total_cost, r->cost_known, "" };
	snprintf(cost.reason, sizeof cost.reason, "%s", r->cost_reason ? r->cost_reason : "");
	spectra_record_free(r);
	return cost;
}

/* A price's rate for a usage key in cents per unit size (per 1M tokens...), -1 = not priced. */
static double rate(const spectra_price *price, spectra_usage_key key)
{
	const spectra_unit_price *unit =
		spectra_price_set_find(spectra_pricing_select_set(price, (int64_t) (TEST_START_NS / 1000000)), key);
	return unit ? unit->price * 100 : -1;
}

static void test_token_costs(void)
{
	/* openai,gpt-4o-mini,standard: input 15, output 60, cached 7.5
	 * 100*15/1e6 = 0.0015; 50*60/1e6 = 0.003; total 0.0045 */
	test_cost cost =
		cost_for("openai", "gpt-4o-mini", NULL, (test_usage){ .prompt_tokens = 100, .completion_tokens = 50 });
	CHECK(cost.known);
	CHECK_CENTS(cost.prompt_cents, 0.0015);
	CHECK_CENTS(cost.completion_cents, 0.003);
	CHECK_CENTS(cost.total_cents, 0.0045);

	/* openai,gpt-4o,standard: input 250, output 1000, cached 125.
	 * 1000 prompt of which 400 cached: 600*250 + 400*125 = 150000 + 50000 -> 0.2;
	 * 200 out: 200*1000 -> 0.2; total 0.4 */
	cost = cost_for("openai", "gpt-4o", "standard",
		(test_usage){ .prompt_tokens = 1000, .cached_tokens = 400, .completion_tokens = 200 });
	CHECK_CENTS(cost.prompt_cents, 0.2);
	CHECK_CENTS(cost.completion_cents, 0.2);
	CHECK_CENTS(cost.total_cents, 0.4);

	/* anthropic,claude-sonnet-4-5-20250929,standard: input 300, output 1500, cached 30,
	 * cache_write_5m 375. Anthropic usage input_tokens 100, cache_read 2000, cache_creation 1000
	 * normalises to prompt 3100 (cached 2000, cache_write 1000); 500 out.
	 * 100*300 + 2000*30 + 1000*375 = 30000 + 60000 + 375000 = 465000 -> 0.465;
	 * 500*1500 = 750000 -> 0.75; total 1.215 */
	cost = cost_for("anthropic", "claude-sonnet-4-5-20250929", NULL,
		(test_usage){ .prompt_tokens = 3100,
			.cached_tokens = 2000,
			.cache_write_tokens = 1000,
			.completion_tokens = 500 });
	CHECK(cost.known);
	CHECK_CENTS(cost.prompt_cents, 0.465);
	CHECK_CENTS(cost.completion_cents, 0.75);
	CHECK_CENTS(cost.total_cents, 1.215);

	/* The anchor's worked example, no caching: 21*300/1e6 = 0.0063; 305*1500/1e6 = 0.4575;
	 * total 0.4638 */
	cost = cost_for("anthropic", "claude-sonnet-4-5-20250929", NULL,
		(test_usage){ .prompt_tokens = 21, .completion_tokens = 305 });
	CHECK_CENTS(cost.total_cents, 0.4638);

	/* google,gemini-2.5-flash,standard: input 30, output 250, cached 3.
	 * promptTokenCount 1000 (cachedContentTokenCount 500), candidatesTokenCount 200,
	 * thoughtsTokenCount 800: completion = 200 + 800 = 1000, reasoning 800 (not added again).
	 * 500*30 + 500*3 = 15000 + 1500 = 16500 -> 0.0165; 1000*250 = 250000 -> 0.25;
	 * total 0.2665 */
	cost = cost_for("google", "gemini-2.5-flash", NULL,
		(test_usage){ .prompt_tokens = 1000,
			.cached_tokens = 500,
			.completion_tokens = 1000,
			.reasoning_tokens = 800 });
	CHECK_CENTS(cost.prompt_cents, 0.0165);
	CHECK_CENTS(cost.completion_cents, 0.25);
	CHECK_CENTS(cost.total_cents, 0.2665);

	/* Negative counts count as 0; the cached part is capped by the prompt (the record's clamp).
	 * gpt-4o-mini: prompt -5, completion -7 -> 0. prompt 10 with cached 40: cached 10,
	 * uncached 0: 10*7.5 = 75 -> 0.000075 */
	cost = cost_for("openai", "gpt-4o-mini", NULL,
		(test_usage){ .prompt_tokens = -5, .completion_tokens = -7, .cached_tokens = -3 });
	CHECK(cost.known);
	CHECK_CENTS(cost.total_cents, 0.0);
	cost = cost_for("openai", "gpt-4o-mini", NULL, (test_usage){ .prompt_tokens = 10, .cached_tokens = 40 });
	CHECK_CENTS(cost.prompt_cents, 0.000075);
}

static void test_tiers(void)
{
	/* openai,gpt-4o,batch: input 125, output 500, cached empty -> input rate 125.
	 * 600*125 + 400*125 = 125000 -> 0.125; 200*500 = 100000 -> 0.1; total 0.225 */
	test_usage usage = { .prompt_tokens = 1000, .cached_tokens = 400, .completion_tokens = 200 };
	test_cost cost = cost_for("openai", "gpt-4o", "batch", usage);
	CHECK(cost.known);
	CHECK_CENTS(cost.prompt_cents, 0.125);
	CHECK_CENTS(cost.completion_cents, 0.1);
	CHECK_CENTS(cost.total_cents, 0.225);

	/* openai,gpt-4o,priority: input 425, output 1700, cached 212.5.
	 * 600*425 + 400*212.5 = 255000 + 85000 = 340000 -> 0.34; 200*1700 = 340000 -> 0.34;
	 * total 0.68 */
	cost = cost_for("openai", "gpt-4o", "priority", usage);
	CHECK_CENTS(cost.prompt_cents, 0.34);
	CHECK_CENTS(cost.completion_cents, 0.34);
	CHECK_CENTS(cost.total_cents, 0.68);

	/* openai,gpt-5.5,flex: input 250, output 1500. 1000 in -> 0.25; 100 out -> 0.15; total 0.4 */
	cost = cost_for("openai", "gpt-5.5", "flex", (test_usage){ .prompt_tokens = 1000, .completion_tokens = 100 });
	CHECK_CENTS(cost.total_cents, 0.4);

	/* anthropic,claude-sonnet-4-5-20250929,batch: input 150, output 750, cached 15, write 187.5.
	 * prompt 3100 = 100 uncached + 2000 cached + 1000 written; 500 out.
	 * 100*150 + 2000*15 + 1000*187.5 = 15000 + 30000 + 187500 = 232500 -> 0.2325;
	 * 500*750 = 375000 -> 0.375; total 0.6075 */
	cost = cost_for("anthropic", "claude-sonnet-4-5-20250929", "batch",
		(test_usage){ .prompt_tokens = 3100,
			.cached_tokens = 2000,
			.cache_write_tokens = 1000,
			.completion_tokens = 500 });
	CHECK_CENTS(cost.total_cents, 0.6075);

	/* NULL and "" mean standard: gpt-4o-mini standard input is 15 */
	const spectra_price *standard = spectra_pricing_lookup("openai", "gpt-4o-mini", "standard");
	CHECK(standard != NULL && rate(standard, SPECTRA_USAGE_input_tokens) == 15.0);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini", NULL) == standard);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini", "") == standard);

	/* unknown tier: no fallback to standard */
	CHECK(spectra_pricing_lookup("openai", "gpt-4o", "turbo") == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o", "hd") == NULL);
	CHECK(spectra_pricing_lookup("anthropic", "claude-sonnet-4-5-20250929", "priority") == NULL);
	cost = cost_for("openai", "gpt-4o", "turbo", usage);
	CHECK(!cost.known);
	CHECK(cost.prompt_cents == 0.0 && cost.completion_cents == 0.0 && cost.total_cents == 0.0);

	CHECK(spectra_pricing_is_known_tier("standard"));
	CHECK(spectra_pricing_is_known_tier("batch"));
	CHECK(spectra_pricing_is_known_tier("flex"));
	CHECK(spectra_pricing_is_known_tier("priority"));
	CHECK(spectra_pricing_is_known_tier("hd"));
	CHECK(spectra_pricing_is_known_tier(NULL));
	CHECK(spectra_pricing_is_known_tier(""));
	CHECK(!spectra_pricing_is_known_tier("turbo"));
	CHECK(!spectra_pricing_is_known_tier("Standard"));
}

static void test_lookup(void)
{
	const spectra_price *mini = spectra_pricing_lookup("openai", "gpt-4o-mini", NULL);
	const spectra_price *gpt4o = spectra_pricing_lookup("openai", "gpt-4o", NULL);
	CHECK(mini != NULL && gpt4o != NULL && mini != gpt4o);
	if (mini) {
		CHECK_STR(mini->display_name, "gpt 4o mini"); /* the genai-prices name */
		CHECK_STR(mini->type, "text");
		CHECK(rate(mini, SPECTRA_USAGE_output_tokens) == 60.0 && rate(mini, SPECTRA_USAGE_cache_read_tokens) == 7.5);
		CHECK(rate(mini, SPECTRA_USAGE_cache_write_tokens) < 0); /* not priced: written at the input rate */
	}

	/* trailing dates are stripped: -YYYYMMDD and -YYYY-MM-DD */
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini-20240718", NULL) == mini);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-2024-08-06", NULL) == gpt4o);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-2024-08-06", "priority")
		== spectra_pricing_lookup("openai", "gpt-4o", "priority"));
	/* a dated catalog id matches exactly */
	const spectra_price *sonnet = spectra_pricing_lookup("anthropic", "claude-sonnet-4-5-20250929", NULL);
	CHECK(sonnet != NULL && rate(sonnet, SPECTRA_USAGE_cache_write_tokens) == 375.0
		&& rate(sonnet, SPECTRA_USAGE_cache_write_1h_tokens) == 600.0);
	/* not a date suffix: nothing stripped */
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-2024-8-06", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-202408", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-2024080x", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o20240806", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "-20240806", NULL) == NULL);

	/* unknown model, wrong provider, prefixes of real ids */
	CHECK(spectra_pricing_lookup("openai", "gpt-unknown", NULL) == NULL);
	CHECK(spectra_pricing_lookup("anthropic", "gpt-4o", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-min", "batch") == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-min", NULL) == NULL);
	CHECK(spectra_pricing_lookup(NULL, "gpt-4o", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", NULL, NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "", NULL) == NULL);
	test_cost cost = cost_for("openai", "gpt-unknown", NULL, (test_usage){ .prompt_tokens = 100 });
	CHECK(!cost.known);
	CHECK(cost.total_cents == 0.0);
	spectra_cost none;
	spectra_pricing_compute(NULL, 0, NULL, &none);
	CHECK(!none.known && none.total_cents == 0.0 && strcmp(none.reason, "no price for this model") == 0);

	/* every built-in row is found by its own key */
	size_t found = 0;
	size_t rows = spectra_catalog_model_count - spectra_catalog_genai_model_count;
	for (size_t i = spectra_catalog_genai_model_count; i < spectra_catalog_model_count; i++) {
		const spectra_price *row = &spectra_catalog_models[i];
		found += spectra_pricing_lookup(row->provider, row->model, row->tier) == row;
	}
	CHECK(found == rows); /* the kept CSV rows: exact ids, nothing shadows them */
}

static void test_units(void)
{
	/* Token usage on unit models is ignored: prompt and completion stay 0. */
	/* openai,whisper-1,minute: 0.6 per minute. 90 s = 1.5 min -> 0.9 */
	test_cost cost = cost_for("openai", "whisper-1", NULL,
		(test_usage){ .duration_seconds = 90, .prompt_tokens = 1000, .completion_tokens = 1000 });
	CHECK(cost.known);
	CHECK_CENTS(cost.total_cents, 0.9);
	CHECK(cost.prompt_cents == 0.0 && cost.completion_cents == 0.0);

	/* openai,sora-2,second: 10 per second. 8 s -> 80 */
	cost = cost_for("openai", "sora-2", NULL, (test_usage){ .duration_seconds = 8 });
	CHECK_CENTS(cost.total_cents, 80.0);
	/* no duration: not a silent 0 but an unknown cost */
	cost = cost_for("openai", "sora-2", NULL, (test_usage){ .duration_seconds = -8 });
	CHECK(!cost.known && cost.total_cents == 0.0);
	CHECK_STR(cost.reason, "no usage reported for sora-2");

	/* mistral,voxtral-mini-tts-latest,characters: 1600 per 1M characters. 2500 chars -> 4 */
	cost = cost_for("mistral", "voxtral-mini-tts-latest", NULL, (test_usage){ .input_characters = 2500 });
	CHECK_CENTS(cost.total_cents, 4.0);

	/* openai,dall-e-3,image: standard 4 per image, hd 8. 3 standard -> 12; 2 hd -> 16 */
	cost = cost_for("openai", "dall-e-3", NULL, (test_usage){ .image_count = 3 });
	CHECK_CENTS(cost.total_cents, 12.0);
	cost = cost_for("openai", "dall-e-3", "hd", (test_usage){ .image_count = 2 });
	CHECK(cost.known);
	CHECK_CENTS(cost.total_cents, 16.0);
	CHECK(spectra_pricing_lookup("openai", "dall-e-3", "batch") == NULL);

	/* openrouter,minimax/video-01,video: 50 per video. 2 videos -> 100 */
	cost = cost_for("openrouter", "minimax/video-01", NULL, (test_usage){ .video_count = 2 });
	CHECK_CENTS(cost.total_cents, 100.0);

	/* cohere,rerank-v3.5,search: 0.2 per search unit. 3 units -> 0.6; none reported -> unknown */
	cost = cost_for("cohere", "rerank-v3.5", NULL, (test_usage){ .search_units = 3 });
	CHECK(cost.known);
	CHECK_CENTS(cost.total_cents, 0.6);
	cost = cost_for("cohere", "rerank-v3.5", NULL, (test_usage){ 0 });
	CHECK(!cost.known && cost.total_cents == 0.0);
	CHECK_STR(cost.reason, "no usage reported for rerank-v3.5");

	const spectra_price *whisper = spectra_pricing_lookup("openai", "whisper-1", NULL);
	CHECK(whisper != NULL && rate(whisper, SPECTRA_USAGE_audio_seconds) >= 0);
	CHECK(rate(spectra_pricing_lookup("openai", "sora-2", NULL), SPECTRA_USAGE_video_seconds) == 10.0);
	CHECK(rate(spectra_pricing_lookup("mistral", "voxtral-mini-tts-latest", NULL), SPECTRA_USAGE_input_characters)
		== 1600.0);
	CHECK(rate(spectra_pricing_lookup("openai", "dall-e-3", NULL), SPECTRA_USAGE_output_images) == 4.0);
	CHECK(rate(spectra_pricing_lookup("openrouter", "minimax/video-01", NULL), SPECTRA_USAGE_output_videos) == 50.0);
	CHECK(rate(spectra_pricing_lookup("cohere", "rerank-v3.5", NULL), SPECTRA_USAGE_rerank_searches) == 200.0);
}

static void test_tool_calls(void)
{
	/* tool-call-pricing.csv: openai web_search_call 1, file_search_call 0.25,
	 * code_interpreter_call 3 */
	CHECK_CENTS(spectra_pricing_tool_call_cents("openai", "web_search_call"), 1.0);
	CHECK_CENTS(spectra_pricing_tool_call_cents("openai", "file_search_call"), 0.25);
	CHECK_CENTS(spectra_pricing_tool_call_cents("openai", "code_interpreter_call"), 3.0);
	CHECK_CENTS(spectra_pricing_tool_call_cents("OpenAI", "web_search_call"), 1.0);
	/* 3 web searches + 1 code interpreter = 3*1 + 3 = 6 */
	CHECK_CENTS(3 * spectra_pricing_tool_call_cents("openai", "web_search_call")
			+ spectra_pricing_tool_call_cents("openai", "code_interpreter_call"),
		6.0);
	CHECK(spectra_pricing_tool_call_cents("openai", "function_call") == 0.0);
	CHECK(spectra_pricing_tool_call_cents("anthropic", "web_search_call") == 0.0);
	CHECK(spectra_pricing_tool_call_cents(NULL, "web_search_call") == 0.0);
	CHECK(spectra_pricing_tool_call_cents("openai", NULL) == 0.0);
	CHECK(spectra_pricing_tool_call_row_count == 3);
}

static void test_provider_aliases(void)
{
	CHECK_STR(spectra_pricing_provider_slug("gemini"), "google");
	CHECK_STR(spectra_pricing_provider_slug("gcp.gemini"), "google");
	CHECK_STR(spectra_pricing_provider_slug("google-ai"), "google");
	CHECK_STR(spectra_pricing_provider_slug("x_ai"), "xai");
	CHECK_STR(spectra_pricing_provider_slug("grok"), "xai");
	CHECK_STR(spectra_pricing_provider_slug("mistral_ai"), "mistral");
	CHECK_STR(spectra_pricing_provider_slug("fal-ai"), "falai");
	CHECK_STR(spectra_pricing_provider_slug("OpenAI"), "openai");
	CHECK_STR(spectra_pricing_provider_slug("Gemini"), "google");
	CHECK_STR(spectra_pricing_provider_slug("anthropic"), "anthropic");
	const char *unknown = "acme";
	CHECK(spectra_pricing_provider_slug(unknown) == unknown);
	CHECK(spectra_pricing_provider_slug(NULL) == NULL);

	/* lookups and surcharges go through the same normalisation */
	CHECK(spectra_pricing_lookup("gcp.gemini", "gemini-2.5-flash", NULL)
		== spectra_pricing_lookup("google", "gemini-2.5-flash", NULL));
	CHECK(spectra_pricing_lookup("gemini", "gemini-2.5-flash", NULL) != NULL);
	CHECK(spectra_pricing_lookup("x_ai", "grok-4-0709", NULL) != NULL);
	CHECK(spectra_pricing_lookup("mistral_ai", "mistral-large-latest", NULL) != NULL);
	CHECK(spectra_pricing_lookup("acme", "gpt-4o", NULL) == NULL);
}

/* Data lines of the CSV (blank lines and the header excluded), or -1 when unreadable. */
static long count_csv_rows(const char *path)
{
	FILE *file = fopen(path, "r");
	if (!file) {
		return -1;
	}
	long lines = 0;
	char line[4096];
	while (fgets(line, sizeof line, file)) {
		if (line[0] != '\n' && line[0] != '\r') {
			lines++;
		}
	}
	fclose(file);
	return lines - 1;
}

static void test_builtin_table(void)
{
	CHECK(spectra_catalog_provider_count == CATALOG_PROVIDERS);
	CHECK(spectra_catalog_genai_model_count == CATALOG_GENAI_MODELS);
	CHECK(spectra_pricing_builtin_count() == CATALOG_GENAI_MODELS + KEPT_ROWS);
	long csv_rows = count_csv_rows(SPECTRA_TEST_CATALOG_CSV);
	if (csv_rows < 0) {
		printf("note: %s not found; compared against %d rows only\n", SPECTRA_TEST_CATALOG_CSV, CSV_ROWS);
	} else {
		CHECK(csv_rows == CSV_ROWS);
	}

	/* sorted (the lookup binary-searches) and distinct models counted */
	bool sorted = true;
	size_t models = 1;
	for (size_t i = spectra_catalog_genai_model_count + 1; i < spectra_catalog_model_count; i++) {
		const spectra_price *a = &spectra_catalog_models[i - 1];
		const spectra_price *b = &spectra_catalog_models[i];
		int order = strcmp(a->provider, b->provider);
		int model_order = strcmp(a->model, b->model);
		if (order == 0) {
			order = model_order;
		}
		if (order == 0) {
			order = strcmp(a->tier, b->tier);
		}
		sorted = sorted && order < 0;
		models += strcmp(a->provider, b->provider) != 0 || model_order != 0;
	}
	CHECK(sorted);
	CHECK(models == KEPT_MODELS);
}

/* ---- the genai-prices model: tiers, conditions, rules, fallbacks, modalities ------------ */

#define MS(year_ms) (year_ms)
/* 2026-10-01T12:00:00Z and 2026-10-01T03:00:00Z, 2026-03-12T23:59:59.999Z (Unix ms) */
#define OCT_1_NOON INT64_C(1790856000000)
#define OCT_1_3AM INT64_C(1790823600000)
#define MAR_13_2026 INT64_C(1773360000000)

static spectra_cost engine_cost(const char *provider, const char *model, int64_t at_ms, const double *pairs, size_t n)
{
	spectra_usage usage;
	spectra_usage_init(&usage);
	for (size_t i = 0; i + 1 < n; i += 2) {
		usage.values[(int) pairs[i]] = pairs[i + 1];
	}
	spectra_cost cost;
	spectra_pricing_compute(spectra_pricing_lookup(provider, model, NULL), at_ms, &usage, &cost);
	return cost;
}

#define ENGINE_COST(provider, model, at, ...) \
	engine_cost((provider), (model), (at), (const double[]){ __VA_ARGS__ }, \
		sizeof((const double[]){ __VA_ARGS__ }) / sizeof(double))
#define U(key) ((double) SPECTRA_USAGE_##key)

static void test_genai_model(void)
{
	/* gemini-2.5-pro: input 1.25 $/M up to 200k input tokens, 2.5 above; output 10 / 15; cache
	 * read 0.125 / 0.25. The tier is chosen by the request's total input and prices every token
	 * of it (not banded). 200000 in (not above the start): 200000*1.25/1e6 = 0.25 $ = 25 cents;
	 * 1000 out * 10 = 0.01 $ = 1 cent. */
	spectra_cost cost =
		ENGINE_COST("google", "gemini-2.5-pro", OCT_1_NOON, U(input_tokens), 200000, U(output_tokens), 1000);
	CHECK(cost.known);
	CHECK_CENTS(cost.prompt_cents, 25.0);
	CHECK_CENTS(cost.completion_cents, 1.0);
	/* 200001 in: all at 2.5 -> 0.5000025 $ = 50.00025 cents; output at 15 -> 1.5 cents;
	 * 1000 of the input cached: 199001*2.5 + 1000*0.25 = 497502.5+250 -> 49.77525 cents */
	cost = ENGINE_COST("google", "gemini-2.5-pro", OCT_1_NOON, U(input_tokens), 200001, U(output_tokens), 1000);
	CHECK_CENTS(cost.prompt_cents, 50.00025);
	CHECK_CENTS(cost.completion_cents, 1.5);
	cost = ENGINE_COST("google", "gemini-2.5-pro", OCT_1_NOON, U(input_tokens), 200001, U(cache_read_tokens), 1000,
		U(output_tokens), 0);
	CHECK_CENTS(cost.prompt_cents, 49.77525);
	/* its rule excludes TTS models with a negative lookahead: gemini-2.5-pro-preview-tts is
	 * another model */
	CHECK(spectra_pricing_lookup("google", "gemini-2.5-pro-preview-tts", NULL)
		!= spectra_pricing_lookup("google", "gemini-2.5-pro", NULL));
	CHECK(spectra_pricing_lookup("google", "gemini-2.5-pro-preview-05-06", NULL)
		== spectra_pricing_lookup("google", "gemini-2.5-pro", NULL));

	/* claude-opus-4-6: tiered (200k) until 2026-03-13, flat from then on. 300000 in, 10 out.
	 * before: 300000*10/1e6 = 3 $; 10*37.5/1e6 = 0.000375 $ -> 300.0375 cents.
	 * from the date: 300000*5 = 1.5 $; 10*25 = 0.00025 $ -> 150.025 cents */
	cost = ENGINE_COST("anthropic", "claude-opus-4-6", MAR_13_2026 - 1, U(input_tokens), 300000, U(output_tokens), 10);
	CHECK_CENTS(cost.total_cents, 300.0375);
	cost = ENGINE_COST("anthropic", "claude-opus-4-6", MAR_13_2026, U(input_tokens), 300000, U(output_tokens), 10);
	CHECK_CENTS(cost.total_cents, 150.025);
	/* 1-hour cache writes are their own leaf under cache writes: 1000 in = 100 plain + 900
	 * written, 600 of those 1-hour. 100*5 + 300*6.25 + 600*10 = 500 + 1875 + 6000 = 8375 -> 0.8375 c */
	cost = ENGINE_COST("anthropic", "claude-opus-4-6", OCT_1_NOON, U(input_tokens), 1000, U(cache_write_tokens), 900,
		U(cache_write_1h_tokens), 600, U(output_tokens), 0);
	CHECK_CENTS(cost.prompt_cents, 0.8375);
	/* web searches: 10 $ per 1000 -> 1 cent each, neither input nor output */
	cost = ENGINE_COST("anthropic", "claude-opus-4-6", OCT_1_NOON, U(input_tokens), 0, U(output_tokens), 0,
		U(web_searches), 3);
	CHECK_CENTS(cost.total_cents, 3.0);
	CHECK(cost.prompt_cents == 0 && cost.completion_cents == 0);

	/* deepseek-chat: 0.27/1.1 from 00:30 to 16:30 UTC, 0.135/0.55 otherwise. 1M in, 1M out. */
	cost = ENGINE_COST("deepseek", "deepseek-chat", OCT_1_NOON, U(input_tokens), 1e6, U(output_tokens), 1e6);
	CHECK_CENTS(cost.total_cents, 137.0);
	cost = ENGINE_COST("deepseek", "deepseek-chat", OCT_1_NOON + 4 * 3600000 + 1800000, U(input_tokens), 1e6,
		U(output_tokens), 1e6); /* 16:30:00.000: the off-peak price again */
	CHECK_CENTS(cost.total_cents, 68.5);
	cost = ENGINE_COST("deepseek", "deepseek-chat", OCT_1_3AM - 2 * 3600000, U(input_tokens), 1e6, U(output_tokens),
		1e6); /* 01:00 */
	CHECK_CENTS(cost.total_cents, 137.0);

	/* gpt-image-1: image input 10 $/M (cache 2.5), text input 5 (cache 1.25), output 40.
	 * 1000 in = 600 image (100 of them cached) + 400 text (50 cached).
	 * image: 500*10 + 100*2.5 = 5250; text cache 50*1.25 = 62.5; text 350*5 = 1750 -> 7062.5/1e6 $ */
	cost = ENGINE_COST("openai", "gpt-image-1", OCT_1_NOON, U(input_tokens), 1000, U(input_image_tokens), 600,
		U(cache_read_tokens), 150, U(cache_image_read_tokens), 100, U(output_tokens), 0);
	CHECK(cost.known);
	CHECK_CENTS(cost.prompt_cents, 0.70625);
	/* a part larger than its whole is refused, as the package does */
	cost = ENGINE_COST("openai", "gpt-image-1", OCT_1_NOON, U(input_tokens), 10, U(input_image_tokens), 600);
	CHECK(!cost.known && strncmp(cost.reason, "inconsistent usage", 18) == 0);
	/* image input and cache reads overlap in cached image tokens: without that count the
	 * usage is refused too (the package throws "Missing usage value for cache_image_read_tokens") */
	cost = ENGINE_COST("openai", "gpt-image-1", OCT_1_NOON, U(input_tokens), 1000, U(input_image_tokens), 600,
		U(cache_read_tokens), 150);
	CHECK(!cost.known);
	CHECK_STR(cost.reason,
		"inconsistent usage: cache_read_tokens and input_image_tokens reported without cache_image_read_tokens");

	/* regex rules: claude-fable-5-YYYYMMDD */
	CHECK(spectra_pricing_lookup("anthropic", "claude-fable-5-20260101", NULL) != NULL);
	CHECK(spectra_regex_test(spectra_match_nodes[spectra_pricing_lookup("anthropic", "claude-fable-5-20260101", NULL)
													 ->match]
								 .first,
			  "x", 1)
		== false);
	/* ids are matched lowercased and trimmed */
	CHECK(spectra_pricing_lookup("OpenAI", " GPT-4o-Mini ", NULL)
		== spectra_pricing_lookup("openai", "gpt-4o-mini", NULL));

	/* provider fallbacks: Azure prices an OpenAI model it does not list with OpenAI's price */
	const spectra_price *azure = spectra_pricing_lookup("azure", "gpt-4o-mini", NULL);
	CHECK(azure != NULL && azure == spectra_pricing_lookup("openai", "gpt-4o-mini", NULL));
	/* provider_match: "bedrock" is genai-prices' aws, "vertex" its google */
	CHECK(spectra_pricing_lookup("vertex", "gemini-2.5-pro", NULL)
		== spectra_pricing_lookup("google", "gemini-2.5-pro", NULL));
	/* LiteLLM's provider/model ids */
	CHECK(spectra_pricing_lookup("litellm", "openai/gpt-4o-mini", NULL)
		== spectra_pricing_lookup("openai", "gpt-4o-mini", NULL));

	/* Groq bills Whisper for at least 10 seconds */
	const spectra_price *whisper = spectra_pricing_lookup("groq", "whisper-large-v3", NULL);
	CHECK(whisper != NULL);
	cost = ENGINE_COST("groq", "whisper-large-v3", OCT_1_NOON, U(audio_seconds), 3);
	spectra_cost ten = ENGINE_COST("groq", "whisper-large-v3", OCT_1_NOON, U(audio_seconds), 10);
	CHECK(cost.known && cost.total_cents > 0 && fabs(cost.total_cents - ten.total_cents) < 1e-12);

	/* a free model (an empty price mapping) costs a known 0 */
	cost = ENGINE_COST("azure", "phi-4-reasoning:free", OCT_1_NOON, U(input_tokens), 100, U(output_tokens), 100);
	CHECK(cost.known && cost.total_cents == 0);

	/* no silent zero */
	cost = ENGINE_COST("openai", "gpt-4o-mini", OCT_1_NOON, U(input_tokens), -1);
	CHECK(!cost.known);
	CHECK_STR(cost.reason, "no usage reported for gpt-4o-mini");
	cost = ENGINE_COST("openai", "dall-e-3", OCT_1_NOON, U(input_tokens), 10, U(output_tokens), 10);
	CHECK(!cost.known);
	CHECK_STR(cost.reason, "dall-e-3 is priced by output_images, none of which was reported");
	/* NaN and infinite quantities are no quantities */
	cost = ENGINE_COST("openai", "gpt-4o-mini", OCT_1_NOON, U(input_tokens), NAN, U(output_tokens), INFINITY);
	CHECK(!cost.known);

	/* catalog facts shown by phpinfo */
	CHECK_STR(spectra_catalog_source, "@pydantic/genai-prices 0.1.8");
	CHECK_STR(spectra_catalog_source_date, "2026-09-23");
}

static void test_regex_programs(void)
{
	/* ^gpt-5-mini-\d{4}-\d{2}-\d{2}$ (a dated id of an OpenAI model) */
	const spectra_price *dated = spectra_pricing_lookup("openai", "gpt-5-mini-2025-08-07", NULL);
	CHECK(dated != NULL);
	CHECK(dated && dated->match >= 0);
	/* ^claude-fable-5-\d{8}$: digits and the anchors count */
	CHECK(spectra_pricing_lookup("anthropic", "claude-fable-5-2026010", NULL)
		!= spectra_pricing_lookup("anthropic", "claude-fable-5-20260101", NULL));
	/* a long id: the visited set moves to the heap; \d{8}$ cannot match 'a's */
	char id[2048];
	memset(id, 'a', sizeof id - 1);
	id[sizeof id - 1] = '\0';
	memcpy(id, "claude-fable-5-", 15);
	const spectra_price *long_id = spectra_pricing_lookup("anthropic", id, NULL);
	CHECK(long_id == NULL || strcmp(long_id->model, "claude-fable-5") != 0);
}

/* ---- pricing file ---------------------------------------------------------------------- */

static bool write_temp_file(const char *content, char *path, size_t path_size)
{
	snprintf(path, path_size, "/tmp/spectra_pricing_test_XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0) {
		return false;
	}
	size_t len = strlen(content);
	bool ok = write(fd, content, len) == (ssize_t) len;
	close(fd);
	return ok;
}

static bool load_text(const char *content, char *path, size_t path_size, char *error, size_t error_size)
{
	if (!write_temp_file(content, path, path_size)) {
		snprintf(error, error_size, "cannot write a temporary file");
		return false;
	}
	bool ok = spectra_pricing_load_file(path, error, error_size);
	unlink(path);
	return ok;
}

/* The load must fail with "path:LINE: ..." containing reason_part. */
static void check_load_error(const char *content, int expected_line, const char *reason_part, int line)
{
	char path[64];
	char error[512];
	bool loaded = load_text(content, path, sizeof path, error, sizeof error);
	char prefix[96];
	snprintf(prefix, sizeof prefix, "%s:%d: ", path, expected_line);
	bool ok = !loaded && strncmp(error, prefix, strlen(prefix)) == 0 && strstr(error, reason_part) != NULL;
	if (!check(ok, reason_part, line)) {
		fprintf(stderr, "     got \"%s\", expected line %d\n", loaded ? "(loaded)" : error, expected_line);
	}
}

#define CHECK_LOAD_ERROR(content, line, reason) check_load_error((content), (line), (reason), __LINE__)

static const char valid_file[] =
	"{\n"
	"  \"models\": [\n"
	"    {\"provider\": \"openai\", \"model\": \"gpt-4o-mini\", \"input\": 10, \"output\": 20},\n"
	"    {\"provider\": \"gemini\", \"model\": \"my-ft-model\", \"tier\": \"enterprise\",\n"
	"     \"display_name\": \"My FT\", \"type\": \"text\", \"unit\": \"tokens\",\n"
	"     \"input\": 100, \"output\": 200, \"cached_input\": 50, \"cache_write_5m\": 125,\n"
	"     \"cache_write_1h\": 200, \"price_per_unit\": 0},\n"
	"    {\"provider\": \"acme\", \"model\": \"speechy\", \"unit\": \"minute\", \"type\": \"audio\",\n"
	"     \"price_per_unit\": 2.5},\n"
	"    {\"provider\": \"openai\", \"model\": \"whisper-1\", \"unit\": \"minute\", \"type\": \"audio\",\n"
	"     \"price_per_unit\": 0.5}\n"
	"  ]\n"
	"}\n";

static void test_pricing_file_valid(void)
{
	char path[64];
	char error[512] = "";
	bool loaded = load_text(valid_file, path, sizeof path, error, sizeof error);
	if (!CHECK(loaded)) {
		fprintf(stderr, "     %s\n", error);
		return;
	}
	CHECK(spectra_pricing_override_count() == 4);

	/* override of gpt-4o-mini standard: input 10, output 20, no cached price (-> input).
	 * 100*10/1e6 = 0.001; 50*20/1e6 = 0.001; total 0.002 */
	test_cost cost =
		cost_for("openai", "gpt-4o-mini", NULL, (test_usage){ .prompt_tokens = 100, .completion_tokens = 50 });
	CHECK_CENTS(cost.total_cents, 0.002);
	/* 1000 prompt of which 400 cached, all at 10: 1000*10/1e6 = 0.01 */
	cost = cost_for("openai", "gpt-4o-mini", NULL, (test_usage){ .prompt_tokens = 1000, .cached_tokens = 400 });
	CHECK_CENTS(cost.prompt_cents, 0.01);
	/* the dated id falls back to the overridden row too */
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini-2024-07-18", NULL)
		== spectra_pricing_lookup("openai", "gpt-4o-mini", NULL));
	CHECK(rate(spectra_pricing_lookup("openai", "gpt-4o-mini", NULL), SPECTRA_USAGE_input_tokens) == 10);
	/* other tiers keep their built-in rows: batch input 7.5 */
	const spectra_price *batch = spectra_pricing_lookup("openai", "gpt-4o-mini", "batch");
	CHECK(batch != NULL && rate(batch, SPECTRA_USAGE_input_tokens) == 7.5);

	/* new model, provider alias normalised, custom tier.
	 * prompt 1000 = 500 uncached + 200 cached + 300 written; 100 out.
	 * 500*100 + 200*50 + 300*125 = 50000 + 10000 + 37500 = 97500 -> 0.0975;
	 * 100*200 = 20000 -> 0.02; total 0.1175 */
	const spectra_price *custom = spectra_pricing_lookup("google", "my-ft-model", "enterprise");
	CHECK(custom != NULL);
	CHECK(spectra_pricing_lookup("gcp.gemini", "my-ft-model", "enterprise") == custom);
	CHECK(spectra_pricing_lookup("google", "my-ft-model", NULL) == NULL);
	if (custom) {
		CHECK_STR(custom->provider, "google");
		CHECK_STR(custom->display_name, "My FT");
		CHECK(rate(custom, SPECTRA_USAGE_cache_write_1h_tokens) == 200.0);
	}
	cost = cost_for("gemini", "my-ft-model", "enterprise",
		(test_usage){ .prompt_tokens = 1000,
			.cached_tokens = 200,
			.cache_write_tokens = 300,
			.completion_tokens = 100 });
	CHECK(cost.known);
	CHECK_CENTS(cost.prompt_cents, 0.0975);
	CHECK_CENTS(cost.completion_cents, 0.02);
	CHECK_CENTS(cost.total_cents, 0.1175);
	CHECK(spectra_pricing_is_known_tier("enterprise"));

	/* defaults: tier standard, display name = model id. 2.5 per minute, 30 s -> 1.25 */
	const spectra_price *speechy = spectra_pricing_lookup("acme", "speechy", NULL);
	CHECK(speechy != NULL);
	if (speechy) {
		CHECK_STR(speechy->tier, "standard");
		CHECK_STR(speechy->display_name, "speechy");
		CHECK_STR(speechy->type, "audio");
		CHECK(rate(speechy, SPECTRA_USAGE_cache_read_tokens) < 0);
	}
	cost = cost_for("acme", "speechy", NULL, (test_usage){ .duration_seconds = 30 });
	CHECK_CENTS(cost.total_cents, 1.25);

	/* whisper-1 overridden to 0.5 per minute: 90 s -> 1.5 * 0.5 = 0.75 */
	cost = cost_for("openai", "whisper-1", NULL, (test_usage){ .duration_seconds = 90 });
	CHECK_CENTS(cost.total_cents, 0.75);

	/* the built-in table itself is untouched */
	CHECK(spectra_pricing_builtin_count() == CATALOG_GENAI_MODELS + KEPT_ROWS);
}

static void test_pricing_file_errors(void)
{
	/* the valid file from the previous test is loaded; failed loads must keep it */
	CHECK(spectra_pricing_override_count() == 4);

	CHECK_LOAD_ERROR("{\n"
					 "  \"models\": [\n"
					 "    {\"provider\": \"openai\", \"model\": \"a\"},\n"
					 "  ]\n"
					 "}\n",
		4, "invalid JSON: trailing comma before ']'");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\n"
					 "    \"provider\": \"openai\", \"model\": \"a\",\n"
					 "    \"inptu\": 100\n"
					 "  }\n"
					 "]}\n",
		4, "unknown key \"inptu\"");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\",\n"
					 "   \"input\": \"100\"}\n"
					 "]}\n",
		3, "\"input\" must be a number (cents), found string");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\",\n"
					 "   \"tier\": 5}\n"
					 "]}\n",
		3, "\"tier\" must be a string, found number");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"ok\"},\n"
					 "  {\"provider\": \"openai\",\n"
					 "   \"input\": 1}\n"
					 "]}\n",
		3, "missing the required key \"model\"");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"model\": \"a\"}\n"
					 "]}\n",
		2, "missing the required key \"provider\"");
	CHECK_LOAD_ERROR("{\n}\n", 1, "missing the required key \"models\"");
	CHECK_LOAD_ERROR("{\n"
					 "  \"models\": [],\n"
					 "  \"extra\": 1\n"
					 "}\n",
		3, "unknown key \"extra\"");
	CHECK_LOAD_ERROR("{\n"
					 "  \"models\": {}\n"
					 "}\n",
		2, "\"models\" must be an array, found object");
	CHECK_LOAD_ERROR("\n[]\n", 2, "the top level must be an object");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  \"gpt-4o\"\n"
					 "]}\n",
		2, "each entry of \"models\" must be an object, found string");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\",\n"
					 "   \"unit\": \"minutes\"}\n"
					 "]}\n",
		3, "unknown unit \"minutes\"");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\", \"type\": \"chat\"}\n"
					 "]}\n",
		2, "unknown type \"chat\"");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\", \"output\": -1}\n"
					 "]}\n",
		2, "\"output\" must not be negative");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"\"}\n"
					 "]}\n",
		2, "\"model\" must not be empty");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\",\n"
					 "   \"model\": \"b\"}\n"
					 "]}\n",
		3, "duplicate key \"model\" (first on line 2)");
	/* gemini and google are the same provider, and tier defaults to standard */
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"gemini\", \"model\": \"x\"},\n"
					 "  {\"provider\": \"openai\", \"model\": \"x\"},\n"
					 "  {\"provider\": \"google\", \"model\": \"x\", \"tier\": \"standard\"}\n"
					 "]}\n",
		4, "duplicate entry for provider \"google\", model \"x\", tier \"standard\" (first on line 2)");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  // a comment\n"
					 "]}\n",
		2, "invalid JSON: expected a JSON value, found '/'");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"open\n"
					 "ai\"}]}\n",
		2, "line break inside a string");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\",\n"
					 "   \"input\": 01}]}\n",
		3, "leading zeros");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\" \"openai\"}]}\n",
		2, "expected ':' after the key");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\" \"model\": \"a\"}]}\n",
		2, "expected ',' or '}' after an object member");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\"}]}\n"
					 "\n"
					 "{}\n",
		4, "expected the end of the document");
	CHECK_LOAD_ERROR("", 1, "invalid JSON: empty document");
	CHECK_LOAD_ERROR("{\"models\": [\n", 2, "unexpected end of input");

	/* a missing file has no line */
	char error[512];
	const char *missing = "/tmp/spectra_pricing_test_does_not_exist.json";
	CHECK(!spectra_pricing_load_file(missing, error, sizeof error));
	const char *expected_prefix = "/tmp/spectra_pricing_test_does_not_exist.json: cannot open: ";
	CHECK(strncmp(error, expected_prefix, strlen(expected_prefix)) == 0);
	CHECK(!spectra_pricing_load_file(NULL, error, sizeof error));
	CHECK(!spectra_pricing_load_file(missing, NULL, 0)); /* no error buffer: just false */

	/* all those failures kept the earlier overrides */
	CHECK(spectra_pricing_override_count() == 4);
	CHECK(spectra_pricing_lookup("acme", "speechy", NULL) != NULL);

	/* a new file replaces them all */
	char path[64];
	CHECK(load_text("{\"models\": [{\"provider\": \"acme\", \"model\": \"other\", \"input\": 1}]}", path, sizeof path,
		error, sizeof error));
	CHECK(spectra_pricing_override_count() == 1);
	CHECK(spectra_pricing_lookup("acme", "speechy", NULL) == NULL);
	CHECK(rate(spectra_pricing_lookup("openai", "gpt-4o-mini", NULL), SPECTRA_USAGE_input_tokens) == 15.0);
	CHECK(!spectra_pricing_is_known_tier("enterprise"));
	CHECK(load_text("\xEF\xBB\xBF{\"models\": []}", path, sizeof path, error, sizeof error)); /* BOM ok */
	CHECK(spectra_pricing_override_count() == 0);

	CHECK(load_text(valid_file, path, sizeof path, error, sizeof error));
	spectra_pricing_clear_overrides();
	CHECK(spectra_pricing_override_count() == 0);
	CHECK(spectra_pricing_override_at(0) == NULL);
	CHECK(rate(spectra_pricing_lookup("openai", "gpt-4o-mini", NULL), SPECTRA_USAGE_input_tokens) == 15.0);
	spectra_pricing_clear_overrides(); /* twice is harmless */
}

/* The genai-prices price keys in the pricing file: cents per the key's unit size. */
static void test_pricing_file_price_keys(void)
{
	char path[64];
	char error[512] = "";
	bool loaded = load_text("{\"models\": [\n"
							"  {\"provider\": \"acme\", \"model\": \"tiered\",\n"
							"   \"input_mtok\": {\"base\": 100, \"tiers\": [{\"start\": 1000, \"price\": 200},\n"
							"                                       {\"start\": 10, \"price\": 150}]},\n"
							"   \"output_mtok\": 400, \"input_audio_mtok\": 1000, \"web_searches_kcount\": 1000,\n"
							"   \"requests_kcount\": 50}\n"
							"]}\n",
		path, sizeof path, error, sizeof error);
	if (!CHECK(loaded)) {
		fprintf(stderr, "     %s\n", error);
		return;
	}
	/* 5 input tokens: base 100 c/M; 500 input (above 10): 150; 2000 (above 1000): 200.
	 * 2000 in of which 1000 audio (1000 c/M), 10 out (400), 2 searches (1000 c per 1000 = 1 c
	 * each), one request (50 c per 1000 = 0.05 c):
	 * 1000*200/1e6 = 0.2; 1000*1000/1e6 = 1; 10*400/1e6 = 0.004; 2; 0.05 -> 3.254 */
	spectra_cost cost = ENGINE_COST("acme", "tiered", OCT_1_NOON, U(input_tokens), 5, U(output_tokens), 0);
	CHECK_CENTS(cost.total_cents, 5 * 100 / 1e6 + 0.05);
	cost = ENGINE_COST("acme", "tiered", OCT_1_NOON, U(input_tokens), 500, U(output_tokens), 0);
	CHECK_CENTS(cost.prompt_cents, 500 * 150 / 1e6);
	cost = ENGINE_COST("acme", "tiered", OCT_1_NOON, U(input_tokens), 2000, U(input_audio_tokens), 1000,
		U(output_tokens), 10, U(web_searches), 2);
	CHECK(cost.known);
	CHECK_CENTS(cost.prompt_cents, 1.2);
	CHECK_CENTS(cost.completion_cents, 0.004);
	CHECK_CENTS(cost.total_cents, 3.254);

	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"acme\", \"model\": \"a\", \"input\": 1, \"input_mtok\": 2}\n"
					 "]}\n",
		2, "\"input_mtok\" and \"input\" name the same price (input_mtok): give one");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"acme\", \"model\": \"a\", \"unit\": \"image\",\n"
					 "   \"cache_audio_read_mtok\": 2}\n"
					 "]}\n",
		2, "needs a price for");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"acme\", \"model\": \"a\", \"input_mtok\": {\"base\": 1}}\n"
					 "]}\n",
		2, "a tiered price is {\"base\": cents, \"tiers\": [...]}");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"acme\", \"model\": \"a\", \"input_mtok\": {\"base\": 1,\n"
					 "   \"tiers\": [{\"start\": 1.5, \"price\": 2}]}}\n"
					 "]}\n",
		3, "a tier's start must be a whole number >= 0");
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"acme\", \"model\": \"a\", \"output_audio_mtok\": -1}\n"
					 "]}\n",
		2, "\"output_audio_mtok\" must not be negative");
	spectra_pricing_clear_overrides();
}

/* ---- JSON reader ----------------------------------------------------------------------- */

static bool parse(const char *text, spectra_json_value *root, spectra_json_error *error)
{
	return spectra_json_parse(text, strlen(text), root, error);
}

static void check_parse_error(const char *text, int expected_line, const char *reason_part, int line)
{
	spectra_json_value root;
	spectra_json_error error;
	bool parsed = parse(text, &root, &error);
	bool ok = !parsed && error.line == expected_line && strstr(error.reason, reason_part) != NULL;
	if (!check(ok, reason_part, line)) {
		fprintf(stderr, "     got line %d \"%s\"\n", error.line, parsed ? "(parsed)" : error.reason);
	}
	if (parsed) {
		spectra_json_free(&root);
	}
	CHECK(root.type == SPECTRA_JSON_NULL);
}

#define CHECK_PARSE_ERROR(text, line, reason) check_parse_error((text), (line), (reason), __LINE__)

static void test_json_reader(void)
{
	spectra_json_value root;
	spectra_json_error error;
	const char *text = "{\"a\": [1, -2.5e1, true, false, null, \"x\\u00e9\\ud83d\\ude00\\n\\\"\\/\"],\n"
					   " \"big\": 9007199254740993, \"min\": -9223372036854775808, \"over\": 9223372036854775808,\n"
					   " \"nul\": \"a\\u0000b\", \"empty\": {}, \"none\": [], \"utf8\": \"\xC3\xA9\xE2\x82\xAC\"}";
	bool parsed = parse(text, &root, &error);
	CHECK(parsed);
	if (parsed) {
		CHECK(root.type == SPECTRA_JSON_OBJECT && root.as.object.count == 8);
		const spectra_json_value *a = spectra_json_object_get(&root, "a");
		CHECK(a != NULL && a->type == SPECTRA_JSON_ARRAY && a->as.array.count == 6);
		if (a && a->as.array.count == 6) {
			CHECK(a->as.array.items[0].as.number.is_integer && a->as.array.items[0].as.number.integer == 1);
			CHECK(!a->as.array.items[1].as.number.is_integer && a->as.array.items[1].as.number.value == -25.0);
			CHECK(a->as.array.items[2].type == SPECTRA_JSON_BOOL && a->as.array.items[2].as.boolean);
			CHECK(a->as.array.items[3].type == SPECTRA_JSON_BOOL && !a->as.array.items[3].as.boolean);
			CHECK(a->as.array.items[4].type == SPECTRA_JSON_NULL);
			CHECK_STR(a->as.array.items[5].as.string.chars, "x\xC3\xA9\xF0\x9F\x98\x80\n\"/");
		}
		const spectra_json_value *big = spectra_json_object_get(&root, "big");
		CHECK(
			big && big->line == 2 && big->as.number.is_integer && big->as.number.integer == INT64_C(9007199254740993));
		const spectra_json_value *min = spectra_json_object_get(&root, "min");
		CHECK(min && min->as.number.is_integer && min->as.number.integer == INT64_MIN);
		const spectra_json_value *over = spectra_json_object_get(&root, "over");
		CHECK(over && !over->as.number.is_integer && over->as.number.value == 9223372036854775808.0);
		const spectra_json_value *nul = spectra_json_object_get(&root, "nul");
		CHECK(nul && nul->as.string.len == 3 && memcmp(nul->as.string.chars, "a\0b", 3) == 0);
		CHECK(spectra_json_object_get(&root, "empty")->as.object.count == 0);
		CHECK(spectra_json_object_get(&root, "none")->as.array.count == 0);
		CHECK_STR(spectra_json_object_get(&root, "utf8")->as.string.chars, "\xC3\xA9\xE2\x82\xAC");
		CHECK(spectra_json_object_get(&root, "missing") == NULL);
		CHECK(root.as.object.members[4].line == 3);
		spectra_json_free(&root);
	}

	CHECK(parse(" 0.5 ", &root, &error) && root.as.number.value == 0.5);
	CHECK(parse("\"\"", &root, &error) && root.type == SPECTRA_JSON_STRING && root.as.string.len == 0);
	spectra_json_free(&root);

	CHECK_PARSE_ERROR("\n\n  [1,\n 2,,3]", 4, "expected a JSON value, found ','");
	CHECK_PARSE_ERROR("[1 2]", 1, "expected ',' or ']' after an array item, found '2'");
	CHECK_PARSE_ERROR("{\"a\": 1,}", 1, "trailing comma before '}'");
	CHECK_PARSE_ERROR("{'a': 1}", 1, "expected a double-quoted key, found '''");
	CHECK_PARSE_ERROR("[NaN]", 1, "expected a JSON value, found 'N'");
	CHECK_PARSE_ERROR("[1.]", 1, "expected a digit after '.'");
	CHECK_PARSE_ERROR("[1e]", 1, "expected a digit in the exponent");
	CHECK_PARSE_ERROR("[-]", 1, "expected a digit");
	CHECK_PARSE_ERROR("[1e999]", 1, "number out of range");
	CHECK_PARSE_ERROR("[\"\\ud800\"]", 1, "unpaired high surrogate");
	CHECK_PARSE_ERROR("[\"\\udc00\"]", 1, "unpaired low surrogate");
	CHECK_PARSE_ERROR("[\"\\u12\"]", 1, "expected 4 hex digits");
	CHECK_PARSE_ERROR("[\"\\x\"]", 1, "invalid escape in string, found 'x'");
	CHECK_PARSE_ERROR("[\"\xFF\"]", 1, "invalid UTF-8");
	CHECK_PARSE_ERROR("[\"\xC0\xAF\"]", 1, "invalid UTF-8");     /* overlong '/' */
	CHECK_PARSE_ERROR("[\"\xED\xA0\x80\"]", 1, "invalid UTF-8"); /* encoded surrogate */
	CHECK_PARSE_ERROR("[\"a\tb\"]", 1, "control character 0x09");
	CHECK_PARSE_ERROR("[\"abc", 1, "unterminated string");
	CHECK_PARSE_ERROR("tru", 1, "expected a JSON value");
	CHECK_PARSE_ERROR("{} {}", 1, "expected the end of the document");
	CHECK_PARSE_ERROR("  \n ", 2, "empty document");

	/* nesting: 128 levels are fine, 129 are not */
	char deep[2 * (SPECTRA_JSON_MAX_DEPTH + 1) + 1];
	for (int depth = SPECTRA_JSON_MAX_DEPTH; depth <= SPECTRA_JSON_MAX_DEPTH + 1; depth++) {
		memset(deep, '[', (size_t) depth);
		memset(deep + depth, ']', (size_t) depth);
		deep[2 * depth] = '\0';
		bool ok = parse(deep, &root, &error);
		CHECK(ok == (depth == SPECTRA_JSON_MAX_DEPTH));
		if (ok) {
			spectra_json_free(&root);
		} else {
			CHECK(strstr(error.reason, "nesting deeper") != NULL);
		}
	}

	/* partial documents are freed on error (valgrind checks this) */
	CHECK_PARSE_ERROR("{\"a\": [\"x\", {\"b\": \"y\", \"c\": [1, 2, \"z\"", 1, "found end of input");
	CHECK_PARSE_ERROR("{\"a\": \"x\", \"b\" ", 1, "expected ':' after the key");
}

/* spectra_price_record(): a finished record priced in plain C, as the pipeline does. */
static void test_price_record(void)
{
	/* gpt-4o-mini standard: 15 in, 60 out, 7.5 cached (cents per 1M) */
	spectra_record *r = spectra_record_new();
	spectra_record_set(r, &r->provider, "openai");
	spectra_record_set(r, &r->model, "gpt-4o-mini");
	r->usage_seen = true;
	r->prompt_tokens = 1000;
	r->cached_tokens = 200;
	r->completion_tokens = 500;
	spectra_price_record(r, "standard");
	CHECK_STR(r->pricing_tier, "standard");
	CHECK(r->cost_known);
	CHECK_CENTS(r->prompt_cost, (800 * 15 + 200 * 7.5) / 1e6);
	CHECK_CENTS(r->completion_cost, 500 * 60 / 1e6);
	CHECK_CENTS(r->total_cost, (800 * 15 + 200 * 7.5 + 500 * 60) / 1e6);
	CHECK_STR(r->model_type, "text");
	spectra_record_free(r);

	/* a tier already resolved wins over the default: priority 25 in, 100 out */
	r = spectra_record_new();
	spectra_record_set(r, &r->provider, "openai");
	spectra_record_set(r, &r->model, "gpt-4o-mini");
	spectra_record_set(r, &r->pricing_tier, "priority");
	r->usage_seen = true;
	r->prompt_tokens = 1000000;
	r->completion_tokens = 1000000;
	spectra_price_record(r, "standard");
	CHECK_STR(r->pricing_tier, "priority");
	CHECK_CENTS(r->total_cost, 125);
	spectra_record_free(r);

	/* an alias the catalog lacks is billed as the dated version of itself that answered
	 * (claude-sonnet-4-5-20250929 standard: 300 in, 1500 out) */
	r = spectra_record_new();
	spectra_record_set(r, &r->provider, "anthropic");
	spectra_record_set(r, &r->model, "claude-sonnet-4-5");
	spectra_record_set(r, &r->snapshot, "claude-sonnet-4-5-20250929");
	r->usage_seen = true;
	r->prompt_tokens = 1000;
	r->completion_tokens = 100;
	spectra_price_record(r, "standard");
	CHECK(r->cost_known);
	CHECK_CENTS(r->total_cost, (1000 * 300 + 100 * 1500) / 1e6);
	spectra_record_free(r);

	/* another model that answered is not a version of the alias: unknown, never a silent 0 */
	r = spectra_record_new();
	spectra_record_set(r, &r->provider, "anthropic");
	spectra_record_set(r, &r->model, "clod-9");
	spectra_record_set(r, &r->snapshot, "clod-90");
	r->usage_seen = true;
	r->prompt_tokens = 1000;
	spectra_price_record(r, "standard");
	CHECK(!r->cost_known);
	CHECK_CENTS(r->total_cost, 0);
	CHECK(r->model_type == NULL);
	CHECK_STR(r->cost_reason, "model not in the price catalog");
	spectra_record_free(r);

	/* tool-call surcharges on a known price: web search 1 cent per call */
	r = spectra_record_new();
	spectra_record_set(r, &r->provider, "openai");
	spectra_record_set(r, &r->model, "gpt-4o-mini");
	spectra_record_count_tool_call(r, "web_search_call", strlen("web_search_call"), 3);
	spectra_price_record(r, "standard");
	CHECK_CENTS(r->total_cost, 3);
	spectra_record_free(r);

	/* no default tier and none resolved: no tier, no price */
	r = spectra_record_new();
	spectra_record_set(r, &r->provider, "openai");
	spectra_record_set(r, &r->model, "gpt-4o-mini");
	r->prompt_tokens = 10;
	spectra_price_record(r, "");
	CHECK(r->pricing_tier == NULL);
	spectra_record_free(r);
}

/* Issue 8: a 40 000-row file was quadratic to load (8.7 s) and every lookup scanned it. The
 * rows are written in reverse order with a custom tier each, so the lookups only work if the
 * loader sorts; duplicates far apart must still be found and reported at the later entry. */
enum { LARGE_FILE_ROWS = 40000 };

static char *large_file_text(const char *extra_entry)
{
	spectra_buf text = { 0 };
	spectra_buf_append_str(&text, "{\"models\": [\n");
	for (int i = LARGE_FILE_ROWS - 1; i >= 0; i--) {
		char entry[160];
		snprintf(entry, sizeof entry,
			"{\"provider\": \"openai\", \"model\": \"m%05d\", \"tier\": \"t%d\", \"input\": %d, \"output\": 1}%s\n", i,
			i % 1000, i, i > 0 || extra_entry ? "," : "");
		spectra_buf_append_str(&text, entry);
	}
	if (extra_entry) {
		spectra_buf_append_str(&text, extra_entry);
	}
	spectra_buf_append_str(&text, "]}\n");
	return text.data;
}

static void test_large_pricing_file(void)
{
	char path[64];
	char error[512] = "";
	char *text = large_file_text(NULL);
	bool loaded = load_text(text, path, sizeof path, error, sizeof error);
	free(text);
	if (!CHECK(loaded)) {
		fprintf(stderr, "     %s\n", error);
		return;
	}
	CHECK(spectra_pricing_override_count() == LARGE_FILE_ROWS);
	bool all_found = true;
	for (int i = 0; i < LARGE_FILE_ROWS; i += 997) {
		char model[16];
		char tier[16];
		snprintf(model, sizeof model, "m%05d", i);
		snprintf(tier, sizeof tier, "t%d", i % 1000);
		const spectra_price *row = spectra_pricing_lookup("openai", model, tier);
		all_found = all_found && row && fabs(rate(row, SPECTRA_USAGE_input_tokens) - i) < 1e-9;
	}
	CHECK(all_found);
	CHECK(spectra_pricing_lookup("openai", "m00000", "t1") == NULL); /* the tier is part of the key */
	CHECK(spectra_pricing_is_known_tier("t999"));
	CHECK(!spectra_pricing_is_known_tier("t1000"));

	/* line 2 holds m39999, so m39998 is on line 3; the repeat is the file's last entry */
	text = large_file_text("{\"provider\": \"openai\", \"model\": \"m39998\", \"tier\": \"t998\"}\n");
	CHECK_LOAD_ERROR(text, LARGE_FILE_ROWS + 2,
		"duplicate entry for provider \"openai\", model \"m39998\", tier \"t998\" (first on line 3)");
	free(text);
	CHECK(spectra_pricing_override_count() == LARGE_FILE_ROWS); /* the loaded table stays */
	spectra_pricing_clear_overrides();
	CHECK(!spectra_pricing_is_known_tier("t999"));
}

/* Of several repeats, the one a top-to-bottom reading meets first is reported. */
static void test_first_duplicate_reported(void)
{
	CHECK_LOAD_ERROR("{\"models\": [\n"
					 "  {\"provider\": \"openai\", \"model\": \"z\"},\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\"},\n"
					 "  {\"provider\": \"openai\", \"model\": \"z\"},\n"
					 "  {\"provider\": \"openai\", \"model\": \"a\"},\n"
					 "  {\"provider\": \"openai\", \"model\": \"z\"}\n"
					 "]}\n",
		4, "model \"z\", tier \"standard\" (first on line 2)");
}

int main(void)
{
	test_token_costs();
	test_tiers();
	test_lookup();
	test_units();
	test_tool_calls();
	test_provider_aliases();
	test_builtin_table();
	test_genai_model();
	test_regex_programs();
	test_pricing_file_valid();
	test_pricing_file_errors();
	test_large_pricing_file();
	test_first_duplicate_reported();
	test_pricing_file_price_keys();
	test_json_reader();
	test_price_record();
	spectra_pricing_clear_overrides();

	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
