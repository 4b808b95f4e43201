/* The pricing file: a JSON file that adds models to the built-in catalog or replaces some of
 * its prices (spectra_pricing_load_file). Example:
 *
 *   {
 *     "models": [
 *       {"provider": "openai", "model": "ft:gpt-4o-mini:acme::abc123",
 *        "input": 30, "output": 120, "cached_input": 15},
 *       {"provider": "anthropic", "model": "claude-sonnet-4-5-20250929", "tier": "batch",
 *        "input": 150, "output": 750, "cached_input": 15, "cache_write_5m": 187.5},
 *       {"provider": "openai", "model": "whisper-1", "unit": "minute", "type": "audio",
 *        "price_per_unit": 0.5},
 *       {"provider": "google", "model": "my-gemini", "input_mtok": {"base": 125,
 *        "tiers": [{"start": 200000, "price": 250}]}, "output_mtok": 1000,
 *        "input_audio_mtok": 100, "web_searches_kcount": 3500}
 *     ]
 *   }
 *
 * The top level is an object with the single key "models", a list of entries. Entry keys:
 *   provider        string, required. Aliases are normalised (gemini -> google, grok -> xai;
 *                   see spectra_pricing_provider_slug).
 *   model           string, required: the model id as sent to the API. Requests for the
 *                   same id with a -YYYYMMDD or -YYYY-MM-DD suffix also match.
 *   tier            string, default "standard" (also batch, flex, priority or your own).
 *   unit            "tokens" (default), "minute", "second", "characters", "image", "video"
 *                   or "search": what price_per_unit is per.
 *   type            "text" (default), "embedding", "image", "audio" or "video".
 *   display_name    string, default: the model id.
 *   input, output   US cents per 1M tokens (1 dollar per 1M tokens = 100).
 *   cached_input    cents per 1M cache-read tokens; default: the input price.
 *   cache_write_5m  cents per 1M cache-write tokens; default: the input price.
 *   cache_write_1h  cents per 1M tokens of 1-hour cache writes; default: the cache-write price.
 *   price_per_unit  cents per minute / second / image / video / search, or per 1M characters.
 *   any price key of the genai-prices units (spectra_units[].price_key: input_mtok,
 *                   output_mtok, cache_read_mtok, cache_write_mtok, cache_write_1h_mtok,
 *                   input_audio_mtok, output_audio_mtok, cache_audio_read_mtok,
 *                   input_image_mtok, output_image_mtok, input_video_mtok,
 *                   output_reasoning_mtok, audio_hours, input_audio_hours,
 *                   input_document_kpages, requests_kcount, web_searches_kcount,
 *                   storage_searches_kcount, output_images_each, ... see data/README.md), in
 *                   US CENTS per that key's unit size (per 1M tokens, per hour, per 1000
 *                   requests...). The value is a number or a tiered price
 *                   {"base": cents, "tiers": [{"start": input tokens, "price": cents}, ...]}:
 *                   the last tier whose start the request's total input tokens exceed prices
 *                   the whole request. input/input_mtok and the like name the same price: give
 *                   one of them.
 * All prices are numbers >= 0 and at most 1e9 (SPECTRA_MAX_PRICE_CENTS); for a "tokens" entry,
 * input and output you leave out are 0. An entry with another unit is priced by that unit only:
 * its input, output, cached_input and cache_write_* are accepted and ignored, as they always
 * were (genai-prices keys in it do apply). A price of a more specific unit needs the prices of
 * the units it refines (cache_audio_read_mtok needs cache_read_mtok and input_audio_mtok), as
 * genai-prices requires.
 *
 * Each entry replaces the built-in price with the same provider, model and tier; other tiers
 * of that model keep their built-in prices. The same provider+model+tier twice in the file,
 * an unknown key, a value of the wrong type or invalid JSON is an error "path:line: reason",
 * and then the previously loaded overrides stay in place.
 *
 * Loading happens at module startup (single-threaded); lookups afterwards only read. The
 * rows are kept sorted like the built-in ones, so a lookup is a binary search whatever the
 * file's size, and loading is O(n log n). */
