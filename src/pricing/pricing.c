/* Price lookup and cost computation. The built-in rows come from catalog_data.c (generated),
 * the override rows from pricing_file.c; this file only reads both. */
#include "pricing.h"

#include <math.h>
#include <string.h>

#include "../providers/providers.h"

#define STANDARD_TIER "standard"

/* The tiers of the PricingTier enum; catalog rows may add free-form ones such as "hd". */
static const char *const standard_tiers[] = { "standard", "batch", "flex", "priority" };

/* Provider names as users and instrumentations write them map to catalog slugs through the
 * one provider table (src/providers/providers.c), the same one that gives a span its
 * gen_ai.provider.name. */
const char *spectra_pricing_provider_slug(const char *provider)
{
	if (!provider) {
		return NULL;
	}
	/* a slug taken from the table (record->provider_info) is already normalized */
	for (size_t i = 0, n = spectra_provider_count(); i < n; i++) {
		if (spectra_provider_at(i)->slug == provider) {
			return provider;
		}
	}
	const spectra_provider_info *info = spectra_provider_find(provider, strlen(provider));
	return info ? info->slug : provider;
}

/* strcmp() order between the first counted_len bytes of counted and the string terminated. */
static int compare_counted(const char *counted, size_t counted_len, const char *terminated)
{
	int order = strncmp(counted, terminated, counted_len);
	if (order != 0) {
		return order;
	}
	return terminated[counted_len] == '\0' ? 0 : -1; /* a proper prefix sorts first */
}

/* Same order as the generator's sort: provider, model, tier. */
static int compare_row(const char *provider, const char *model, size_t model_len, const char *tier,
	const spectra_price *row)
{
	int order = strcmp(provider, row->provider);
	if (order == 0) {
		order = compare_counted(model, model_len, row->model);
	}
	if (order == 0) {
		order = strcmp(tier, row->tier);
	}
	return order;
}

int spectra_price_order(const spectra_price *a, const spectra_price *b)
{
	return compare_row(a->provider, a->model, strlen(a->model), a->tier, b);
}

/* Binary search of a table sorted by compare_row's order; row_at gives its index-th row. */
static const spectra_price *find_sorted(const spectra_price *(*row_at)(size_t), size_t count, const char *provider,
	const char *model, size_t model_len, const char *tier)
{
	size_t low = 0;
	size_t high = count;
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		const spectra_price *row = row_at(middle);
		int order = compare_row(provider, model, model_len, tier, row);
		if (order == 0) {
			return row;
		}
		if (order < 0) {
			high = middle;
		} else {
			low = middle + 1;
		}
	}
	return NULL;
}

static const spectra_price *builtin_at(size_t index)
{
	return &spectra_pricing_builtin_rows[index];
}

static const spectra_price *find_builtin(const char *provider, const char *model, size_t model_len, const char *tier)
{
	return find_sorted(builtin_at, spectra_pricing_builtin_row_count, provider, model, model_len, tier);
}

static const spectra_price *find_override(const char *provider, const char *model, size_t model_len, const char *tier)
{
	return find_sorted(spectra_pricing_override_at, spectra_pricing_override_count(), provider, model, model_len, tier);
}

static bool all_digits(const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (text[i] < '0' || text[i] > '9') {
			return false;
		}
	}
	return true;
}

/* Length of model without a trailing -YYYYMMDD or -YYYY-MM-DD, or 0 when it has none. */
static size_t length_without_date_suffix(const char *model, size_t len)
{
	if (len > 9 && model[len - 9] == '-' && all_digits(model + len - 8, 8)) {
		return len - 9;
	}
	if (len > 11) {
		const char *date = model + len - 10;
		if (date[-1] == '-' && all_digits(date, 4) && date[4] == '-' && all_digits(date + 5, 2) && date[7] == '-'
			&& all_digits(date + 8, 2)) {
			return len - 11;
		}
	}
	return 0;
}

const spectra_price *spectra_pricing_lookup(const char *provider, const char *model, const char *tier)
{
	if (!provider || !model || !*model) {
		return NULL;
	}
	const char *slug = spectra_pricing_provider_slug(provider);
	if (!tier || !*tier) {
		tier = STANDARD_TIER;
	}
	size_t len = strlen(model);
	/* A more specific id wins: the exact id (override, then built-in) before the undated one. */
	const spectra_price *price = find_override(slug, model, len, tier);
	if (!price) {
		price = find_builtin(slug, model, len, tier);
	}
	size_t undated_len = length_without_date_suffix(model, len);
	if (!price && undated_len > 0) {
		price = find_override(slug, model, undated_len, tier);
		if (!price) {
			price = find_builtin(slug, model, undated_len, tier);
		}
	}
	return price;
}

