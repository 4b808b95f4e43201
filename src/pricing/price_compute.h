/* The cost of one request from a price set and its usage, computed the way
 * @pydantic/genai-prices' calcPrice does it, in US cents. Plain C, no state.
 *
 * The rules, from the package's implementation: a priced unit is billed for its "leaf"
 * quantity, its reported value minus the leaves of its priced descendants (input_tokens minus
 * cache reads and writes, cache writes minus the 1-hour ones, ...), most specific first; an
 * unreported unit counts 0, unless a reported descendant or two overlapping reported units
 * need it (then the usage is inconsistent). A tiered price uses, for the whole request, the
 * price of the last tier whose start the request's total input_tokens exceed (not banded).
 * A priced "requests" unit bills one request. Input-direction units sum into prompt_cents,
 * output-direction ones into completion_cents, all into total_cents. */
#ifndef SPECTRA_PRICING_PRICE_COMPUTE_H
#define SPECTRA_PRICING_PRICE_COMPUTE_H

#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"

/* The quantities of one request by usage key (usage_keys.h), genai-prices semantics: a key
 * includes its descendants (input_tokens includes cache reads and writes, output_tokens
 * includes reasoning). Below 0 = not reported. */
typedef struct {
	double values[SPECTRA_USAGE_KEY_COUNT];
} spectra_usage;

void spectra_usage_init(spectra_usage *usage); /* every key not reported */

#define SPECTRA_COST_REASON_SIZE 192

typedef struct {
	double prompt_cents;     /* input-direction units */
	double completion_cents; /* output-direction units */
	double total_cents;      /* both plus per-request and tool fees */
	bool known;              /* false: all cents are 0 and reason says why */
	char reason[SPECTRA_COST_REASON_SIZE];
} spectra_cost;

/* The price set in force at unix_ms (conditional prices: the last set whose start date or time
 * of day applies, else the first). */
const spectra_price_set *spectra_pricing_select_set(const spectra_price *price, int64_t unix_ms);

/* The unit price of key in set, or NULL when the set does not price it. */
const spectra_unit_price *spectra_price_set_find(const spectra_price_set *set, spectra_usage_key key);

/* Cost of usage at unix_ms, computed as genai-prices' calcPrice does (leaf quantities by the unit
 * hierarchy, tiers chosen by total input tokens, one request when requests are priced).
 * cost->known is false, with a reason, when price is NULL, when none of the quantities the model
 * is priced by was reported, or when the usage is inconsistent (a part larger than its whole). */
void spectra_pricing_compute(const spectra_price *price, int64_t unix_ms, const spectra_usage *usage,
	spectra_cost *cost);

#endif
