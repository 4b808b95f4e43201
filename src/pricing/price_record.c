#include "price_record.h"

#include <math.h>
#include <stdio.h>
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

/* Tool-call output item types and the usage key a model's own fee for them is priced by. */
static const struct {
	const char *tool_call_type;
	spectra_usage_key key;
} tool_call_keys[] = {
	{ "web_search_call", SPECTRA_USAGE_web_searches },
	{ "file_search_call", SPECTRA_USAGE_storage_searches },
	{ "code_interpreter_call", SPECTRA_USAGE_code_executions },
};

static int tool_call_key(const char *type)
{
	for (size_t i = 0; i < sizeof tool_call_keys / sizeof tool_call_keys[0]; i++) {
		if (strcmp(type, tool_call_keys[i].tool_call_type) == 0) {
			return (int) tool_call_keys[i].key;
		}
	}
	return -1;
}

static void set_if_unset(spectra_usage *usage, spectra_usage_key key, double value)
{
	if (usage->values[key] < 0) {
		usage->values[key] = value;
	}
}

/* The record's quantities as a usage vector: its own usage[] first, then the token fields
 * (when usage was seen), media duration, characters, images, videos and tool calls. */
static void record_usage(const spectra_record *record, spectra_usage *usage)
{
	for (int i = 0; i < SPECTRA_USAGE_KEY_COUNT; i++) {
		usage->values[i] = record->usage[i];
	}
	if (record->usage_seen || record->usage_estimated) {
		set_if_unset(usage, SPECTRA_USAGE_input_tokens, (double) record->prompt_tokens);
		set_if_unset(usage, SPECTRA_USAGE_output_tokens, (double) record->completion_tokens);
		set_if_unset(usage, SPECTRA_USAGE_cache_read_tokens, (double) record->cached_tokens);
		set_if_unset(usage, SPECTRA_USAGE_cache_write_tokens, (double) record->cache_write_tokens);
		if (record->cache_write_1h_tokens > 0) {
			set_if_unset(usage, SPECTRA_USAGE_cache_write_1h_tokens, (double) record->cache_write_1h_tokens);
		}
		if (record->reasoning_tokens > 0) {
			set_if_unset(usage, SPECTRA_USAGE_output_reasoning_tokens, (double) record->reasoning_tokens);
		}
	}
	if (record->duration_seconds >= 0 && isfinite(record->duration_seconds)) {
		/* media duration: a model is priced by seconds of audio or of video, never both */
		set_if_unset(usage, SPECTRA_USAGE_audio_seconds, record->duration_seconds);
		set_if_unset(usage, SPECTRA_USAGE_video_seconds, record->duration_seconds);
	}
	if (record->input_characters >= 0) {
		set_if_unset(usage, SPECTRA_USAGE_input_characters, (double) record->input_characters);
	}
	if (record->image_count >= 0) {
		set_if_unset(usage, SPECTRA_USAGE_output_images, (double) record->image_count);
	}
	if (record->video_count >= 0) {
		set_if_unset(usage, SPECTRA_USAGE_output_videos, (double) record->video_count);
	}
	for (size_t i = 0; i < record->tool_call_kinds; i++) {
		int key = tool_call_key(record->tool_calls[i].name);
		if (key >= 0 && record->usage[key] < 0) {
			usage->values[key] = fmax(usage->values[key], 0) + (double) record->tool_calls[i].count;
		}
	}
}

/* The cost the response says was billed replaces the catalog's: the input and output parts
 * are the response's when it gives them (Perplexity), else keep the catalog's proportions when
 * it had a cost, else only the total is known. */
static void apply_billed_cost(spectra_record *record)
{
	double billed = record->billed_cost_usd * 100;
	if (record->billed_input_usd >= 0 && record->billed_output_usd >= 0) {
		record->prompt_cost = record->billed_input_usd * 100;
		record->completion_cost = record->billed_output_usd * 100;
	} else if (record->cost_known && record->total_cost > 0) {
		double scale = billed / record->total_cost;
		record->prompt_cost *= scale;
		record->completion_cost *= scale;
	} else {
		record->prompt_cost = record->completion_cost = 0;
	}
	record->total_cost = billed;
	record->cost_known = true;
}

static void set_reason(spectra_record *record, const char *reason)
{
	spectra_record_set(record, &record->cost_reason, reason && *reason ? reason : NULL);
}

