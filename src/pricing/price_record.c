#include "price_record.h"

#include <math.h>
#include <string.h>

#include "pricing.h"

static double round_cents(double cents)
{
	/* Binary floating point leaves noise like 0.0045000000000000005; 1e-10 cent is far
	 * below any price step, so rounding there only removes the noise. */
	return round(cents * 1e10) / 1e10;
}

/* "claude-sonnet-4-5-20250929" is a version of "claude-sonnet-4-5"; another model is not. */
static bool is_version_of(const char *snapshot, const char *model)
{
	size_t len = model ? strlen(model) : 0;
	return snapshot && len && strncmp(snapshot, model, len) == 0 && snapshot[len] == '-';
}

void spectra_price_record(spectra_record *record, const char *default_tier)
{
	if (!record->pricing_tier && default_tier && *default_tier) {
		spectra_record_set(record, &record->pricing_tier, default_tier);
	}
	const char *slug =
		record->provider_info ? record->provider_info->slug : spectra_pricing_provider_slug(record->provider);
	const spectra_price *price = spectra_pricing_lookup(slug, record->model, record->pricing_tier);
	if (!price && is_version_of(record->snapshot, record->model)) {
		/* an alias the catalog lacks (claude-sonnet-4-5) answered by a dated version of
		 * itself (claude-sonnet-4-5-20250929): that version is what gets billed */
		price = spectra_pricing_lookup(slug, record->snapshot, record->pricing_tier);
	}
	spectra_usage usage = {
		.prompt_tokens = record->prompt_tokens,
		.completion_tokens = record->completion_tokens,
		.cached_tokens = record->cached_tokens,
		.cache_write_tokens = record->cache_write_tokens,
		.cache_write_1h_tokens = record->cache_write_1h_tokens,
		.reasoning_tokens = record->reasoning_tokens,
		.duration_seconds = record->duration_seconds > 0 ? record->duration_seconds : 0,
		.input_characters = record->input_characters > 0 ? record->input_characters : 0,
		.image_count = record->image_count > 0 ? record->image_count : 0,
		.video_count = record->video_count > 0 ? record->video_count : 0,
	};
	spectra_cost cost;
	spectra_pricing_compute(price, &usage, &cost);
	record->prompt_cost = cost.prompt_cents;
	record->completion_cost = cost.completion_cents;
	record->total_cost = cost.total_cents;
	record->cost_known = cost.known;
	if (price && !record->model_type && price->type) {
		spectra_record_set(record, &record->model_type, price->type);
	}
	for (size_t i = 0; price && i < record->tool_call_kinds; i++) {
		double each = spectra_pricing_tool_call_cents(slug, record->tool_calls[i].name);
		record->total_cost += each * (double) record->tool_calls[i].count;
	}
	if (!isfinite(record->prompt_cost) || !isfinite(record->completion_cost) || !isfinite(record->total_cost)) {
		/* prices are capped (SPECTRA_MAX_PRICE_CENTS), so only a unit count out of any
		 * real range gets here: no cost is better than an infinite one */
		record->prompt_cost = record->completion_cost = record->total_cost = 0;
		record->cost_known = false;
	}
	record->prompt_cost = round_cents(record->prompt_cost);
	record->completion_cost = round_cents(record->completion_cost);
	record->total_cost = round_cents(record->total_cost);
}
