/* src/pricing/pricing_file: the pricing file loader reads a path, so each input is written to
 * a memfd and loaded through /proc/self/fd/N. A failed load keeps the earlier overrides and
 * says "path...: reason"; after a good one every row is well-formed and is what a lookup of
 * its own provider, model and tier finds. */
#include "fuzz.h"

#include <sys/mman.h>
#include <unistd.h>

#include "pricing/pricing.h"
#include "record/limits.h"

#include <math.h>

static int fd = -1;
static char path[64];

/* Every unit price and tier of a row is finite and >= 0 (dollars, at most the cap / 100). */
static bool prices_ok(const spectra_price *row)
{
	if (row->set_count != 1 || !row->sets || row->match != -1) {
		return false;
	}
	const spectra_price_set *set = &row->sets[0];
	for (size_t i = 0; i < set->count; i++) {
		const spectra_unit_price *unit = &set->prices[i];
		if (!(unit->price >= 0 && unit->price <= SPECTRA_MAX_PRICE_CENTS / 100)
			|| unit->key >= SPECTRA_USAGE_KEY_COUNT) {
			return false;
		}
		for (uint8_t t = 0; t < unit->tier_count; t++) {
			if (!(unit->tiers[t].price >= 0) || (t && unit->tiers[t].start < unit->tiers[t - 1].start)) {
				return false;
			}
		}
		/* most specific first: no later unit is a descendant of this one */
		for (size_t j = i + 1; j < set->count; j++) {
			if ((spectra_units[set->prices[j].key].ancestors >> unit->key) & 1) {
				return false;
			}
		}
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (fd < 0) {
		fd = memfd_create("spectra-pricing-fuzz", 0);
		FUZZ_ASSERT(fd >= 0);
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	}
	FUZZ_ASSERT(ftruncate(fd, 0) == 0);
	FUZZ_ASSERT(size == 0 || pwrite(fd, data, size, 0) == (ssize_t) size);

	size_t before_count = spectra_pricing_override_count();
	const spectra_price *before_first = spectra_pricing_override_at(0);
	char error[512];
	memset(error, 'x', sizeof error);
	bool ok = spectra_pricing_load_file(path, error, sizeof error);
	FUZZ_ASSERT(memchr(error, '\0', sizeof error));
	if (!ok) {
		FUZZ_ASSERT(strncmp(error, path, strlen(path)) == 0 && error[strlen(path)] == ':');
		FUZZ_ASSERT(spectra_pricing_override_count() == before_count);
		FUZZ_ASSERT(spectra_pricing_override_at(0) == before_first);
		/* now and then start from an empty table again */
		if (size && data[0] == 'c') {
			spectra_pricing_clear_overrides();
			FUZZ_ASSERT(spectra_pricing_override_count() == 0);
		}
		return 0;
	}
	FUZZ_ASSERT(error[0] == '\0');
	size_t count = spectra_pricing_override_count();
	FUZZ_ASSERT(spectra_pricing_override_at(count) == NULL);
	for (size_t i = 0; i < count; i++) {
		const spectra_price *row = spectra_pricing_override_at(i);
		FUZZ_ASSERT(row && row->provider && row->model && row->tier && row->type && row->display_name);
		FUZZ_ASSERT(*row->provider && *row->model && *row->tier && *row->type && *row->display_name);
		FUZZ_ASSERT(prices_ok(row));
		/* the provider is stored as its slug, so a lookup by it lands on this very row */
		FUZZ_ASSERT(strcmp(spectra_pricing_provider_slug(row->provider), row->provider) == 0);
		FUZZ_ASSERT(spectra_pricing_lookup(row->provider, row->model, row->tier) == row);
		/* every priced quantity reported, consistently (a part never above its whole) */
		spectra_usage usage;
		spectra_usage_init(&usage);
		uint64_t priced = 0;
		for (size_t k = 0; k < row->sets[0].count; k++) {
			priced |= UINT64_C(1) << row->sets[0].prices[k].key;
		}
		for (size_t k = 0; k < row->sets[0].count; k++) {
			int key = row->sets[0].prices[k].key; /* 1000 of its own plus 1000 per priced descendant */
			usage.values[key] = 1000.0 * (1 + __builtin_popcountll(spectra_units[key].descendants & priced));
		}
		spectra_cost cost;
		spectra_pricing_compute(row, 0, &usage, &cost);
		FUZZ_ASSERT(cost.known && cost.total_cents >= 0 && cost.total_cents < INFINITY);
	}
	return 0;
}
