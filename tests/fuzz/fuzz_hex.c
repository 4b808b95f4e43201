/* src/util/hex: decoding arbitrary text against a reference, the encode/decode round trip,
 * and the ULID encoding of src/record/random_id read back bit by bit. */
#include "fuzz.h"

#include "record/random_id.h"
#include "util/hex.h"

static void check_decode(const char *text, size_t len)
{
	size_t out_len = len / 2;
	uint8_t *out = malloc(out_len + 1);
	FUZZ_ASSERT(out);
	bool all_hex = true, all_lower = true, nonzero = false;
	for (size_t i = 0; i < len; i++) {
		all_hex &= fuzz_is_any_hex(text[i]);
		all_lower &= fuzz_is_lower_hex(text[i]);
		nonzero |= text[i] != '0';
	}
	bool even = len % 2 == 0;
	const unsigned flag_sets[] = { 0, SPECTRA_HEX_LOWERCASE_ONLY, SPECTRA_HEX_REJECT_ZERO,
		SPECTRA_HEX_LOWERCASE_ONLY | SPECTRA_HEX_REJECT_ZERO };
	for (size_t f = 0; f < 4; f++) {
		unsigned flags = flag_sets[f];
		bool expected = even && ((flags & SPECTRA_HEX_LOWERCASE_ONLY) ? all_lower : all_hex)
			&& (!(flags & SPECTRA_HEX_REJECT_ZERO) || nonzero);
		memset(out, 0xa5, out_len + 1);
		bool ok = spectra_hex_decode(text, len, out, out_len, flags);
		FUZZ_ASSERT(ok == expected);
		FUZZ_ASSERT(out[out_len] == 0xa5); /* never writes past out_len */
		if (!ok) {
			for (size_t i = 0; i < out_len; i++) {
				FUZZ_ASSERT(out[i] == 0xa5); /* untouched on failure */
			}
			continue;
		}
		char *again = malloc(2 * out_len + 1);
		FUZZ_ASSERT(again);
		spectra_hex_encode(out, out_len, again);
		for (size_t i = 0; i < len; i++) {
			FUZZ_ASSERT(again[i] == fuzz_lower(text[i]));
		}
		FUZZ_ASSERT(again[len] == '\0');
		free(again);
	}
	/* an output size that does not match always fails */
	FUZZ_ASSERT(!spectra_hex_decode(text, len, out, out_len + 1, 0));
	free(out);
}

static void check_round_trip(const uint8_t *data, size_t size)
{
	char *text = malloc(2 * size + 1);
	uint8_t *back = malloc(size + 1);
	FUZZ_ASSERT(text && back);
	spectra_hex_encode(data, size, text);
	FUZZ_ASSERT(strlen(text) == 2 * size);
	for (size_t i = 0; i < 2 * size; i++) {
		FUZZ_ASSERT(fuzz_is_lower_hex(text[i]));
	}
	FUZZ_ASSERT(spectra_hex_decode(text, 2 * size, back, size, SPECTRA_HEX_LOWERCASE_ONLY));
	FUZZ_ASSERT(size == 0 || memcmp(back, data, size) == 0);

	spectra_buf buf;
	spectra_buf_init(&buf);
	FUZZ_ASSERT(spectra_buf_append_str(&buf, "x"));
	FUZZ_ASSERT(spectra_hex_append(&buf, data, size));
	FUZZ_ASSERT(buf.len == 1 + 2 * size && buf.data[buf.len] == '\0' && strcmp(buf.data + 1, text) == 0);
	spectra_buf_free(&buf);
	free(text);
	free(back);
}

static void check_ulid(const uint8_t *data, size_t size)
{
	if (size < 18) {
		return;
	}
	uint64_t ms = 0;
	for (int i = 0; i < 8; i++) {
		ms = ms << 8 | data[i];
	}
	const uint8_t *random = data + 8;
	char ulid[27];
	spectra_ulid_encode(ulid, ms, random);
	FUZZ_ASSERT(strlen(ulid) == 26);
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	/* read 130 bits back: 2 zero bits, 48 of time, 80 of random */
	uint64_t time = 0;
	uint8_t back[10] = { 0 };
	int bit = 0;
	for (int i = 0; i < 26; i++) {
		const char *at = strchr(alphabet, ulid[i]);
		FUZZ_ASSERT(at && *at);
		int value = (int) (at - alphabet);
		for (int b = 4; b >= 0; b--, bit++) {
			int v = (value >> b) & 1;
			if (bit < 2) {
				FUZZ_ASSERT(v == 0);
			} else if (bit < 50) {
				time = time << 1 | (uint64_t) v;
			} else {
				back[(bit - 50) / 8] = (uint8_t) (back[(bit - 50) / 8] << 1 | v);
			}
		}
	}
	FUZZ_ASSERT(time == (ms & ((1ull << 48) - 1)));
	FUZZ_ASSERT(memcmp(back, random, 10) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_decode((const char *) data, size);
	check_round_trip(data, size);
	check_ulid(data, size);
	return 0;
}