#include "pricing.h"
#include "../util/buf.h"
#include "../util/json_reader.h"
#include "../record/limits.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Far above any real price list; stops a wrong path (a log file, /dev/zero) early. */
#define PRICING_FILE_MAX_BYTES (16u * 1024u * 1024u)

typedef struct {
	spectra_price price; /* its strings and set point at the owned parts below */
	spectra_price_set set;
	spectra_unit_price prices[SPECTRA_USAGE_KEY_COUNT];
	spectra_price_tier *tiers; /* of all tiered prices of the row */
	char *provider;
	char *model;
	char *display_name;
	char *type;
	char *tier;
	int line; /* of the entry in the file, for duplicate reports */
} override_row;

typedef struct {
	override_row *rows;
	size_t count;
	const char **tiers; /* the distinct tiers of rows, sorted; they point into rows */
	size_t tier_count;
} override_table;

/* The only mutable state of the pricing stage. */
static override_table loaded_overrides;

typedef struct {
	const char *path;
	char *error;
	size_t error_size;
} load_context;

static bool report(const load_context *context, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Writes "path:line: reason" (or "path: reason" when there is no line) and returns false. */
static bool report(const load_context *context, int line, const char *fmt, ...)
{
	if (!context->error || context->error_size == 0) {
		return false;
	}
	char reason[512];
	va_list args;
	va_start(args, fmt);
	vsnprintf(reason, sizeof reason, fmt, args);
	va_end(args);
	if (line > 0) {
		snprintf(context->error, context->error_size, "%s:%d: %s", context->path, line, reason);
	} else {
		snprintf(context->error, context->error_size, "%s: %s", context->path, reason);
	}
	return false;
}

static void free_row(override_row *row)
{
	free(row->provider);
	free(row->model);
	free(row->display_name);
	free(row->type);
	free(row->tier);
	free(row->tiers);
}

static void free_table(override_table *table)
{
	for (size_t i = 0; i < table->count; i++) {
		free_row(&table->rows[i]);
	}
	free(table->rows);
	free(table->tiers);
	*table = (override_table){ NULL, 0, NULL, 0 };
}

static int compare_strings(const void *left, const void *right)
{
	return strcmp(*(const char *const *) left, *(const char *const *) right);
}

/* Fills table->tiers; false when out of memory. */
static bool collect_tiers(override_table *table)
{
	if (table->count == 0) {
		return true;
	}
	table->tiers = malloc(table->count * sizeof *table->tiers);
	if (!table->tiers) {
		return false;
	}
	for (size_t i = 0; i < table->count; i++) {
		table->tiers[i] = table->rows[i].tier;
	}
	qsort(table->tiers, table->count, sizeof *table->tiers, compare_strings);
	size_t distinct = 1;
	for (size_t i = 1; i < table->count; i++) {
		if (strcmp(table->tiers[i], table->tiers[distinct - 1]) != 0) {
			table->tiers[distinct++] = table->tiers[i];
		}
	}
	table->tier_count = distinct;
	return true;
}

static bool read_whole_file(const load_context *context, char **text, size_t *len)
{
	FILE *file = fopen(context->path, "rb");
	if (!file) {
		return report(context, 0, "cannot open: %s", strerror(errno));
	}
	spectra_buf buf;
	spectra_buf_init(&buf);
	char chunk[8192];
	size_t got;
	bool ok = true;
	while ((got = fread(chunk, 1, sizeof chunk, file)) > 0) {
		if (buf.len + got > PRICING_FILE_MAX_BYTES) {
			ok = report(context, 0, "larger than %u bytes; is this the right file?", PRICING_FILE_MAX_BYTES);
			break;
		}
		if (!spectra_buf_append(&buf, chunk, got)) {
			ok = report(context, 0, "out of memory");
			break;
		}
	}
	if (ok && ferror(file)) {
		ok = report(context, 0, "read error: %s", strerror(errno));
	}
	fclose(file);
	if (!ok) {
		spectra_buf_free(&buf);
		return false;
	}
	*text = spectra_buf_detach(&buf, len);
	return true;
}

typedef enum { FIELD_STRING, FIELD_PRICE } field_kind;

/* What "price_per_unit" is per. */
typedef enum {
	SPECTRA_UNIT_TOKENS = 0,
	SPECTRA_UNIT_MINUTE,
	SPECTRA_UNIT_SECOND,
	SPECTRA_UNIT_CHARACTERS,
	SPECTRA_UNIT_IMAGE,
	SPECTRA_UNIT_VIDEO,
	SPECTRA_UNIT_SEARCH,
} spectra_pricing_unit;

/* The keys of one model entry. */
typedef enum {
	KEY_PROVIDER,
	KEY_MODEL,
	KEY_TIER,
	KEY_UNIT,
	KEY_TYPE,
	KEY_DISPLAY_NAME,
	KEY_INPUT,
	KEY_OUTPUT,
	KEY_CACHED_INPUT,
	KEY_CACHE_WRITE_5M,
	KEY_CACHE_WRITE_1H,
	KEY_PRICE_PER_UNIT,
	KEY_COUNT
} entry_key;

static const struct {
	const char *name;
	field_kind kind;
} entry_keys[KEY_COUNT] = {
	[KEY_PROVIDER] = { "provider", FIELD_STRING },
	[KEY_MODEL] = { "model", FIELD_STRING },
	[KEY_TIER] = { "tier", FIELD_STRING },
	[KEY_UNIT] = { "unit", FIELD_STRING },
	[KEY_TYPE] = { "type", FIELD_STRING },
	[KEY_DISPLAY_NAME] = { "display_name", FIELD_STRING },
	[KEY_INPUT] = { "input", FIELD_PRICE },
	[KEY_OUTPUT] = { "output", FIELD_PRICE },
	[KEY_CACHED_INPUT] = { "cached_input", FIELD_PRICE },
	[KEY_CACHE_WRITE_5M] = { "cache_write_5m", FIELD_PRICE },
	[KEY_CACHE_WRITE_1H] = { "cache_write_1h", FIELD_PRICE },
	[KEY_PRICE_PER_UNIT] = { "price_per_unit", FIELD_PRICE },
};

static const struct {
	const char *name;
	spectra_pricing_unit unit;
} unit_names[] = {
	{ "tokens", SPECTRA_UNIT_TOKENS },
	{ "minute", SPECTRA_UNIT_MINUTE },
	{ "second", SPECTRA_UNIT_SECOND },
	{ "characters", SPECTRA_UNIT_CHARACTERS },
	{ "image", SPECTRA_UNIT_IMAGE },
	{ "video", SPECTRA_UNIT_VIDEO },
	{ "search", SPECTRA_UNIT_SEARCH },
};

static const char *const model_types[] = { "text", "embedding", "image", "audio", "video" };

static bool find_entry_key(const spectra_json_member *member, entry_key *key)
{
	for (int i = 0; i < KEY_COUNT; i++) {
		if (strlen(entry_keys[i].name) == member->key_len && strcmp(entry_keys[i].name, member->key) == 0) {
			*key = (entry_key) i;
			return true;
		}
	}
	return false;
}

/* The usage key whose genai-prices price key this member names, or -1. */
static int find_price_key(const spectra_json_member *member)
{
	for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT; k++) {
		if (strlen(spectra_units[k].price_key) == member->key_len
			&& strcmp(spectra_units[k].price_key, member->key) == 0) {
			return k;
		}
	}
	return -1;
}

