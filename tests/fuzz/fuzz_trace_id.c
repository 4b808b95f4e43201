/* spectra_trace_id_parse (custom trace ids: 32 hex or a UUID) against a reference. */
#include "fuzz.h"

#include "record/trace_context.h"
#include "util/hex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	char digits[33];
	size_t count = 0;
	bool shape = false;
	if (size == 32) {
		shape = true;
		for (size_t i = 0; i < 32; i++) {
			shape &= fuzz_is_any_hex(text[i]);
			digits[count++] = fuzz_lower(text[i]);
		}
	} else if (size == 36) {
		shape = true;
		for (size_t i = 0; i < 36; i++) {
			if (i == 8 || i == 13 || i == 18 || i == 23) {
				shape &= text[i] == '-';
			} else {
				shape &= fuzz_is_any_hex(text[i]);
				digits[count++] = fuzz_lower(text[i]);
			}
		}
	}
	digits[count] = '\0';
	bool zero = true;
	for (size_t i = 0; i < count; i++) {
		zero &= digits[i] == '0';
	}
	bool expected = shape && !zero;

	uint8_t id[16];
	memset(id, 0x5a, sizeof id);
	bool ok = spectra_trace_id_parse(text, size, id);
	FUZZ_ASSERT(ok == expected);
	if (!ok) {
		for (int i = 0; i < 16; i++) {
			FUZZ_ASSERT(id[i] == 0x5a);
		}
		return 0;
	}
	char hex[33];
	spectra_hex_encode(id, 16, hex);
	FUZZ_ASSERT(strcmp(hex, digits) == 0);
	/* the canonical forms parse back to the same id */
	uint8_t again[16];
	FUZZ_ASSERT(spectra_trace_id_parse(hex, 32, again) && memcmp(again, id, 16) == 0);
	char uuid[37];
	snprintf(uuid, sizeof uuid, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
	FUZZ_ASSERT(spectra_trace_id_parse(uuid, 36, again) && memcmp(again, id, 16) == 0);
	return 0;
}
