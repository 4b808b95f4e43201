/* Price lookup: the pricing file's rows (pricing_file.c), the genai-prices catalog and the
 * kept CSV rows (catalog_data.c, generated). This file only reads them. */
#include "pricing.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../providers/providers.h"
#include "model_match.h"

#define STANDARD_TIER "standard"
/* Ids longer than this are not in any catalog; it bounds the lowercased copy. */
#define MAX_MODEL_ID 512

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

static const spectra_price *csv_row_at(size_t index)
{
	return &spectra_catalog_models[spectra_catalog_genai_model_count + index];
}

static const spectra_price *find_csv_row(const char *provider, const char *model, size_t model_len, const char *tier)
{
	return find_sorted(csv_row_at, spectra_catalog_model_count - spectra_catalog_genai_model_count, provider, model,
		model_len, tier);
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

/* ---- the genai-prices catalog ------------------------------------------------------------ */

/* Lowercase ASCII, surrounding whitespace removed (the package's toLowerCase().trim()).
 * Returns the length, or SIZE_MAX when the id does not fit. */
static size_t normalize_id(const char *id, char *out, size_t size)
{
	size_t len = strlen(id);
	while (len && isspace((unsigned char) id[len - 1])) {
		len--;
	}
	while (len && isspace((unsigned char) *id)) {
		id++;
		len--;
	}
	if (len >= size) {
		return SIZE_MAX;
	}
	for (size_t i = 0; i < len; i++) {
		out[i] = (char) tolower((unsigned char) id[i]);
	}
	out[len] = '\0';
	return len;
}

static int find_catalog_provider(const char *name)
{
	char id[128];
	size_t len = normalize_id(name, id, sizeof id);
	if (len == SIZE_MAX) {
		return -1;
	}
	for (size_t i = 0; i < spectra_catalog_provider_count; i++) {
		const char *candidate = spectra_catalog_providers[i].id;
		if (candidate[0] == id[0] && strcmp(candidate, id) == 0) {
			return (int) i;
		}
	}
	for (size_t i = 0; i < spectra_catalog_provider_count; i++) {
		if (spectra_match_rule(spectra_catalog_providers[i].match, id, len)) {
			return (int) i;
		}
	}
	return -1;
}

static int compare_exact(uint16_t provider, const char *id, size_t len, const spectra_exact_id *entry)
{
	if (provider != entry->provider) {
		return provider < entry->provider ? -1 : 1;
	}
	return compare_counted(id, len, entry->id);
}

/* The first model of the provider with an "equals" alternative for id, or SIZE_MAX. */
static size_t exact_model(uint16_t provider, const char *id, size_t len)
{
	size_t low = 0;
	size_t high = spectra_catalog_exact_id_count;
	while (low < high) {
		size_t middle = low + (high - low) / 2;
		int order = compare_exact(provider, id, len, &spectra_catalog_exact_ids[middle]);
		if (order == 0) {
			return spectra_catalog_exact_ids[middle].model;
		}
		if (order < 0) {
			high = middle;
		} else {
			low = middle + 1;
		}
	}
	return SIZE_MAX;
}

/* The first model of the provider (in the data's order) whose rule matches id: the exact index
 * gives the first "equals" hit; only the rule-matched models before it can come first. */
static const spectra_price *find_in_provider(size_t p, const char *id, size_t len)
{
	const spectra_catalog_provider *provider = &spectra_catalog_providers[p];
	size_t hit = exact_model((uint16_t) p, id, len);
	for (uint16_t i = 0; i < provider->rule_model_count; i++) {
		size_t model = spectra_catalog_rule_models[provider->first_rule_model + i];
		if (model >= hit) {
			break;
		}
		if (spectra_match_rule(spectra_catalog_models[model].match, id, len)) {
			return &spectra_catalog_models[model];
		}
	}
	return hit == SIZE_MAX ? NULL : &spectra_catalog_models[hit];
}

static const spectra_price *find_with_fallbacks(size_t p, const char *id, size_t len)
{
	const spectra_price *price = find_in_provider(p, id, len);
	const spectra_catalog_provider *provider = &spectra_catalog_providers[p];
	for (uint16_t i = 0; !price && i < provider->fallback_count; i++) {
		price = find_in_provider(spectra_catalog_fallbacks[provider->first_fallback + i], id, len);
	}
	return price;
}

static bool valid_date(int year, int month, int day)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) {
		return false;
	}
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return month != 2 || day <= 28 || leap;
}

