#include "price_compute.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void spectra_usage_init(spectra_usage *usage)
{
	for (int i = 0; i < SPECTRA_USAGE_KEY_COUNT; i++) {
		usage->values[i] = -1.0;
	}
}

#define MS_PER_DAY INT64_C(86400000)

static bool set_applies(const spectra_price_set *set, int64_t unix_ms)
{
	switch (set->constraint) {
	case SPECTRA_PRICE_ALWAYS:
		return true;
	case SPECTRA_PRICE_FROM_DATE:
		return unix_ms >= set->from * 1000;
	case SPECTRA_PRICE_TIME_OF_DAY: {
		int64_t ms = ((unix_ms % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
		if (set->until < set->from) { /* wraps past midnight */
			return ms >= set->from || ms < set->until;
		}
		return ms >= set->from && ms < set->until;
	}
	}
	return false;
}

const spectra_price_set *spectra_pricing_select_set(const spectra_price *price, int64_t unix_ms)
{
	if (!price || price->set_count == 0) {
		return NULL;
	}
	for (size_t i = price->set_count; i-- > 0;) {
		if (set_applies(&price->sets[i], unix_ms)) {
			return &price->sets[i];
		}
	}
	return &price->sets[0];
}

const spectra_unit_price *spectra_price_set_find(const spectra_price_set *set, spectra_usage_key key)
{
	for (size_t i = 0; set && i < set->count; i++) {
		if (set->prices[i].key == key) {
			return &set->prices[i];
		}
	}
	return NULL;
}

static bool reported(const spectra_usage *usage, int key)
{
	return key != SPECTRA_USAGE_requests && usage->values[key] >= 0;
}

static bool positive(const spectra_usage *usage, int key)
{
	return reported(usage, key) && usage->values[key] > 0;
}

static bool related(int a, int b)
{
	return a == b || ((spectra_units[a].ancestors >> b) & 1) || ((spectra_units[b].ancestors >> a) & 1);
}

static void set_reason(spectra_cost *cost, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_reason(spectra_cost *cost, const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	vsnprintf(cost->reason, sizeof cost->reason, fmt, args);
	va_end(args);
}

/* The reported value of key; an unreported one is 0 unless the usage needs it (a positive
 * reported descendant, or two positive unrelated units whose join is key). */
static bool usage_value(const spectra_usage *usage, int key, double *value, spectra_cost *cost)
{
	if (reported(usage, key)) {
		*value = usage->values[key];
		return true;
	}
	*value = 0;
	for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT; k++) {
		if (positive(usage, k) && ((spectra_units[key].descendants >> k) & 1)) {
			set_reason(cost, "inconsistent usage: %s reported without %s", spectra_units[k].usage_key,
				spectra_units[key].usage_key);
			return false;
		}
	}
	for (int a = 0; a < SPECTRA_USAGE_KEY_COUNT; a++) {
		if (!positive(usage, a)) {
			continue;
		}
		for (int b = a + 1; b < SPECTRA_USAGE_KEY_COUNT; b++) {
			if (positive(usage, b) && spectra_unit_joins[a][b] == key && !related(a, b)) {
				set_reason(cost, "inconsistent usage: %s and %s reported without %s", spectra_units[a].usage_key,
					spectra_units[b].usage_key, spectra_units[key].usage_key);
				return false;
			}
		}
	}
	return true;
}

static bool is_tiered(const spectra_price_set *set)
{
	for (size_t i = 0; i < set->count; i++) {
		if (set->prices[i].tier_count > 0) {
			return true;
		}
	}
	return false;
}

/* Dollars for quantity of a unit; the operations in the package's order, so results agree to
 * the last bit where they can. */
static double unit_dollars(const spectra_unit_price *price, double quantity, double input_tokens)
{
	double per = spectra_units[price->key].per;
	if (price->tier_count == 0) {
		return price->price * quantity / per;
	}
	if (quantity <= 0) {
		return 0;
	}
	double rate = price->price;
	for (uint8_t i = 0; i < price->tier_count; i++) {
		if (input_tokens > (double) price->tiers[i].start) {
			rate = price->tiers[i].price;
		}
	}
	return rate * quantity / 1e6 * 1e6 / per;
}

/* Groq bills Whisper for at least 10 seconds (the package applies the same rule). */
static void apply_minimums(const spectra_price *price, spectra_usage *usage)
{
	if (strcmp(price->provider, "groq") != 0
		|| (strcmp(price->model, "whisper-large-v3") != 0 && strcmp(price->model, "whisper-large-v3-turbo") != 0)) {
		return;
	}
	double all = usage->values[SPECTRA_USAGE_audio_seconds];
	double input = usage->values[SPECTRA_USAGE_input_audio_seconds];
	double seconds = all == 0 ? input : (all >= 0 ? all : input);
	if (seconds >= 0) {
		seconds = seconds > 0 ? fmax(seconds, 10) : 0;
		usage->values[SPECTRA_USAGE_audio_seconds] = seconds;
		usage->values[SPECTRA_USAGE_input_audio_seconds] = seconds;
	}
}

static void unknown(spectra_cost *cost)
{
	cost->prompt_cents = cost->completion_cents = cost->total_cents = 0;
	cost->known = false;
}

void spectra_pricing_compute(const spectra_price *price, int64_t unix_ms, const spectra_usage *given,
	spectra_cost *cost)
{
	if (!cost) {
		return;
	}
	unknown(cost);
	cost->reason[0] = '\0';
	if (!price) {
		set_reason(cost, "no price for this model");
		return;
	}
	const spectra_price_set *set = spectra_pricing_select_set(price, unix_ms);
	spectra_usage usage;
	if (given) {
		usage = *given;
	} else {
		spectra_usage_init(&usage);
	}
	for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT; k++) {
		if (isnan(usage.values[k]) || isinf(usage.values[k])) {
			usage.values[k] = -1; /* a non-finite quantity is no quantity */
		}
	}
	apply_minimums(price, &usage);

	/* no silent zero: a model priced by quantities none of which was reported has no cost */
	bool priced_quantity = false;
	bool any_reported = false;
	for (size_t i = 0; set && i < set->count; i++) {
		int key = set->prices[i].key;
		if (key != SPECTRA_USAGE_requests) {
			priced_quantity = true;
			any_reported = any_reported || reported(&usage, key);
		}
	}
	if (!set || (priced_quantity && !any_reported)) {
		bool nothing = true;
		for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT && nothing; k++) {
			nothing = !reported(&usage, k);
		}
		if (nothing) {
			set_reason(cost, "no usage reported for %s", price->model);
		} else {
			char keys[128] = "";
			size_t used = 0;
			for (size_t i = 0; set && i < set->count && used < sizeof keys; i++) {
				if (set->prices[i].key != SPECTRA_USAGE_requests) {
					used += (size_t) snprintf(keys + used, sizeof keys - used, "%s%s", used ? ", " : "",
						spectra_units[set->prices[i].key].usage_key);
				}
			}
			set_reason(cost, "%s is priced by %s, none of which was reported", price->model, keys);
		}
		return;
	}

	double input_tokens = 0;
	if (is_tiered(set) && !usage_value(&usage, SPECTRA_USAGE_input_tokens, &input_tokens, cost)) {
		return;
	}
	/* leaf quantities, most specific unit first (the generator sorted each set so) */
	double leaf[SPECTRA_USAGE_KEY_COUNT] = { 0 };
	uint64_t priced = 0;
	size_t quantity_units = 0;
	for (size_t i = 0; i < set->count; i++) {
		priced |= UINT64_C(1) << set->prices[i].key;
		quantity_units += set->prices[i].key != SPECTRA_USAGE_requests;
	}
	for (size_t i = 0; i < set->count; i++) {
		int key = set->prices[i].key;
		if (key == SPECTRA_USAGE_requests) {
			leaf[key] = 1;
			continue;
		}
		double total;
		if (!usage_value(&usage, key, &total, cost)) {
			return;
		}
		double parts = 0;
		uint64_t below = spectra_units[key].descendants & priced & ~(UINT64_C(1) << SPECTRA_USAGE_requests);
		for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT; k++) {
			if ((below >> k) & 1) {
				parts += leaf[k];
			}
		}
		double rest = total - parts;
		double slack = DBL_EPSILON * fmax(1, fmax(fabs(total), fabs(parts))) * (double) (quantity_units + 1);
		if (rest < 0 && fabs(rest) <= slack) {
			rest = 0;
		}
		if (rest < 0) {
			set_reason(cost, "inconsistent usage: the parts of %s (%.17g) exceed it (%.17g)",
				spectra_units[key].usage_key, parts, total);
			return;
		}
		leaf[key] = rest;
	}
	double input = 0, output = 0, other = 0;
	for (size_t i = 0; i < set->count; i++) {
		const spectra_unit_price *unit_price = &set->prices[i];
		double dollars = unit_dollars(unit_price, leaf[unit_price->key], input_tokens);
		switch (spectra_units[unit_price->key].direction) {
		case SPECTRA_DIRECTION_INPUT:
			input += dollars;
			break;
		case SPECTRA_DIRECTION_OUTPUT:
			output += dollars;
			break;
		case SPECTRA_DIRECTION_NONE:
			other += dollars;
			break;
		}
	}
	cost->prompt_cents = input * 100;
	cost->completion_cents = output * 100;
	cost->total_cents = (input + output + other) * 100;
	cost->known = true;
}
