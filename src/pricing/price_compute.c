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

static bool is_reported(const spectra_usage *usage, int k)
{
	/* requests are never reported; a NaN fails >= 0; an infinite quantity is no quantity */
	return k != SPECTRA_USAGE_requests && usage->values[k] >= 0 && usage->values[k] < INFINITY;
}

#define EACH_BIT(mask, k) for (uint64_t bits_ = (mask); bits_ && ((k) = __builtin_ctzll(bits_), 1); bits_ &= bits_ - 1)

/* The keys of mask reported with a positive value. */
static uint64_t positive_among(const spectra_usage *usage, uint64_t mask)
{
	uint64_t positive = 0;
	int k;
	EACH_BIT(mask, k)
	{
		if (is_reported(usage, k) && usage->values[k] > 0) {
			positive |= UINT64_C(1) << k;
		}
	}
	return positive;
}

/* The reported value of key; an unreported one is 0 unless the usage needs it: a positive
 * reported descendant, or two positive unrelated units whose join is key (both are then in
 * key's precomputed joins mask, so only those are looked at). */
static bool usage_value(const spectra_usage *usage, int key, double *value, spectra_cost *cost)
{
	if (is_reported(usage, key)) {
		*value = usage->values[key];
		return true;
	}
	*value = 0;
	uint64_t below = positive_among(usage, spectra_units[key].descendants);
	if (below) {
		int k = __builtin_ctzll(below);
		set_reason(cost, "inconsistent usage: %s reported without %s", spectra_units[k].usage_key,
			spectra_units[key].usage_key);
		return false;
	}
	uint64_t candidates = positive_among(usage, spectra_units[key].joins);
	int a, b;
	EACH_BIT(candidates, a)
	{
		EACH_BIT(candidates & ~((UINT64_C(2) << a) - 1), b)
		{
			if (spectra_unit_joins[a][b] == key && !related(a, b)) {
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
static bool needs_minimums(const spectra_price *price)
{
	return price->provider[0] == 'g' && strcmp(price->provider, "groq") == 0
		&& (strcmp(price->model, "whisper-large-v3") == 0 || strcmp(price->model, "whisper-large-v3-turbo") == 0);
}

static void apply_minimums(spectra_usage *usage)
{
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
	spectra_usage none;
	if (!given) {
		spectra_usage_init(&none);
		given = &none;
	}
	spectra_usage adjusted;
	const spectra_usage *usage = given;
	if (needs_minimums(price)) {
		adjusted = *given;
		apply_minimums(&adjusted);
		usage = &adjusted;
	}
	/* no silent zero: a model priced by quantities none of which was reported has no cost */
	uint64_t quantities = 0;
	bool any_reported = false;
	for (size_t i = 0; set && i < set->count; i++) {
		int key = set->prices[i].key;
		if (key != SPECTRA_USAGE_requests) {
			quantities |= UINT64_C(1) << key;
			any_reported = any_reported || is_reported(usage, key);
		}
	}
	if (!set || (quantities && !any_reported)) {
		bool nothing = true;
		for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT && nothing; k++) {
			nothing = !is_reported(usage, k);
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
	if (is_tiered(set) && !usage_value(usage, SPECTRA_USAGE_input_tokens, &input_tokens, cost)) {
		return;
	}
	/* leaf quantities, most specific unit first (the generator sorted each set so) */
	double leaf[SPECTRA_USAGE_KEY_COUNT];
	size_t quantity_units = 0;
	for (uint64_t bits = quantities; bits; bits &= bits - 1) {
		quantity_units++;
	}
	for (size_t i = 0; i < set->count; i++) {
		int key = set->prices[i].key;
		if (key == SPECTRA_USAGE_requests) {
			leaf[key] = 1;
			continue;
		}
		double total;
		if (!usage_value(usage, key, &total, cost)) {
			return;
		}
		double parts = 0;
		int k;
		EACH_BIT(spectra_units[key].descendants & quantities, k)
		{
			parts += leaf[k];
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
