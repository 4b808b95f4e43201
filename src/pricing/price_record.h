/* Prices a finished record. Takes: a completed spectra_record (tokens, units, tool calls,
 * tier) and the tier to use when none was resolved. Gives: the record's pricing_tier,
 * prompt/completion/total cost in US cents, cost_known, and model_type from the catalog
 * when the caller did not set one; a cost the response reports as billed (billed_cost_usd)
 * wins over the catalog's. Plain C. */
#ifndef SPECTRA_PRICING_PRICE_RECORD_H
#define SPECTRA_PRICING_PRICE_RECORD_H

#include "../record/record.h"

/* The cost_reason of a record whose cost is what the response says was billed
 * (billed_cost_usd): cost_known is true then, and this says where the cost came from. */
#define SPECTRA_COST_REASON_BILLED "billed amount reported by the provider"

/* default_tier: NULL or "" = leave an unresolved tier unresolved (then no price applies). */
void spectra_price_record(spectra_record *record, const char *default_tier);

#endif