static bool check_cents(const load_context *context, const spectra_json_value *value, const char *name)
{
	if (value->type != SPECTRA_JSON_NUMBER) {
		return report(context, value->line, "\"%s\" must be a number (cents), found %s", name,
			spectra_json_type_name(value->type));
	}
	if (value->as.number.value < 0) {
		return report(context, value->line, "\"%s\" must not be negative", name);
	}
	if (!isfinite(value->as.number.value) || value->as.number.value > SPECTRA_MAX_PRICE_CENTS) {
		return report(context, value->line, "\"%s\" must be at most %.0f cents", name, SPECTRA_MAX_PRICE_CENTS);
	}
	return true;
}

/* Checks the type of one entry value; strings must be non-empty, prices >= 0. */
static bool check_entry_value(const load_context *context, entry_key key, const spectra_json_value *value)
{
	const char *name = entry_keys[key].name;
	if (entry_keys[key].kind == FIELD_STRING) {
		if (value->type != SPECTRA_JSON_STRING) {
			return report(context, value->line, "\"%s\" must be a string, found %s", name,
				spectra_json_type_name(value->type));
		}
		if (value->as.string.len == 0) {
			return report(context, value->line, "\"%s\" must not be empty", name);
		}
		if (strlen(value->as.string.chars) != value->as.string.len) {
			return report(context, value->line, "\"%s\" contains a NUL character", name);
		}
		return true;
	}
	return check_cents(context, value, name);
}