void spectra_price_record(spectra_record *record, const char *default_tier)
{
	if (!record->pricing_tier && default_tier && *default_tier) {
		spectra_record_set(record, &record->pricing_tier, default_tier);
	}
	const char *slug =
		record->provider_info ? record->provider_info->slug : spectra_pricing_provider_slug(record->provider);
	/* the table's slug when the record has a row (genai-prices' provider rules know every slug),
	 * else the name as given (together, fireworks, ... are genai-prices ids) */
	const char *provider = record->provider_info || !record->provider ? slug : record->provider;
	const spectra_price *price = spectra_pricing_lookup(provider, record->model, record->pricing_tier);
	if (!price && is_version_of(record->snapshot, record->model)) {
		/* an alias the catalog lacks (claude-sonnet-4-5) answered by a dated version of
		 * itself (claude-sonnet-4-5-20250929): that version is what gets billed */
		price = spectra_pricing_lookup(provider, record->snapshot, record->pricing_tier);
	}
	spectra_usage usage;
	record_usage(record, &usage);
	int64_t start_ms = (int64_t) (record->start_wall_ns / 1000000u);
	spectra_cost cost;
	spectra_pricing_compute(price, start_ms, &usage, &cost);
	if (price && !cost.known && record->is_failed && !record->usage_seen && !record->usage_estimated) {
		/* a failed call that reported nothing was not billed: a known 0 */
		cost.known = true;
		cost.reason[0] = '\0';
	}
	if (price && !cost.known && record->is_streaming && !record->usage_seen && !record->usage_estimated) {
		snprintf(cost.reason, sizeof cost.reason,
			"a stream whose chunks were not read: pass it through Spectra::stream() to record its usage");
	}
	if (price && record->usage_estimated) {
		/* the cents price the estimated output alone: a lower bound, never "known" */
		cost.known = false;
		snprintf(cost.reason, sizeof cost.reason,
			"usage estimated from the streamed text (the stream reported none; input tokens unknown)");
	}
	if (!price) {
		const char *tier = record->pricing_tier ? record->pricing_tier : "standard";
		bool other_tier = strcmp(tier, "standard") != 0 && record->model
			&& spectra_pricing_lookup(provider, record->model, NULL) != NULL;
		snprintf(cost.reason, sizeof cost.reason, other_tier ? "no %s-tier price for this model" : "%s",
			other_tier ? tier : (record->model && *record->model ? "model not in the price catalog" : "no model"));
	}
	record->prompt_cost = cost.prompt_cents;
	record->completion_cost = cost.completion_cents;
	record->total_cost = cost.total_cents;
	record->cost_known = cost.known;
	if (price && !record->model_type && price->type) {
		spectra_record_set(record, &record->model_type, price->type);
	}
	const spectra_price_set *set = spectra_pricing_select_set(price, start_ms);
	for (size_t i = 0; cost.known && i < record->tool_call_kinds; i++) {
		int key = tool_call_key(record->tool_calls[i].name);
		if (key >= 0 && spectra_price_set_find(set, (spectra_usage_key) key)) {
			continue; /* the model's own fee was billed above */
		}
		double each = spectra_pricing_tool_call_cents(slug, record->tool_calls[i].name);
		record->total_cost += each * (double) record->tool_calls[i].count;
	}
	bool billed = record->billed_cost_usd >= 0 && isfinite(record->billed_cost_usd);
	if (billed) {
		apply_billed_cost(record);
		snprintf(cost.reason, sizeof cost.reason, "%s", SPECTRA_COST_REASON_BILLED);
	}
	if (!isfinite(record->prompt_cost) || !isfinite(record->completion_cost) || !isfinite(record->total_cost)) {
		/* prices are capped (SPECTRA_MAX_PRICE_CENTS), so only a quantity out of any real
		 * range gets here: no cost is better than an infinite one */
		record->prompt_cost = record->completion_cost = record->total_cost = 0;
		record->cost_known = false;
		snprintf(cost.reason, sizeof cost.reason, "cost out of range");
	}
	set_reason(record, record->cost_known && !billed ? NULL : cost.reason);
	record->prompt_cost = round_cents(record->prompt_cost);
	record->completion_cost = round_cents(record->completion_cost);
	record->total_cost = round_cents(record->total_cost);
}
