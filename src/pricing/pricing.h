/* Price lookup and cost. Pure C. The built-in catalog (catalog.h) is generated from the
 * vendored @pydantic/genai-prices data plus the kept rows of data/pricing-catalog.csv
 * (tools/gen_pricing.php); a JSON pricing file adds or overrides models (pricing_file.c).
 * Costs come out in US cents. */
#ifndef SPECTRA_PRICING_PRICING_H
#define SPECTRA_PRICING_PRICING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "price_compute.h"

/* The catalog slug for a provider name as users write it (gemini -> google,
 * x_ai/grok -> xai, mistral_ai -> mistral, ...). Returns the input when unknown.
 * Matching ignores ASCII case; the result for a known provider is a static string. */
const char *spectra_pricing_provider_slug(const char *provider);

/* The price of a model, or NULL. Order: the pricing file (exact id, then without a trailing
 * -YYYYMMDD / -YYYY-MM-DD); a kept CSV row with exactly this id (another tier, a unit-priced
 * model, a model genai-prices lacks); for the standard tier the genai-prices catalog, looked up
 * as the package does (provider by id or provider_match, then the provider's models in order by
 * their match rules, then its fallback providers, then the id with -YYYYMMDD written
 * -YYYY-MM-DD); then the id without its date suffix: a kept CSV row, then (standard tier) the
 * catalog again. Tier NULL or "" = "standard". An unknown tier
 * does not fall back to another. Lookup cost does not grow with the catalog: exact ids are a
 * binary search, and only the provider's rule-matched models (a bounded list) are tested. */
const spectra_price *spectra_pricing_lookup(const char *provider, const char *model, const char *tier);

/* Per-call surcharge in cents for an output item type (e.g. web_search_call); 0 if none. */
double spectra_pricing_tool_call_cents(const char *provider, const char *tool_call_type);

/* Loads a JSON pricing file into the override table (replacing earlier overrides).
 * On error returns false and writes "file:line: reason" into error (size error_size). */
bool spectra_pricing_load_file(const char *path, char *error, size_t error_size);
void spectra_pricing_clear_overrides(void);

size_t spectra_pricing_builtin_count(void); /* catalog models + kept CSV rows */
bool spectra_pricing_is_known_tier(const char *tier);

/* --- Stage-internal: the override table (pricing_file.c) ------------------------------- */
size_t spectra_pricing_override_count(void);
const spectra_price *spectra_pricing_override_at(size_t index); /* in spectra_price_order */
bool spectra_pricing_override_has_tier(const char *tier);

/* The order of exact-id rows: provider, model, tier, each in byte order (<0, 0, >0). */
int spectra_price_order(const spectra_price *a, const spectra_price *b);

#endif