static bool copy_string(const load_context *context, int line, const char *text, char **copy)
{
	*copy = spectra_strdup(text);
	return *copy != NULL || report(context, line, "out of memory");
}

static const spectra_json_value *member_value(const spectra_json_value *object, const char *key)
{
	for (size_t i = 0; i < object->as.object.count; i++) {
		if (strcmp(object->as.object.members[i].key, key) == 0) {
			return &object->as.object.members[i].value;
		}
	}
	return NULL;
}

/* The prices of one row being read, by usage key, in cents. */
typedef struct {
	const spectra_json_value *given[SPECTRA_USAGE_KEY_COUNT]; /* a number or a tiered object */
	double cents[SPECTRA_USAGE_KEY_COUNT];                    /* for keys set without JSON */
	bool set[SPECTRA_USAGE_KEY_COUNT];
	const char *named[SPECTRA_USAGE_KEY_COUNT]; /* the key that set it, for messages */
} row_prices;

static bool price_once(const load_context *context, row_prices *prices, int key, const char *name, int line)
{
	if (prices->set[key]) {
		return report(context, line, "\"%s\" and \"%s\" name the same price (%s): give one", prices->named[key], name,
			spectra_units[key].price_key);
	}
	prices->set[key] = true;
	prices->named[key] = name;
	return true;
}

static bool give_cents(const load_context *context, row_prices *prices, int key, const char *name, double cents,
	int line)
{
	if (!price_once(context, prices, key, name, line)) {
		return false;
	}
	prices->cents[key] = cents;
	return true;
}

/* A tiered price: {"base": cents, "tiers": [{"start": tokens, "price": cents}, ...]}. */
static bool check_tiered(const load_context *context, const spectra_json_value *value, const char *name, size_t *tiers)
{
	const spectra_json_value *base = member_value(value, "base");
	const spectra_json_value *list = member_value(value, "tiers");
	if (!base || !list || value->as.object.count != 2) {
		return report(context, value->line, "\"%s\": a tiered price is {\"base\": cents, \"tiers\": [...]}", name);
	}
	if (!check_cents(context, base, "base")) {
		return false;
	}
	if (list->type != SPECTRA_JSON_ARRAY || list->as.array.count == 0 || list->as.array.count > 255) {
		return report(context, list->line, "\"%s\": \"tiers\" must be a list of 1 to 255 tiers", name);
	}
	for (size_t i = 0; i < list->as.array.count; i++) {
		const spectra_json_value *tier = &list->as.array.items[i];
		const spectra_json_value *start = tier->type == SPECTRA_JSON_OBJECT ? member_value(tier, "start") : NULL;
		const spectra_json_value *price = tier->type == SPECTRA_JSON_OBJECT ? member_value(tier, "price") : NULL;
		if (!start || !price || tier->as.object.count != 2) {
			return report(context, tier->line, "\"%s\": each tier is {\"start\": input tokens, \"price\": cents}",
				name);
		}
		if (start->type != SPECTRA_JSON_NUMBER || !start->as.number.is_integer || start->as.number.integer < 0) {
			return report(context, start->line, "\"%s\": a tier's start must be a whole number >= 0", name);
		}
		if (!check_cents(context, price, "price")) {
			return false;
		}
	}
	*tiers += list->as.array.count;
	return true;
}

static int compare_tiers(const void *left, const void *right)
{
	const spectra_price_tier *a = left;
	const spectra_price_tier *b = right;
	return (a->start > b->start) - (a->start < b->start);
}

