/* The provider table (src/providers/providers.c) is the one source for a provider name:
 * every slug and alias gives the same catalog slug to pricing and the same
 * gen_ai.provider.name to the native span, and every provider of the price catalog has a
 * row. */
#include "providers/providers.h"
#include "pricing/pricing.h"
#include "record/record.h"
#include "span/native_builder.h"

#include <stdlib.h>

#include "check.h"

/* Calls fn for each comma-separated name of aliases. */
static void each_alias(const spectra_provider_info *row, void (*fn)(const spectra_provider_info *, const char *))
{
	const char *cursor = row->aliases;
	char name[64];
	while (*cursor) {
		size_t len = strcspn(cursor, ",");
		CHECK(len > 0 && len < sizeof name);
		if (len && len < sizeof name) {
			memcpy(name, cursor, len);
			name[len] = '\0';
			fn(row, name);
		}
		cursor += len;
		if (*cursor == ',') {
			cursor++;
		}
	}
}

static const char *span_provider_name(const char *provider)
{
	static char result[64];
	spectra_record *record = spectra_record_new();
	spectra_record_set(record, &record->provider, provider);
	spectra_record_set(record, &record->model, "m");
	spectra_span *span = spectra_span_build_genai(record, NULL, false);
	result[0] = '\0';
	for (size_t i = 0; span && i < span->attrs.count; i++) {
		const spectra_attr *attr = &span->attrs.items[i];
		if (strcmp(attr->key, "gen_ai.provider.name") == 0 && attr->type == SPECTRA_ATTR_STRING) {
			snprintf(result, sizeof result, "%s", attr->value.str);
		}
	}
	spectra_span_free(span);
	spectra_record_free(record);
	return result;
}

static void check_name(const spectra_provider_info *row, const char *name)
{
	const spectra_provider_info *found = spectra_provider_find(name, strlen(name));
	if (!CHECK(found == row)) {
		fprintf(stderr, "     \"%s\" resolves to another row (or none): names must be unique\n", name);
	}
	CHECK_STR(spectra_pricing_provider_slug(name), row->slug);
	CHECK_STR(span_provider_name(name), row->genai_name);
}

static void test_every_name_agrees(void)
{
	CHECK(spectra_provider_count() > 0);
	for (size_t i = 0; i < spectra_provider_count(); i++) {
		const spectra_provider_info *row = spectra_provider_at(i);
		CHECK(row->slug && *row->slug && row->aliases && row->genai_name && *row->genai_name);
		/* the slug reaches a row with the same slug (the first one: a slug may have a second
		 * row for aliases that need another gen_ai.provider.name) */
		const spectra_provider_info *by_slug = spectra_provider_find(row->slug, strlen(row->slug));
		CHECK(by_slug && strcmp(by_slug->slug, row->slug) == 0);
		CHECK_STR(spectra_pricing_provider_slug(row->slug), row->slug);
		each_alias(row, check_name);
	}
	CHECK(spectra_provider_at(spectra_provider_count()) == NULL);
}

static void test_catalog_providers_have_a_row(void)
{
	/* the kept CSV rows use the table's slugs (genai-prices models are found by its own
	 * provider ids and provider_match rules) */
	for (size_t i = spectra_catalog_genai_model_count; i < spectra_catalog_model_count; i++) {
		const char *provider = spectra_catalog_models[i].provider;
		const spectra_provider_info *row = spectra_provider_find(provider, strlen(provider));
		if (!CHECK(row && strcmp(row->slug, provider) == 0)) {
			fprintf(stderr, "     catalog provider \"%s\" has no row in src/providers/providers.c\n", provider);
			return;
		}
	}
	for (size_t i = 0; i < spectra_pricing_tool_call_row_count; i++) {
		const char *provider = spectra_pricing_tool_call_rows[i].provider;
		const spectra_provider_info *row = spectra_provider_find(provider, strlen(provider));
		CHECK(row && strcmp(row->slug, provider) == 0);
	}
}

/* The names the two former tables disagreed on: priced and named. */
static void test_former_disagreements(void)
{
	static const struct {
		const char *name;
		const char *slug;
		const char *genai;
	} cases[] = {
		{ "x.ai", "xai", "x_ai" },
		{ "X.AI", "xai", "x_ai" },
		{ "x-ai", "xai", "x_ai" },
		{ "open_ai", "openai", "openai" },
		{ "fal-ai", "falai", "falai" },
		{ "fal_ai", "falai", "falai" },
		{ "google_ai", "google", "gcp.gemini" },
		{ "mistral-ai", "mistral", "mistral_ai" },
		{ "open_router", "openrouter", "openrouter" },
		{ "gcp.gen_ai", "google", "gcp.gen_ai" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		CHECK_STR(spectra_pricing_provider_slug(cases[i].name), cases[i].slug);
		CHECK_STR(span_provider_name(cases[i].name), cases[i].genai);
	}
	CHECK(spectra_pricing_lookup("x.ai", "grok-4-0709", NULL) != NULL);
	CHECK(spectra_pricing_lookup("x.ai", "grok-4-0709", NULL) == spectra_pricing_lookup("xai", "grok-4-0709", NULL));
	CHECK(spectra_pricing_lookup("open_ai", "gpt-4o-mini", NULL) != NULL);
	CHECK(spectra_pricing_lookup("gcp.gen_ai", "gemini-2.5-flash", NULL) != NULL);

	/* ASCII case only; unknown names pass through unchanged */
	const char *unknown = "acme";
	CHECK(spectra_pricing_provider_slug(unknown) == unknown);
	CHECK(spectra_provider_find("acme", 4) == NULL);
	CHECK(spectra_provider_find(NULL, 0) == NULL);
	CHECK(spectra_provider_find("", 0) == NULL);
	CHECK(spectra_provider_find("openai", 5) == NULL); /* a prefix is not a name */
	CHECK_STR(span_provider_name("acme"), "acme");
}

static void test_default_hosts(void)
{
	const spectra_provider_info *xai = spectra_provider_find("x.ai", 4);
	CHECK(xai && xai->host && strcmp(xai->host, "api.x.ai") == 0 && xai->port == 443);
	const spectra_provider_info *azure = spectra_provider_find("azure_openai", 12);
	CHECK(azure && azure->host == NULL);
}

int main(void)
{
	test_every_name_agrees();
	test_catalog_providers_have_a_row();
	test_former_disagreements();
	test_default_hosts();
	return check_summary();
}
