/* spectra_tracestate_normalize against a reference reading of the W3C tracestate grammar;
 * what it returns must be valid, normalized already (idempotent) and made of input members. */
#include "fuzz.h"

#include "record/trace_context.h"

typedef struct {
	const char *start;
	size_t len;
} span;

static bool in_set(char c, const char *set)
{
	return c && strchr(set, c);
}

#define LCALPHA_DIGIT "abcdefghijklmnopqrstuvwxyz0123456789"

static bool reference_member(span m, span *key)
{
	size_t eq = 0;
	while (eq < m.len && m.start[eq] != '=') {
		eq++;
	}
	if (eq == m.len || eq == 0 || eq > 256 || !in_set(m.start[0], LCALPHA_DIGIT)) {
		return false;
	}
	for (size_t i = 1; i < eq; i++) {
		if (!in_set(m.start[i], LCALPHA_DIGIT "_-*/@")) {
			return false;
		}
	}
	size_t vlen = m.len - eq - 1;
	if (vlen == 0 || vlen > 256) {
		return false;
	}
	for (size_t i = eq + 1; i < m.len; i++) {
		unsigned char c = (unsigned char) m.start[i];
		bool chr = c == 0x20 || (c >= 0x21 && c <= 0x7e && c != ',' && c != '=');
		if (!chr) {
			return false;
		}
	}
	if (m.start[m.len - 1] == ' ') {
		return false;
	}
	key->start = m.start;
	key->len = eq;
	return true;
}

/* The expected output, or NULL. */
static char *reference(const char *s, size_t n)
{
	span keys[SPECTRA_TRACESTATE_MAX_MEMBERS + 1];
	size_t count = 0;
	char *out = malloc(n + 1);
	FUZZ_ASSERT(out);
	size_t used = 0;
	size_t i = 0;
	for (;;) {
		size_t j = i;
		while (j < n && s[j] != ',') {
			j++;
		}
		size_t a = i, b = j;
		while (a < b && (s[a] == ' ' || s[a] == '\t')) {
			a++;
		}
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) {
			b--;
		}
		if (b > a) {
			span member = { s + a, b - a };
			span key;
			if (count == SPECTRA_TRACESTATE_MAX_MEMBERS || !reference_member(member, &key)) {
				free(out);
				return NULL;
			}
			for (size_t k = 0; k < count; k++) {
				if (keys[k].len == key.len && memcmp(keys[k].start, key.start, key.len) == 0) {
					free(out);
					return NULL;
				}
			}
			keys[count++] = key;
			if (used) {
				out[used++] = ',';
			}
			memcpy(out + used, member.start, member.len);
			used += member.len;
		}
		if (j == n) {
			break;
		}
		i = j + 1;
	}
	if (count == 0) {
		free(out);
		return NULL;
	}
	out[used] = '\0';
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	char *normalized = spectra_tracestate_normalize(text, size);
	char *expected = reference(text, size);
	FUZZ_ASSERT((normalized == NULL) == (expected == NULL));
	if (normalized) {
		FUZZ_ASSERT(strcmp(normalized, expected) == 0);
		size_t len = strlen(normalized);
		FUZZ_ASSERT(len > 0 && len <= size);
		char *again = spectra_tracestate_normalize(normalized, len);
		FUZZ_ASSERT(again && strcmp(again, normalized) == 0);
		free(again);
	}
	free(normalized);
	free(expected);
	return 0;
}