/* Turns the row's prices (cents) into its price set (dollars, most specific unit first). */
static bool build_set(const load_context *context, int line, const row_prices *prices, size_t tier_total,
	override_row *row)
{
	for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT; k++) {
		for (int a = 0; prices->set[k] && a < SPECTRA_USAGE_KEY_COUNT; a++) {
			if (((spectra_units[k].ancestors >> a) & 1) && !prices->set[a]) {
				return report(context, line, "\"%s\" needs a price for %s too (the unit it refines)", prices->named[k],
					spectra_units[a].price_key);
			}
		}
		for (int b = k + 1; prices->set[k] && b < SPECTRA_USAGE_KEY_COUNT; b++) {
			int join = spectra_unit_joins[k][b];
			if (prices->set[b] && join >= 0 && join != k && join != b && !prices->set[join]) {
				return report(context, line, "\"%s\" and \"%s\" need a price for %s too (their overlap)",
					prices->named[k], prices->named[b], spectra_units[join].price_key);
			}
		}
	}
	row->tiers = tier_total ? calloc(tier_total, sizeof *row->tiers) : NULL;
	if (tier_total && !row->tiers) {
		return report(context, line, "out of memory");
	}
	/* most specific first: by ancestor count (the dimension count) descending, then key */
	size_t count = 0;
	size_t tiers_used = 0;
	for (int depth = SPECTRA_USAGE_KEY_COUNT; depth >= 0; depth--) {
		for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT; k++) {
			if (!prices->set[k] || __builtin_popcountll(spectra_units[k].ancestors) != depth) {
				continue;
			}
			spectra_unit_price *unit = &row->prices[count++];
			unit->key = (uint8_t) k;
			const spectra_json_value *value = prices->given[k];
			if (value && value->type == SPECTRA_JSON_OBJECT) {
				const spectra_json_value *list = member_value(value, "tiers");
				unit->price = member_value(value, "base")->as.number.value / 100;
				unit->tiers = &row->tiers[tiers_used];
				unit->tier_count = (uint8_t) list->as.array.count;
				for (size_t i = 0; i < list->as.array.count; i++) {
					const spectra_json_value *tier = &list->as.array.items[i];
					row->tiers[tiers_used + i].start = (uint64_t) member_value(tier, "start")->as.number.integer;
					row->tiers[tiers_used + i].price = member_value(tier, "price")->as.number.value / 100;
				}
				qsort(&row->tiers[tiers_used], list->as.array.count, sizeof *row->tiers, compare_tiers);
				tiers_used += list->as.array.count;
			} else {
				unit->price = (value ? value->as.number.value : prices->cents[k]) / 100;
			}
		}
	}
	row->set = (spectra_price_set){ SPECTRA_PRICE_ALWAYS, 0, 0, row->prices, count };
	return true;
}

/* The unit prices a price_per_unit entry stands for (the generator converts CSV rows alike). */
static bool unit_price(const load_context *context, row_prices *prices, spectra_pricing_unit unit, bool video,
	double cents, int line)
{
	const char *name = "price_per_unit";
	switch (unit) {
	case SPECTRA_UNIT_MINUTE:
		return video ? give_cents(context, prices, SPECTRA_USAGE_video_seconds, name, cents / 60, line)
					 : give_cents(context, prices, SPECTRA_USAGE_audio_seconds, name, cents * 60, line);
	case SPECTRA_UNIT_SECOND:
		return video ? give_cents(context, prices, SPECTRA_USAGE_video_seconds, name, cents, line)
					 : give_cents(context, prices, SPECTRA_USAGE_audio_seconds, name, cents * 3600, line);
	case SPECTRA_UNIT_CHARACTERS:
		return give_cents(context, prices, SPECTRA_USAGE_input_characters, name, cents, line);
	case SPECTRA_UNIT_IMAGE:
		return give_cents(context, prices, SPECTRA_USAGE_output_images, name, cents, line);
	case SPECTRA_UNIT_VIDEO:
		return give_cents(context, prices, SPECTRA_USAGE_output_videos, name, cents, line);
	case SPECTRA_UNIT_SEARCH: /* a rerank search unit (Cohere's meta.billed_units.search_units) */
		return give_cents(context, prices, SPECTRA_USAGE_rerank_searches, name, cents * 1000, line);
	case SPECTRA_UNIT_TOKENS:
		break;
	}
	return true;
}

