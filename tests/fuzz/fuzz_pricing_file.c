/* src/pricing/pricing_file: the pricing file loader reads a path, so each input is written to
 * a memfd and loaded through /proc/self/fd/N. A failed load keeps the earlier overrides and
 * says "path...: reason"; after a good one every row is well-formed and is what a lookup of
 * its own provider, model and tier finds. */
#include "fuzz.h"

#include <sys/mman.h>
#include <unistd.h>

#include "pricing/pricing.h"

static int fd = -1;
static char path[64];

static bool price_ok(double price, bool may_be_unset)
{
	return price >= 0 || (may_be_unset && price == -1.0);
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
		FUZZ_ASSERT(price_ok(row->input_per_1m, false) && price_ok(row->output_per_1m, false)
			&& price_ok(row->cached_input_per_1m, true) && price_ok(row->cache_write_5m_per_1m, true)
			&& price_ok(row->cache_write_1h_per_1m, true) && price_ok(row->price_per_unit, false));
		/* the provider is stored as its slug, so a lookup by it lands on this very row */
		FUZZ_ASSERT(strcmp(spectra_pricing_provider_slug(row->provider), row->provider) == 0);
		FUZZ_ASSERT(spectra_pricing_lookup(row->provider, row->model, row->tier) == row);
		spectra_usage usage;
		memset(&usage, 0, sizeof usage);
		usage.prompt_tokens = 1000;
		usage.completion_tokens = 1000;
		spectra_cost cost;
		spectra_pricing_compute(row, &usage, &cost);
		FUZZ_ASSERT(cost.known && cost.total_cents >= 0);
	}
	return 0;
}
