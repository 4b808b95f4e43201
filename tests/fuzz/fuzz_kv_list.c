/* src/util/kv_list (OTEL_EXPORTER_OTLP_HEADERS, OTEL_RESOURCE_ATTRIBUTES): every entry is
 * accounted for, reported keys are non-empty and carry no NUL, and percent-encoding what was
 * reported and parsing that again gives the same entries (parse(serialize(x)) == x). */
#include "fuzz.h"

#include "util/kv_list.h"

typedef struct {
	char **items; /* key, value, key, value, ... */
	size_t count;
	size_t calls;
} entries;

static bool collect(void *ctx, const char *key, const char *value)
{
	entries *e = ctx;
	FUZZ_ASSERT(key && value && *key);
	char **grown = realloc(e->items, (e->count + 2) * sizeof(char *));
	FUZZ_ASSERT(grown);
	e->items = grown;
	e->items[e->count++] = strdup(key);
	e->items[e->count++] = strdup(value);
	FUZZ_ASSERT(e->items[e->count - 2] && e->items[e->count - 1]);
	e->calls++;
	/* a header that passes the check cannot end the header line */
	if (spectra_kv_is_http_header(key, value)) {
		FUZZ_ASSERT(!strpbrk(key, "\r\n :") && !strpbrk(value, "\r\n"));
	}
	return true;
}

static void entries_free(entries *e)
{
	for (size_t i = 0; i < e->count; i++) {
		free(e->items[i]);
	}
	free(e->items);
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* %XX for everything but letters and digits: nothing is trimmed or split any more */
static size_t encode(const char *s, char *out)
{
	static const char digits[] = "0123456789ABCDEF";
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')) {
			out[n++] = (char) *p;
		} else {
			out[n++] = '%';
			out[n++] = digits[*p >> 4];
			out[n++] = digits[*p & 15];
		}
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	entries first = { NULL, 0, 0 };
	size_t skipped = spectra_kv_list_parse(text, size, collect, &first);

	/* segments = reported + skipped + blank ones */
	size_t segments = 1, blank = 0;
	size_t start = 0;
	for (size_t i = 0; i <= size; i++) {
		if (i == size || text[i] == ',') {
			bool all_space = true;
			for (size_t j = start; j < i; j++) {
				all_space &= is_space(text[j]);
			}
			blank += all_space;
			start = i + 1;
			segments += i < size;
		}
	}
	FUZZ_ASSERT(first.calls + skipped + blank == segments);

	/* decoding never grows text, and without '%' it is trimming only */
	size_t total = 0;
	for (size_t i = 0; i < first.count; i++) {
		total += strlen(first.items[i]);
	}
	FUZZ_ASSERT(total <= size);

	/* serialize what was reported and parse it again */
	char *again_text = malloc(3 * size + first.calls * 2 + 1);
	FUZZ_ASSERT(again_text);
	size_t len = 0;
	for (size_t i = 0; i < first.count; i += 2) {
		if (i) {
			again_text[len++] = ',';
		}
		len += encode(first.items[i], again_text + len);
		again_text[len++] = '=';
		len += encode(first.items[i + 1], again_text + len);
	}
	entries second = { NULL, 0, 0 };
	FUZZ_ASSERT(spectra_kv_list_parse(again_text, len, collect, &second) == 0);
	FUZZ_ASSERT(second.count == first.count);
	for (size_t i = 0; i < first.count; i++) {
		FUZZ_ASSERT(strcmp(first.items[i], second.items[i]) == 0);
	}
	free(again_text);
	entries_free(&first);
	entries_free(&second);
	return 0;
}