/* Fills row from one entry of "models" (already known to be an object). */
static bool read_entry(const load_context *context, const spectra_json_value *entry, override_row *row)
{
	const spectra_json_value *values[KEY_COUNT] = { 0 };
	int key_lines[KEY_COUNT] = { 0 };
	row_prices prices;
	memset(&prices, 0, sizeof prices);
	size_t tier_total = 0;

	for (size_t i = 0; i < entry->as.object.count; i++) {
		const spectra_json_member *member = &entry->as.object.members[i];
		entry_key key;
		if (!find_entry_key(member, &key)) {
			int usage_key = find_price_key(member);
			if (usage_key < 0) {
				return report(context, member->line,
					"unknown key \"%.64s\" (allowed: provider, model, tier, unit, type, display_name, input, "
					"output, cached_input, cache_write_5m, cache_write_1h, price_per_unit, or a genai-prices "
					"price key such as input_audio_mtok)",
					member->key);
			}
			const spectra_json_value *value = &member->value;
			bool ok = value->type == SPECTRA_JSON_OBJECT ? check_tiered(context, value, member->key, &tier_total)
														 : check_cents(context, value, member->key);
			if (!ok || !price_once(context, &prices, usage_key, spectra_units[usage_key].price_key, member->line)) {
				return false;
			}
			prices.given[usage_key] = value;
			continue;
		}
		if (values[key]) {
			return report(context, member->line, "duplicate key \"%s\" (first on line %d)", entry_keys[key].name,
				key_lines[key]);
		}
		if (!check_entry_value(context, key, &member->value)) {
			return false;
		}
		values[key] = &member->value;
		key_lines[key] = member->line;
	}
	if (!values[KEY_PROVIDER]) {
		return report(context, entry->line, "model entry is missing the required key \"provider\"");
	}
	if (!values[KEY_MODEL]) {
		return report(context, entry->line, "model entry is missing the required key \"model\"");
	}

	spectra_pricing_unit unit = SPECTRA_UNIT_TOKENS;
	if (values[KEY_UNIT]) {
		const char *name = values[KEY_UNIT]->as.string.chars;
		size_t i = 0;
		while (i < sizeof unit_names / sizeof unit_names[0] && strcmp(name, unit_names[i].name) != 0) {
			i++;
		}
		if (i == sizeof unit_names / sizeof unit_names[0]) {
			return report(context, values[KEY_UNIT]->line,
				"unknown unit \"%.64s\" (expected tokens, minute, second, characters, image, video or search)", name);
		}
		unit = unit_names[i].unit;
	}
	const char *type = values[KEY_TYPE] ? values[KEY_TYPE]->as.string.chars : "text";
	size_t type_index = 0;
	while (type_index < sizeof model_types / sizeof model_types[0] && strcmp(type, model_types[type_index]) != 0) {
		type_index++;
	}
	if (type_index == sizeof model_types / sizeof model_types[0]) {
		return report(context, values[KEY_TYPE]->line,
			"unknown type \"%.64s\" (expected text, embedding, image, audio or video)", type);
	}

	/* the earlier keys, in cents per 1M tokens or per unit */
#define CENTS(key) (values[key]->as.number.value)
	static const struct {
		entry_key key;
		spectra_usage_key usage_key;
	} token_keys[] = {
		{ KEY_INPUT, SPECTRA_USAGE_input_tokens },
		{ KEY_OUTPUT, SPECTRA_USAGE_output_tokens },
		{ KEY_CACHED_INPUT, SPECTRA_USAGE_cache_read_tokens },
		{ KEY_CACHE_WRITE_5M, SPECTRA_USAGE_cache_write_tokens },
		{ KEY_CACHE_WRITE_1H, SPECTRA_USAGE_cache_write_1h_tokens },
	};
	for (size_t i = 0; unit == SPECTRA_UNIT_TOKENS && i < sizeof token_keys / sizeof token_keys[0]; i++) {
		entry_key key = token_keys[i].key;
		if (values[key]
			&& !give_cents(context, &prices, token_keys[i].usage_key, entry_keys[key].name, CENTS(key),
				key_lines[key])) {
			return false;
		}
	}
	if (values[KEY_PRICE_PER_UNIT]
		&& !unit_price(context, &prices, unit, strcmp(type, "video") == 0, CENTS(KEY_PRICE_PER_UNIT),
			key_lines[KEY_PRICE_PER_UNIT])) {
		return false;
	}
#undef CENTS
	if (unit == SPECTRA_UNIT_TOKENS) {
		/* input and output left out are 0; a 1-hour write price alone refines the input price */
		if (!prices.set[SPECTRA_USAGE_input_tokens]) {
			give_cents(context, &prices, SPECTRA_USAGE_input_tokens, "input", 0, entry->line);
		}
		if (!prices.set[SPECTRA_USAGE_output_tokens]) {
			give_cents(context, &prices, SPECTRA_USAGE_output_tokens, "output", 0, entry->line);
		}
		if (prices.set[SPECTRA_USAGE_cache_write_1h_tokens] && !prices.set[SPECTRA_USAGE_cache_write_tokens]) {
			double input = prices.given[SPECTRA_USAGE_input_tokens]
					&& prices.given[SPECTRA_USAGE_input_tokens]->type == SPECTRA_JSON_NUMBER
				? prices.given[SPECTRA_USAGE_input_tokens]->as.number.value
				: prices.cents[SPECTRA_USAGE_input_tokens];
			give_cents(context, &prices, SPECTRA_USAGE_cache_write_tokens, "cache_write_5m", input, entry->line);
		}
	}

	const char *model = values[KEY_MODEL]->as.string.chars;
	const char *provider = spectra_pricing_provider_slug(values[KEY_PROVIDER]->as.string.chars);
	if (!copy_string(context, entry->line, provider, &row->provider)
		|| !copy_string(context, entry->line, model, &row->model)
		|| !copy_string(context, entry->line, values[KEY_TIER] ? values[KEY_TIER]->as.string.chars : "standard",
			&row->tier)
		|| !copy_string(context, entry->line, type, &row->type)
		|| !copy_string(context, entry->line,
			values[KEY_DISPLAY_NAME] ? values[KEY_DISPLAY_NAME]->as.string.chars : model, &row->display_name)
		|| !build_set(context, entry->line, &prices, tier_total, row)) {
		return false;
	}
	row->price =
		(spectra_price){ row->provider, row->model, row->display_name, row->type, row->tier, &row->set, 1, -1 };
	row->line = entry->line;
	return true;
}

