/* Price catalog and cost. Pure C: the built-in table is generated from
 * shared/data/pricing-catalog.csv (tools/gen_pricing.php); a JSON pricing file adds or
 * overrides models. All prices are US cents; token prices are cents per 1M tokens. */
#ifndef SPECTRA_PRICING_PRICING_H
#define SPECTRA_PRICING_PRICING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
	SPECTRA_UNIT_TOKENS = 0,
	SPECTRA_UNIT_MINUTE,
	SPECTRA_UNIT_SECOND,
	SPECTRA_UNIT_CHARACTERS,
	SPECTRA_UNIT_IMAGE,
	SPECTRA_UNIT_VIDEO,
	SPECTRA_UNIT_SEARCH,
} spectra_pricing_unit;

/* A price below 0 means "not given" (cached input then falls back to input, cache
 * writes to input as well). */
typedef struct {
	const char *provider;      /* catalog slug: openai, anthropic, google, ... */
	const char *model;
	const char *display_name;
	const char *type;          /* text, embedding, image, audio, video */
	spectra_pricing_unit unit;
	const char *tier;
	double input_per_1m;
	double output_per_1m;
	double cached_input_per_1m;
	double cache_write_5m_per_1m;
	double cache_write_1h_per_1m;
	double price_per_unit;
} spectra_price;

/* Normalised usage (GenAI semantics): prompt includes cached and cache-write tokens,
 * completion includes reasoning tokens. */
typedef struct {
	int64_t prompt_tokens;
	int64_t completion_tokens;
	int64_t cached_tokens;
	int64_t cache_write_tokens;
	int64_t reasoning_tokens;
	double duration_seconds;
	int64_t input_characters;
	int64_t image_count;
	int64_t video_count;
} spectra_usage;

typedef struct {
	double prompt_cents;
	double completion_cents;
	double total_cents;
	bool known;   /* false: model or tier not in the catalog; all cents are 0 */
} spectra_cost;

/* The catalog slug for a provider name as users write it (gemini -> google,
 * x_ai/grok -> xai, mistral_ai -> mistral, ...). Returns the input when unknown. */
const char *spectra_pricing_provider_slug(const char *provider);

/* Exact model id first, then with a trailing -YYYYMMDD or -YYYY-MM-DD stripped.
 * Overrides from the pricing file win over built-in rows. Tier NULL = "standard".
 * An unknown tier does NOT fall back: the caller reports cost_known=false. */
const spectra_price *spectra_pricing_lookup(const char *provider, const char *model, const char *tier);

/* Fills cost; cost->known = (price != NULL). */
void spectra_pricing_compute(const spectra_price *price, const spectra_usage *usage, spectra_cost *cost);

/* Per-call surcharge in cents for an output item type (e.g. web_search_call); 0 if none. */
double spectra_pricing_tool_call_cents(const char *provider, const char *tool_call_type);

/* Loads a JSON pricing file into the override table (replacing earlier overrides).
 * On error returns false and writes "file:line: reason" into error (size error_size). */
bool spectra_pricing_load_file(const char *path, char *error, size_t error_size);
void spectra_pricing_clear_overrides(void);

size_t spectra_pricing_builtin_count(void);
bool spectra_pricing_is_known_tier(const char *tier);

#endif
