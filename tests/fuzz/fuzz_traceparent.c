/* spectra_traceparent_parse against a reference reading of W3C Trace Context, and
 * parse(serialize(x)) == x for what it accepts. */
#include "fuzz.h"

#include "record/trace_context.h"
#include "util/hex.h"

/* Written from the spec text, char by char, independently of the parser. */
static bool reference(const char *s, size_t n, spectra_traceparent *out)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
		n--;
	}
	if (n < 55) {
		return false;
	}
	for (size_t i = 0; i < 55; i++) {
		bool dash = i == 2 || i == 35 || i == 52;
		if (dash ? s[i] != '-' : !fuzz_is_lower_hex(s[i])) {
			return false;
		}
	}
	if (s[0] == 'f' && s[1] == 'f') {
		return false;
	}
	if (s[0] == '0' && s[1] == '0' ? n != 55 : (n > 55 && s[55] != '-')) {
		return false;
	}
	bool trace_zero = true, parent_zero = true;
	for (size_t i = 3; i < 35; i++) {
		trace_zero &= s[i] == '0';
	}
	for (size_t i = 36; i < 52; i++) {
		parent_zero &= s[i] == '0';
	}
	if (trace_zero || parent_zero) {
		return false;
	}
	for (size_t i = 0; i < 16; i++) {
		out->trace_id[i] =
			(uint8_t) (spectra_hex_digit_value(s[3 + 2 * i], 0) << 4 | spectra_hex_digit_value(s[4 + 2 * i], 0));
	}
	for (size_t i = 0; i < 8; i++) {
		out->parent_id[i] =
			(uint8_t) (spectra_hex_digit_value(s[36 + 2 * i], 0) << 4 | spectra_hex_digit_value(s[37 + 2 * i], 0));
	}
	out->flags = (uint8_t) (spectra_hex_digit_value(s[53], 0) << 4 | spectra_hex_digit_value(s[54], 0));
	return true;
}

static bool same(const spectra_traceparent *a, const spectra_traceparent *b)
{
	return memcmp(a->trace_id, b->trace_id, 16) == 0 && memcmp(a->parent_id, b->parent_id, 8) == 0
		&& a->flags == b->flags;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	spectra_traceparent parsed, expected;
	memset(&parsed, 0x5a, sizeof parsed);
	spectra_traceparent untouched = parsed;
	bool ok = spectra_traceparent_parse(text, size, &parsed);
	FUZZ_ASSERT(ok == reference(text, size, &expected));
	if (!ok) {
		FUZZ_ASSERT(same(&parsed, &untouched));
		return 0;
	}
	FUZZ_ASSERT(same(&parsed, &expected));

	/* serialize as version 00 (and as a later version with a field more): same result */
	char header[80];
	char trace[33], parent[17], flags[3];
	spectra_hex_encode(parsed.trace_id, 16, trace);
	spectra_hex_encode(parsed.parent_id, 8, parent);
	spectra_hex_encode(&parsed.flags, 1, flags);
	int len = snprintf(header, sizeof header, "00-%s-%s-%s", trace, parent, flags);
	FUZZ_ASSERT(len == 55);
	spectra_traceparent again;
	FUZZ_ASSERT(spectra_traceparent_parse(header, 55, &again) && same(&again, &parsed));
	len = snprintf(header, sizeof header, "\t01-%s-%s-%s-x ", trace, parent, flags);
	FUZZ_ASSERT(spectra_traceparent_parse(header, (size_t) len, &again) && same(&again, &parsed));
	return 0;
}