/* File rows sorted as the built-in rows are (spectra_price_order), then by line, so that
 * lookups binary-search and duplicates sit next to each other, first occurrence first. */
static int compare_override_rows(const void *left, const void *right)
{
	const override_row *a = left;
	const override_row *b = right;
	int order = spectra_price_order(&a->price, &b->price);
	return order != 0 ? order : (a->line > b->line) - (a->line < b->line);
}

/* The repeated entry that comes first in the file (so the report is the one a top-to-bottom
 * reading gives), or NULL; *first is set to the entry it repeats. Rows must be sorted. */
static const override_row *find_duplicate(const override_table *table, const override_row **first)
{
	const override_row *earliest = NULL;
	for (size_t i = 1; i < table->count; i++) {
		const override_row *row = &table->rows[i];
		if (spectra_price_order(&table->rows[i - 1].price, &row->price) != 0) {
			continue;
		}
		size_t start = i - 1; /* the run's first row is its first occurrence */
		while (start > 0 && spectra_price_order(&table->rows[start - 1].price, &row->price) == 0) {
			start--;
		}
		if (!earliest || row->line < earliest->line) {
			earliest = row;
			*first = &table->rows[start];
		}
	}
	return earliest;
}

static bool read_models(const load_context *context, const spectra_json_value *root, override_table *table)
{
	if (root->type != SPECTRA_JSON_OBJECT) {
		return report(context, root->line, "the top level must be an object {\"models\": [...]}, found %s",
			spectra_json_type_name(root->type));
	}
	const spectra_json_value *models = NULL;
	for (size_t i = 0; i < root->as.object.count; i++) {
		const spectra_json_member *member = &root->as.object.members[i];
		if (strcmp(member->key, "models") != 0 || member->key_len != strlen("models")) {
			return report(context, member->line, "unknown key \"%.64s\" (the top level only has \"models\")",
				member->key);
		}
		if (models) {
			return report(context, member->line, "duplicate key \"models\"");
		}
		models = &member->value;
	}
	if (!models) {
		return report(context, root->line, "missing the required key \"models\"");
	}
	if (models->type != SPECTRA_JSON_ARRAY) {
		return report(context, models->line, "\"models\" must be an array, found %s",
			spectra_json_type_name(models->type));
	}

	size_t count = models->as.array.count;
	table->rows = count ? calloc(count, sizeof *table->rows) : NULL;
	if (count && !table->rows) {
		return report(context, models->line, "out of memory");
	}
	for (size_t i = 0; i < count; i++) {
		const spectra_json_value *entry = &models->as.array.items[i];
		if (entry->type != SPECTRA_JSON_OBJECT) {
			return report(context, entry->line, "each entry of \"models\" must be an object, found %s",
				spectra_json_type_name(entry->type));
		}
		override_row *row = &table->rows[table->count];
		bool ok = read_entry(context, entry, row);
		table->count++; /* counted even when partial: free_table releases what was copied */
		if (!ok) {
			return false;
		}
	}
	if (table->count > 1) {
		qsort(table->rows, table->count, sizeof *table->rows, compare_override_rows);
	}
	for (size_t i = 0; i < table->count; i++) { /* the rows moved: point them at their parts again */
		override_row *row = &table->rows[i];
		row->set.prices = row->prices;
		row->price.sets = &row->set;
	}
	const override_row *first = NULL;
	const override_row *repeat = find_duplicate(table, &first);
	if (repeat) {
		return report(context, repeat->line,
			"duplicate entry for provider \"%s\", model \"%s\", tier \"%s\" (first on line %d)", repeat->provider,
			repeat->model, repeat->tier, first->line);
	}
	if (!collect_tiers(table)) {
		return report(context, models->line, "out of memory");
	}
	return true;
}

