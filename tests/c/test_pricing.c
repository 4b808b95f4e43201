/* Pricing stage: lookup, cost formulas, tool-call surcharges, the pricing file and the JSON
 * reader. Expected cents are computed by hand from the CSV rows quoted in the comments
 * (prices are cents per 1M tokens, or cents per unit). */
#include "pricing/price_record.h"
#include "check.h"
#include "pricing/pricing.h"
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

/* 341 lines in pricing-catalog.csv = 1 header + 340 rows; README: 239 models. */
#define CATALOG_ROWS 340
#define CATALOG_MODELS 239

static void check_cents(double actual, double expected, const char *what, int line)
{
	bool ok = fabs(actual - expected) <= 1e-12 + 1e-9 * fabs(expected);
	if (!check(ok, what, line)) {
		fprintf(stderr, "     got %.12g, expected %.12g\n", actual, expected);
	}
}

#define CHECK_CENTS(actual, expected) check_cents((actual), (expected), #actual " == " #expected, __LINE__)

static spectra_cost cost_for(const char *provider, const char *model, const char *tier, spectra_usage usage)
{
	spectra_cost cost;
	spectra_pricing_compute(spectra_pricing_lookup(provider, model, tier), &usage, &cost);
	return cost;
}

static void test_token_costs(void)
{
	/* openai,gpt-4o-mini,standard: input 15, output 60, cached 7.5
	 * 100*15/1e6 = 0.0015; 50*60/1e6 = 0.003; total 0.0045 */
	spectra_cost cost =
		cost_for("openai", "gpt-4o-mini", NULL, (spectra_usage){ .prompt_tokens = 100, .completion_tokens = 50 });
	CHECK(cost.known);
	CHECK_CENTS(cost.prompt_cents, 0.0015);
	CHECK_CENTS(cost.completion_cents, 0.003);
	CHECK_CENTS(cost.total_cents, 0.0045);

	/* openai,gpt-4o,standard: input 250, output 1000, cached 125.
	 * 1000 prompt of which 400 cached: 600*250 + 400*125 = 150000 + 50000 -> 0.2;
	 * 200 out: 200*1000 -> 0.2; total 0.4 */
	cost = cost_for("openai", "gpt-4o", "standard",
		(spectra_usage){ .prompt_tokens = 1000, .cached_tokens = 400, .completion_tokens = 200 });
	CHECK_CENTS(cost.prompt_cents, 0.2);
	CHECK_CENTS(cost.completion_cents, 0.2);
	CHECK_CENTS(cost.total_cents, 0.4);

	/* anthropic,claude-sonnet-4-5-20250929,standard: input 300, output 1500, cached 30,
	 * cache_write_5m 375. Anthropic usage input_tokens 100, cache_read 2000, cache_creation 1000
	 * normalises to prompt 3100 (cached 2000, cache_write 1000); 500 out.
	 * 100*300 + 2000*30 + 1000*375 = 30000 + 60000 + 375000 = 465000 -> 0.465;
	 * 500*1500 = 750000 -> 0.75; total 1.215 */
	cost = cost_for("anthropic", "claude-sonnet-4-5-20250929", NULL,
		(spectra_usage){ .prompt_tokens = 3100,
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
		(spectra_usage){ .prompt_tokens = 21, .completion_tokens = 305 });
	CHECK_CENTS(cost.total_cents, 0.4638);

	/* google,gemini-2.5-flash,standard: input 30, output 250, cached 3.
	 * promptTokenCount 1000 (cachedContentTokenCount 500), candidatesTokenCount 200,
	 * thoughtsTokenCount 800: completion = 200 + 800 = 1000, reasoning 800 (not added again).
	 * 500*30 + 500*3 = 15000 + 1500 = 16500 -> 0.0165; 1000*250 = 250000 -> 0.25;
	 * total 0.2665 */
	cost = cost_for("google", "gemini-2.5-flash", NULL,
		(spectra_usage){ .prompt_tokens = 1000,
			.cached_tokens = 500,
			.completion_tokens = 1000,
			.reasoning_tokens = 800 });
	CHECK_CENTS(cost.prompt_cents, 0.0165);
	CHECK_CENTS(cost.completion_cents, 0.25);
	CHECK_CENTS(cost.total_cents, 0.2665);

	/* Negative counts count as 0; the cached part is capped by the prompt (uncached >= 0).
	 * gpt-4o-mini: prompt -5, completion -7 -> 0. prompt 10 with cached 40: uncached 0,
	 * 40*7.5 = 300 -> 0.0003 */
	cost = cost_for("openai", "gpt-4o-mini", NULL,
		(spectra_usage){ .prompt_tokens = -5, .completion_tokens = -7, .cached_tokens = -3 });
	CHECK(cost.known);
	CHECK_CENTS(cost.total_cents, 0.0);
	cost = cost_for("openai", "gpt-4o-mini", NULL, (spectra_usage){ .prompt_tokens = 10, .cached_tokens = 40 });
	CHECK_CENTS(cost.prompt_cents, 0.0003);
}

static void test_tiers(void)
{
	/* openai,gpt-4o,batch: input 125, output 500, cached empty -> input rate 125.
	 * 600*125 + 400*125 = 125000 -> 0.125; 200*500 = 100000 -> 0.1; total 0.225 */
	spectra_usage usage = { .prompt_tokens = 1000, .cached_tokens = 400, .completion_tokens = 200 };
	spectra_cost cost = cost_for("openai", "gpt-4o", "batch", usage);
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
	cost = cost_for("openai", "gpt-5.5", "flex", (spectra_usage){ .prompt_tokens = 1000, .completion_tokens = 100 });
	CHECK_CENTS(cost.total_cents, 0.4);

	/* anthropic,claude-sonnet-4-5-20250929,batch: input 150, output 750, cached 15, write 187.5.
	 * prompt 3100 = 100 uncached + 2000 cached + 1000 written; 500 out.
	 * 100*150 + 2000*15 + 1000*187.5 = 15000 + 30000 + 187500 = 232500 -> 0.2325;
	 * 500*750 = 375000 -> 0.375; total 0.6075 */
	cost = cost_for("anthropic", "claude-sonnet-4-5-20250929", "batch",
		(spectra_usage){ .prompt_tokens = 3100,
			.cached_tokens = 2000,
			.cache_write_tokens = 1000,
			.completion_tokens = 500 });
	CHECK_CENTS(cost.total_cents, 0.6075);

	/* NULL and "" mean standard: gpt-4o-mini standard input is 15 */
	const spectra_price *standard = spectra_pricing_lookup("openai", "gpt-4o-mini", "standard");
	CHECK(standard != NULL && standard->input_per_1m == 15.0);
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
		CHECK_STR(mini->display_name, "GPT-4o Mini");
		CHECK_STR(mini->type, "text");
		CHECK(mini->unit == SPECTRA_UNIT_TOKENS);
		CHECK(mini->output_per_1m == 60.0 && mini->cached_input_per_1m == 7.5);
		CHECK(mini->cache_write_5m_per_1m < 0 && mini->price_per_unit < 0); /* empty cells */
	}

	/* trailing dates are stripped: -YYYYMMDD and -YYYY-MM-DD */
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini-20240718", NULL) == mini);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-2024-08-06", NULL) == gpt4o);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-2024-08-06", "priority")
		== spectra_pricing_lookup("openai", "gpt-4o", "priority"));
	/* a dated catalog id matches exactly */
	const spectra_price *sonnet = spectra_pricing_lookup("anthropic", "claude-sonnet-4-5-20250929", NULL);
	CHECK(sonnet != NULL && sonnet->cache_write_5m_per_1m == 375.0 && sonnet->cache_write_1h_per_1m == 600.0);
	/* not a date suffix: nothing stripped */
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-2024-8-06", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-202408", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-2024080x", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o20240806", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "-20240806", NULL) == NULL);

	/* unknown model, wrong provider, prefixes of real ids */
	CHECK(spectra_pricing_lookup("openai", "gpt-unknown", NULL) == NULL);
	CHECK(spectra_pricing_lookup("anthropic", "gpt-4o", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-min", NULL) == NULL);
	CHECK(spectra_pricing_lookup(NULL, "gpt-4o", NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", NULL, NULL) == NULL);
	CHECK(spectra_pricing_lookup("openai", "", NULL) == NULL);
	spectra_cost cost = cost_for("openai", "gpt-unknown", NULL, (spectra_usage){ .prompt_tokens = 100 });
	CHECK(!cost.known);
	CHECK(cost.total_cents == 0.0);
	spectra_pricing_compute(NULL, NULL, &cost);
	CHECK(!cost.known && cost.total_cents == 0.0);

	/* every built-in row is found by its own key */
	size_t found = 0;
	for (size_t i = 0; i < spectra_pricing_builtin_row_count; i++) {
		const spectra_price *row = &spectra_pricing_builtin_rows[i];
		found += spectra_pricing_lookup(row->provider, row->model, row->tier) == row;
	}
	CHECK(found == spectra_pricing_builtin_row_count);
}

static void test_units(void)
{
	/* Token usage on unit models is ignored: prompt and completion stay 0. */
	/* openai,whisper-1,minute: 0.6 per minute. 90 s = 1.5 min -> 0.9 */
	spectra_cost cost = cost_for("openai", "whisper-1", NULL,
		(spectra_usage){ .duration_seconds = 90, .prompt_tokens = 1000, .completion_tokens = 1000 });
	CHECK(cost.known);
	CHECK_CENTS(cost.total_cents, 0.9);
	CHECK(cost.prompt_cents == 0.0 && cost.completion_cents == 0.0);

	/* openai,sora-2,second: 10 per second. 8 s -> 80 */
	cost = cost_for("openai", "sora-2", NULL, (spectra_usage){ .duration_seconds = 8 });
	CHECK_CENTS(cost.total_cents, 80.0);
	cost = cost_for("openai", "sora-2", NULL, (spectra_usage){ .duration_seconds = -8 });
	CHECK(cost.known && cost.total_cents == 0.0);

	/* mistral,voxtral-mini-tts-latest,characters: 1600 per 1M characters. 2500 chars -> 4 */
	cost = cost_for("mistral", "voxtral-mini-tts-latest", NULL, (spectra_usage){ .input_characters = 2500 });
	CHECK_CENTS(cost.total_cents, 4.0);

	/* openai,dall-e-3,image: standard 4 per image, hd 8. 3 standard -> 12; 2 hd -> 16 */
	cost = cost_for("openai", "dall-e-3", NULL, (spectra_usage){ .image_count = 3 });
	CHECK_CENTS(cost.total_cents, 12.0);
	cost = cost_for("openai", "dall-e-3", "hd", (spectra_usage){ .image_count = 2 });
	CHECK(cost.known);
	CHECK_CENTS(cost.total_cents, 16.0);
	CHECK(spectra_pricing_lookup("openai", "dall-e-3", "batch") == NULL);

	/* openrouter,minimax/video-01,video: 50 per video. 2 videos -> 100 */
	cost = cost_for("openrouter", "minimax/video-01", NULL, (spectra_usage){ .video_count = 2 });
	CHECK_CENTS(cost.total_cents, 100.0);

	/* cohere,rerank-v3.5,search: 0.2 per request, whatever the usage */
	cost = cost_for("cohere", "rerank-v3.5", NULL, (spectra_usage){ 0 });
	CHECK_CENTS(cost.total_cents, 0.2);
	CHECK(cost.prompt_cents == 0.0 && cost.completion_cents == 0.0);

	const spectra_price *whisper = spectra_pricing_lookup("openai", "whisper-1", NULL);
	CHECK(whisper != NULL && whisper->unit == SPECTRA_UNIT_MINUTE);
	CHECK(spectra_pricing_lookup("openai", "sora-2", NULL)->unit == SPECTRA_UNIT_SECOND);
	CHECK(spectra_pricing_lookup("mistral", "voxtral-mini-tts-latest", NULL)->unit == SPECTRA_UNIT_CHARACTERS);
	CHECK(spectra_pricing_lookup("openai", "dall-e-3", NULL)->unit == SPECTRA_UNIT_IMAGE);
	CHECK(spectra_pricing_lookup("openrouter", "minimax/video-01", NULL)->unit == SPECTRA_UNIT_VIDEO);
	CHECK(spectra_pricing_lookup("cohere", "rerank-v3.5", NULL)->unit == SPECTRA_UNIT_SEARCH);
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
	CHECK(spectra_pricing_builtin_count() == CATALOG_ROWS);
	long csv_rows = count_csv_rows(SPECTRA_TEST_CATALOG_CSV);
	if (csv_rows < 0) {
		printf("note: %s not found; compared against %d rows only\n", SPECTRA_TEST_CATALOG_CSV, CATALOG_ROWS);
	} else {
		CHECK((size_t) csv_rows == spectra_pricing_builtin_count());
	}

	/* sorted (the lookup binary-searches) and distinct models counted */
	bool sorted = true;
	size_t models = spectra_pricing_builtin_row_count ? 1 : 0;
	for (size_t i = 1; i < spectra_pricing_builtin_row_count; i++) {
		const spectra_price *a = &spectra_pricing_builtin_rows[i - 1];
		const spectra_price *b = &spectra_pricing_builtin_rows[i];
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
	CHECK(models == CATALOG_MODELS);
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
	spectra_cost cost =
		cost_for("openai", "gpt-4o-mini", NULL, (spectra_usage){ .prompt_tokens = 100, .completion_tokens = 50 });
	CHECK_CENTS(cost.total_cents, 0.002);
	/* 1000 prompt of which 400 cached, all at 10: 1000*10/1e6 = 0.01 */
	cost = cost_for("openai", "gpt-4o-mini", NULL, (spectra_usage){ .prompt_tokens = 1000, .cached_tokens = 400 });
	CHECK_CENTS(cost.prompt_cents, 0.01);
	/* the dated id falls back to the overridden row too */
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini-2024-07-18", NULL)
		== spectra_pricing_lookup("openai", "gpt-4o-mini", NULL));
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini", NULL)->input_per_1m == 10);
	/* other tiers keep their built-in rows: batch input 7.5 */
	const spectra_price *batch = spectra_pricing_lookup("openai", "gpt-4o-mini", "batch");
	CHECK(batch != NULL && batch->input_per_1m == 7.5);

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
		CHECK(custom->cache_write_1h_per_1m == 200.0);
	}
	cost = cost_for("gemini", "my-ft-model", "enterprise",
		(spectra_usage){ .prompt_tokens = 1000,
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
		CHECK(speechy->cached_input_per_1m < 0);
	}
	cost = cost_for("acme", "speechy", NULL, (spectra_usage){ .duration_seconds = 30 });
	CHECK_CENTS(cost.total_cents, 1.25);

	/* whisper-1 overridden to 0.5 per minute: 90 s -> 1.5 * 0.5 = 0.75 */
	cost = cost_for("openai", "whisper-1", NULL, (spectra_usage){ .duration_seconds = 90 });
	CHECK_CENTS(cost.total_cents, 0.75);

	/* the built-in table itself is untouched */
	CHECK(spectra_pricing_builtin_count() == CATALOG_ROWS);
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
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini", NULL)->input_per_1m == 15.0);
	CHECK(!spectra_pricing_is_known_tier("enterprise"));
	CHECK(load_text("\xEF\xBB\xBF{\"models\": []}", path, sizeof path, error, sizeof error)); /* BOM ok */
	CHECK(spectra_pricing_override_count() == 0);

	CHECK(load_text(valid_file, path, sizeof path, error, sizeof error));
	spectra_pricing_clear_overrides();
	CHECK(spectra_pricing_override_count() == 0);
	CHECK(spectra_pricing_override_at(0) == NULL);
	CHECK(spectra_pricing_lookup("openai", "gpt-4o-mini", NULL)->input_per_1m == 15.0);
	spectra_pricing_clear_overrides(); /* twice is harmless */
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
	r->prompt_tokens = 1000;
	r->completion_tokens = 100;
	spectra_price_record(r, "standard");
	CHECK(r->cost_known);
	CHECK_CENTS(r->total_cost, (1000 * 300 + 100 * 1500) / 1e6);
	spectra_record_free(r);

	/* another model that answered is not a version of the alias: unknown, never a silent 0 */
	r = spectra_record_new();
	spectra_record_set(r, &r->provider, "anthropic");
	spectra_record_set(r, &r->model, "claude-sonnet-4-5");
	spectra_record_set(r, &r->snapshot, "claude-sonnet-4-50");
	r->prompt_tokens = 1000;
	spectra_price_record(r, "standard");
	CHECK(!r->cost_known);
	CHECK_CENTS(r->total_cost, 0);
	CHECK(r->model_type == NULL);
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
		all_found = all_found && row && row->input_per_1m == i;
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
	test_pricing_file_valid();
	test_pricing_file_errors();
	test_large_pricing_file();
	test_first_duplicate_reported();
	test_json_reader();
	test_price_record();
	spectra_pricing_clear_overrides();

	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