/* Every "-YYYYMMDD" (a real date of 20xx, followed by '-', ':' or the end) written
 * "-YYYY-MM-DD", as the package retries a miss. Returns the new length (0: no change). */
static size_t dashed_dates(const char *id, size_t len, char *out, size_t size)
{
	size_t o = 0;
	bool changed = false;
	for (size_t i = 0; i < len; i++) {
		const char *d = id + i + 1;
		if (id[i] == '-' && i + 9 <= len && all_digits(d, 8) && d[0] == '2' && d[1] == '0'
			&& (i + 9 == len || d[8] == '-' || d[8] == ':')) {
			int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
			int month = (d[4] - '0') * 10 + (d[5] - '0');
			int day = (d[6] - '0') * 10 + (d[7] - '0');
			if (valid_date(year, month, day) && o + 11 < size) {
				memcpy(out + o, id + i, 5);
				out[o + 5] = '-';
				memcpy(out + o + 6, d + 4, 2);
				out[o + 8] = '-';
				memcpy(out + o + 9, d + 6, 2);
				o += 11;
				i += 8;
				changed = true;
				continue;
			}
		}
		if (o + 1 >= size) {
			return 0;
		}
		out[o++] = id[i];
	}
	out[o] = '\0';
	return changed ? o : 0;
}

static const spectra_price *find_catalog_model(const char *provider_name, const char *slug, const char *model)
{
	char id[MAX_MODEL_ID];
	size_t len = normalize_id(model, id, sizeof id);
	if (len == SIZE_MAX || len == 0) {
		return NULL;
	}
	int p = find_catalog_provider(provider_name);
	if (p < 0 && slug && strcmp(slug, provider_name) != 0) {
		p = find_catalog_provider(slug);
	}
	const char *model_id = id;
	if (strcmp(provider_name, "litellm") == 0) {
		/* LiteLLM names models "provider/model" */
		const char *slash = memchr(id, '/', len);
		char prefix[128];
		if (slash && slash > id && slash[1] && (size_t) (slash - id) < sizeof prefix) {
			memcpy(prefix, id, (size_t) (slash - id));
			prefix[slash - id] = '\0';
			int routed = find_catalog_provider(prefix);
			if (routed >= 0) {
				p = routed;
				model_id = slash + 1;
				len -= (size_t) (slash + 1 - id);
			}
		}
	}
	if (p < 0 && strcmp(provider_name, "litellm") == 0) {
		/* LiteLLM without a known provider prefix: the provider whose model_match takes the id */
		for (size_t i = 0; i < spectra_catalog_provider_count && p < 0; i++) {
			if (spectra_match_rule(spectra_catalog_providers[i].model_match, model_id, len)) {
				p = (int) i;
			}
		}
	}
	if (p < 0) {
		return NULL;
	}
	const spectra_price *price = find_with_fallbacks((size_t) p, model_id, len);
	if (!price) {
		char dashed[MAX_MODEL_ID + 64];
		size_t dashed_len = dashed_dates(model_id, len, dashed, sizeof dashed);
		if (dashed_len) {
			price = find_with_fallbacks((size_t) p, dashed, dashed_len);
		}
	}
	return price;
}

/* The built-in rows and catalog, in lookup order: an exact kept CSV row (another tier, a
 * unit-priced model, a model genai-prices lacks), the genai-prices catalog (standard tier), then
 * the id without its date suffix the same way. */