bool spectra_pricing_load_file(const char *path, char *error, size_t error_size)
{
	load_context context = { path && *path ? path : "(pricing file)", error, error_size };
	if (error && error_size) {
		error[0] = '\0';
	}
	if (!path || !*path) {
		return report(&context, 0, "no pricing file path given");
	}
	char *text = NULL;
	size_t len = 0;
	if (!read_whole_file(&context, &text, &len)) {
		return false;
	}
	spectra_json_value root;
	spectra_json_error json_error;
	bool parsed = spectra_json_parse(text, len, &root, &json_error);
	free(text);
	if (!parsed) {
		return report(&context, json_error.line, "invalid JSON: %s", json_error.reason);
	}

	override_table table = { NULL, 0, NULL, 0 };
	bool ok = read_models(&context, &root, &table);
	spectra_json_free(&root);
	if (!ok) {
		free_table(&table); /* the earlier overrides stay */
		return false;
	}
	free_table(&loaded_overrides);
	loaded_overrides = table;
	return true;
}

void spectra_pricing_clear_overrides(void)
{
	free_table(&loaded_overrides);
}

size_t spectra_pricing_override_count(void)
{
	return loaded_overrides.count;
}

const spectra_price *spectra_pricing_override_at(size_t index)
{
	return index < loaded_overrides.count ? &loaded_overrides.rows[index].price : NULL;
}

bool spectra_pricing_override_has_tier(const char *tier)
{
	return loaded_overrides.tier_count > 0
		&& bsearch(&tier, loaded_overrides.tiers, loaded_overrides.tier_count, sizeof *loaded_overrides.tiers,
			   compare_strings)
		!= NULL;
}