static double count_or_zero(int64_t count)
{
	return count > 0 ? (double) count : 0.0;
}

static double amount_or_zero(double amount)
{
	return (isfinite(amount) && amount > 0) ? amount : 0.0;
}

/* "Not given" (below 0) prices fall back to the given one. */
static double price_or(double price, double fallback)
{
	return price < 0 ? fallback : price;
}

static double unit_total_cents(const spectra_price *price, const spectra_usage *usage)
{
	double per_unit = amount_or_zero(price->price_per_unit);
	switch (price->unit) {
	case SPECTRA_UNIT_MINUTE:
		return amount_or_zero(usage->duration_seconds) / 60.0 * per_unit;
	case SPECTRA_UNIT_SECOND:
		return amount_or_zero(usage->duration_seconds) * per_unit;
	case SPECTRA_UNIT_CHARACTERS:
		return count_or_zero(usage->input_characters) * per_unit / 1e6;
	case SPECTRA_UNIT_IMAGE:
		return count_or_zero(usage->image_count) * per_unit;
	case SPECTRA_UNIT_VIDEO:
		return count_or_zero(usage->video_count) * per_unit;
	case SPECTRA_UNIT_SEARCH:
		return per_unit; /* one search per request */
	case SPECTRA_UNIT_TOKENS:
		break;
	}
	return 0.0;
}

void spectra_pricing_compute(const spectra_price *price, const spectra_usage *usage, spectra_cost *cost)
{
	if (!cost) {
		return;
	}
	cost->prompt_cents = 0.0;
	cost->completion_cents = 0.0;
	cost->total_cents = 0.0;
	cost->known = price != NULL;
	if (!price || !usage) {
		return;
	}
	if (price->unit != SPECTRA_UNIT_TOKENS) {
		cost->total_cents = unit_total_cents(price, usage);
		return;
	}

	double input_rate = amount_or_zero(price->input_per_1m);
	double cached_rate = price_or(price->cached_input_per_1m, input_rate);
	double cache_write_rate = price_or(price->cache_write_5m_per_1m, input_rate);
	double cache_write_1h_rate = price_or(price->cache_write_1h_per_1m, cache_write_rate);
	double output_rate = amount_or_zero(price->output_per_1m);

	/* prompt already includes cache reads and writes: bill each part at its own rate */
	double prompt = count_or_zero(usage->prompt_tokens);
	double cached = count_or_zero(usage->cached_tokens);
	double cache_written = count_or_zero(usage->cache_write_tokens);
	double written_1h = count_or_zero(usage->cache_write_1h_tokens);
	if (written_1h > cache_written) {
		written_1h = cache_written;
	}
	double uncached = prompt - cached - cache_written;
	if (uncached < 0) {
		uncached = 0;
	}
	/* writes are 5-minute unless the provider said they were 1-hour ones */
	cost->prompt_cents = (uncached * input_rate + cached * cached_rate + (cache_written - written_1h) * cache_write_rate
							 + written_1h * cache_write_1h_rate)
		/ 1e6;
	/* completion already includes reasoning tokens: they are not added again */
	cost->completion_cents = count_or_zero(usage->completion_tokens) * output_rate / 1e6;
	cost->total_cents = cost->prompt_cents + cost->completion_cents;
}

double spectra_pricing_tool_call_cents(const char *provider, const char *tool_call_type)
{
	if (!provider || !tool_call_type) {
		return 0.0;
	}
	const char *slug = spectra_pricing_provider_slug(provider);
	for (size_t i = 0; i < spectra_pricing_tool_call_row_count; i++) {
		const spectra_tool_call_price *row = &spectra_pricing_tool_call_rows[i];
		if (strcmp(row->provider, slug) == 0 && strcmp(row->tool_call_type, tool_call_type) == 0) {
			return row->cents_per_call;
		}
	}
	return 0.0;
}

size_t spectra_pricing_builtin_count(void)
{
	return spectra_pricing_builtin_row_count;
}

bool spectra_pricing_is_known_tier(const char *tier)
{
	if (!tier || !*tier) {
		return true; /* means standard */
	}
	for (size_t i = 0; i < sizeof standard_tiers / sizeof standard_tiers[0]; i++) {
		if (strcmp(tier, standard_tiers[i]) == 0) {
			return true;
		}
	}
	for (size_t i = 0; i < spectra_pricing_builtin_row_count; i++) {
		if (strcmp(tier, spectra_pricing_builtin_rows[i].tier) == 0) {
			return true;
		}
	}
	return spectra_pricing_override_has_tier(tier);
}