static const spectra_price *find_builtin(const char *provider, const char *slug, const char *model, const char *tier)
{
	size_t len = strlen(model);
	size_t undated_len = length_without_date_suffix(model, len);
	bool standard = strcmp(tier, STANDARD_TIER) == 0;
	const spectra_price *price = find_csv_row(slug, model, len, tier);
	if (!price && standard) {
		price = find_catalog_model(provider, slug, model);
	}
	if (!price && undated_len > 0) {
		price = find_csv_row(slug, model, undated_len, tier);
	}
	if (!price && undated_len > 0 && standard) {
		/* beyond the package: a dated id its rules miss is priced as the undated one */
		char undated[MAX_MODEL_ID];
		if (undated_len < sizeof undated) {
			memcpy(undated, model, undated_len);
			undated[undated_len] = '\0';
			price = find_catalog_model(provider, slug, undated);
		}
	}
	return price;
}

/* find_builtin() is a pure function of static data, so its answers are memoized per thread in
 * a small direct-mapped table: an application prices a handful of models again and again, and
 * a hit costs a hash and a compare instead of the searches and the rule scan. The pricing file
 * is searched before it, so loading a new file needs no invalidation. */
#define CACHE_SLOTS 64
#define CACHE_KEY_MAX 192

typedef struct {
	size_t len; /* 0 = empty */
	const spectra_price *price;
	char key[CACHE_KEY_MAX]; /* provider NUL model NUL tier */
} cache_slot;

static _Thread_local cache_slot builtin_cache[CACHE_SLOTS];

/* A multiplicative hash taking 8 bytes a step (the keys are short ids). */
static uint64_t hash_key(const char *key, size_t len)
{
	uint64_t hash = UINT64_C(0x9E3779B97F4A7C15) ^ len;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t word;
		memcpy(&word, key + i, 8);
		hash = (hash ^ word) * UINT64_C(0xFF51AFD7ED558CCD);
		hash ^= hash >> 29;
	}
	uint64_t tail = 0;
	memcpy(&tail, key + i, len - i);
	hash = (hash ^ tail) * UINT64_C(0xC4CEB9FE1A85EC53);
	return hash ^ (hash >> 32);
}

static const spectra_price *cached_builtin(const char *provider, const char *slug, const char *model, size_t model_len,
	const char *tier)
{
	size_t provider_len = strlen(provider);
	size_t tier_len = strlen(tier);
	size_t len = provider_len + 1 + model_len + 1 + tier_len;
	if (len > CACHE_KEY_MAX) {
		return find_builtin(provider, slug, model, tier);
	}
	char key[CACHE_KEY_MAX];
	memcpy(key, provider, provider_len + 1);
	memcpy(key + provider_len + 1, model, model_len + 1);
	memcpy(key + provider_len + 1 + model_len + 1, tier, tier_len);
	cache_slot *slot = &builtin_cache[hash_key(key, len) % CACHE_SLOTS];
	if (slot->len == len && memcmp(slot->key, key, len) == 0) {
		return slot->price;
	}
	const spectra_price *price = find_builtin(provider, slug, model, tier);
	memcpy(slot->key, key, len);
	slot->len = len;
	slot->price = price;
	return price;
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
	size_t undated_len = length_without_date_suffix(model, len);
	/* the pricing file first; a more specific id wins: the exact id before the undated one */
	const spectra_price *price = find_override(slug, model, len, tier);
	if (!price && undated_len > 0) {
		price = find_override(slug, model, undated_len, tier);
	}
	return price ? price : cached_builtin(provider, slug, model, len, tier);
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
	return spectra_catalog_model_count;
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
	for (size_t i = 0; i < spectra_catalog_tier_count; i++) {
		if (strcmp(tier, spectra_catalog_tiers[i]) == 0) {
			return true;
		}
	}
	return spectra_pricing_override_has_tier(tier);
}
