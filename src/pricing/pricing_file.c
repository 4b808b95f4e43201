/* The pricing file: a JSON file that adds models to the built-in catalog or replaces some of
 * its rows (spectra_pricing_load_file). Example:
 *
 *   {
 *     "models": [
 *       {"provider": "openai", "model": "ft:gpt-4o-mini:acme::abc123",
 *        "input": 30, "output": 120, "cached_input": 15},
 *       {"provider": "anthropic", "model": "claude-sonnet-4-5-20250929", "tier": "batch",
 *        "input": 150, "output": 750, "cached_input": 15, "cache_write_5m": 187.5},
 *       {"provider": "openai", "model": "whisper-1", "unit": "minute", "type": "audio",
 *        "price_per_unit": 0.5}
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
 *                   or "search".
 *   type            "text" (default), "embedding", "image", "audio" or "video".
 *   display_name    string, default: the model id.
 *   input, output   US cents per 1M tokens (1 dollar per 1M tokens = 100).
 *   cached_input    cents per 1M cache-read tokens; default: the input price.
 *   cache_write_5m  cents per 1M cache-write tokens; default: the input price.
 *   cache_write_1h  cents per 1M tokens of 1-hour cache writes (stored, informational).
 *   price_per_unit  cents per minute / second / image / video / search, or per 1M characters.
 * All prices are numbers >= 0 and at most 1e9 (SPECTRA_MAX_PRICE_CENTS); prices you leave
 * out are 0 (except the cache prices above).
 *
 * Each entry replaces the built-in row with the same provider, model and tier; other tiers
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
	spectra_price price; /* its strings point at the owned copies below */
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

static bool copy_string(const load_context *context, int line, const char *text, char **copy)
{
	*copy = spectra_strdup(text);
	return *copy != NULL || report(context, line, "out of memory");
}

/* Fills row from one entry of "models" (already known to be an object). */
static bool read_entry(const load_context *context, const spectra_json_value *entry, override_row *row)
{
	const spectra_json_value *values[KEY_COUNT] = { 0 };
	int key_lines[KEY_COUNT] = { 0 };

	for (size_t i = 0; i < entry->as.object.count; i++) {
		const spectra_json_member *member = &entry->as.object.members[i];
		entry_key key;
		if (!find_entry_key(member, &key)) {
			return report(context, member->line,
				"unknown key \"%.64s\" (allowed: provider, model, tier, unit, type, display_name, input, "
				"output, cached_input, cache_write_5m, cache_write_1h, price_per_unit)",
				member->key);
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

	spectra_price *price = &row->price;
	price->unit = SPECTRA_UNIT_TOKENS;
	if (values[KEY_UNIT]) {
		const char *unit = values[KEY_UNIT]->as.string.chars;
		size_t i = 0;
		while (i < sizeof unit_names / sizeof unit_names[0] && strcmp(unit, unit_names[i].name) != 0) {
			i++;
		}
		if (i == sizeof unit_names / sizeof unit_names[0]) {
			return report(context, values[KEY_UNIT]->line,
				"unknown unit \"%.64s\" (expected tokens, minute, second, characters, image, video or search)", unit);
		}
		price->unit = unit_names[i].unit;
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

	const char *model = values[KEY_MODEL]->as.string.chars;
	const char *provider = spectra_pricing_provider_slug(values[KEY_PROVIDER]->as.string.chars);
	if (!copy_string(context, entry->line, provider, &row->provider)
		|| !copy_string(context, entry->line, model, &row->model)
		|| !copy_string(context, entry->line, values[KEY_TIER] ? values[KEY_TIER]->as.string.chars : "standard",
			&row->tier)
		|| !copy_string(context, entry->line, type, &row->type)
		|| !copy_string(context, entry->line,
			values[KEY_DISPLAY_NAME] ? values[KEY_DISPLAY_NAME]->as.string.chars : model, &row->display_name)) {
		return false;
	}
	price->provider = row->provider;
	price->model = row->model;
	price->tier = row->tier;
	price->type = row->type;
	price->display_name = row->display_name;

#define PRICE_OR(key, fallback) (values[key] ? values[key]->as.number.value : (fallback))
	price->input_per_1m = PRICE_OR(KEY_INPUT, 0.0);
	price->output_per_1m = PRICE_OR(KEY_OUTPUT, 0.0);
	price->cached_input_per_1m = PRICE_OR(KEY_CACHED_INPUT, -1.0); /* -1: use the input price */
	price->cache_write_5m_per_1m = PRICE_OR(KEY_CACHE_WRITE_5M, -1.0);
	price->cache_write_1h_per_1m = PRICE_OR(KEY_CACHE_WRITE_1H, -1.0);
	price->price_per_unit = PRICE_OR(KEY_PRICE_PER_UNIT, 0.0);
#undef PRICE_OR
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
