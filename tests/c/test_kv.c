/* The OTel key=value list parser (src/util/kv_list): OTEL_EXPORTER_OTLP_HEADERS and
 * OTEL_RESOURCE_ATTRIBUTES. Prints "N passed, N failed"; exits non-zero on failure. */
#include "util/kv_list.h"
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The entries a parse reported, as "key=value" lines joined by '|', plus the skip count. */
typedef struct {
	char seen[1024];
	size_t calls;
	const char *refuse; /* add() returns false for this key */
} collected;

static bool collect(void *ctx, const char *key, const char *value)
{
	collected *c = ctx;
	c->calls++;
	size_t used = strlen(c->seen);
	snprintf(c->seen + used, sizeof c->seen - used, "%s[%s]=[%s]", used ? "|" : "", key, value);
	return !(c->refuse && strcmp(c->refuse, key) == 0);
}

static void check_parse(const char *text, size_t len, const char *expected, size_t expected_skipped, int line)
{
	collected c = { { 0 }, 0, NULL };
	size_t skipped = spectra_kv_list_parse(text, len, collect, &c);
	bool ok = strcmp(c.seen, expected) == 0 && skipped == expected_skipped;
	if (!check(ok, text, line)) {
		fprintf(stderr, "     got %s (%zu skipped), expected %s (%zu skipped)\n", c.seen, skipped, expected,
			expected_skipped);
	}
}

#define CHECK_KV(text, expected, skipped) check_parse((text), strlen(text), (expected), (skipped), __LINE__)

static void test_parse(void)
{
	CHECK_KV("a=1,b=2", "[a]=[1]|[b]=[2]", 0);
	CHECK_KV("service.name=billing", "[service.name]=[billing]", 0);
	CHECK_KV("", "", 0);

	/* percent-decoding, after trimming */
	CHECK_KV("Authorization=Bearer%20s3cr%3Dt", "[Authorization]=[Bearer s3cr=t]", 0);
	CHECK_KV("k=prod%2Deu,l=%2f%2F", "[k]=[prod-eu]|[l]=[//]", 0);
	CHECK_KV("k=%20v%20", "[k]=[ v ]", 0);
	CHECK_KV("k%3D1=v%2C2", "[k=1]=[v,2]", 0);
	CHECK_KV("k=caf%C3%A9", "[k]=[caf\xc3\xa9]", 0);
	/* a '%' without two hex digits stays */
	CHECK_KV("k=100%,l=%zz,m=%4,n=%4g,o=%", "[k]=[100%]|[l]=[%zz]|[m]=[%4]|[n]=[%4g]|[o]=[%]", 0);
	/* decoded bytes are not decoded again */
	CHECK_KV("k=%2541", "[k]=[%41]", 0);
	/* %00 would cut the string short: the entry is skipped */
	CHECK_KV("a=x%00y,b=2", "[b]=[2]", 1);
	CHECK_KV("a%00=1", "", 1);
	/* so is a raw NUL inside the given length */
	check_parse("a=x\0y,b=2", 9, "[b]=[2]", 1, __LINE__);

	/* empty and blank entries are ignored, not counted */
	CHECK_KV(",,a=1,,", "[a]=[1]", 0);
	CHECK_KV(" , \t ,", "", 0);
	CHECK_KV("a=1,", "[a]=[1]", 0);

	/* an entry without '=' is skipped and counted */
	CHECK_KV("a=1,malformed,b=2", "[a]=[1]|[b]=[2]", 1);
	CHECK_KV("Authorization=Bearer%20s3cr%3Dt , x-tenant = acme ,malformed",
		"[Authorization]=[Bearer s3cr=t]|[x-tenant]=[acme]", 1);
	CHECK_KV("just text", "", 1);

	/* whitespace around keys and values: space, tab, newline, CR, VT, FF */
	CHECK_KV(" x-tenant = acme ", "[x-tenant]=[acme]", 0);
	CHECK_KV("\tk\r\n=\v\fv\n", "[k]=[v]", 0);
	CHECK_KV("k=a b", "[k]=[a b]", 0);
	/* a byte above 0x7F is no space, whatever the locale */
	CHECK_KV("k=\xa0v\xa0", "[k]=[\xa0v\xa0]", 0);

	/* empty key skipped; empty value kept */
	CHECK_KV("=v,k=", "[k]=[]", 1);
	CHECK_KV("  =v", "", 1);
	CHECK_KV("k=  ", "[k]=[]", 0);
	/* the first '=' splits; later ones belong to the value */
	CHECK_KV("k=a=b==", "[k]=[a=b==]", 0);

	/* duplicate keys: all reported, in order (the caller decides which wins) */
	CHECK_KV("k=1,k=2, k =3", "[k]=[1]|[k]=[2]|[k]=[3]", 0);

	/* an entry the callback refuses counts as skipped */
	collected c = { { 0 }, 0, "bad" };
	size_t skipped = spectra_kv_list_parse("a=1,bad=2,c=3", 13, collect, &c);
	CHECK(skipped == 1 && c.calls == 3);
	CHECK(strcmp(c.seen, "[a]=[1]|[bad]=[2]|[c]=[3]") == 0);

	/* only len bytes are read */
	check_parse("a=1,b=2", 3, "[a]=[1]", 0, __LINE__);
	check_parse("a=1,b=2", 5, "[a]=[1]", 1, __LINE__);
	check_parse("a=%2", 4, "[a]=[%2]", 0, __LINE__);
}

static void test_http_header(void)
{
	CHECK(spectra_kv_is_http_header("x-tenant", "acme"));
	CHECK(spectra_kv_is_http_header("Authorization", "Bearer s3cr=t"));
	CHECK(spectra_kv_is_http_header("!#$%&'*+-.^_`|~09azAZ", ""));
	CHECK(spectra_kv_is_http_header("k", "tab\tinside"));
	CHECK(spectra_kv_is_http_header("k", "caf\xc3\xa9")); /* obs-text */
	CHECK(!spectra_kv_is_http_header("", "v"));
	CHECK(!spectra_kv_is_http_header("x tenant", "v"));
	CHECK(!spectra_kv_is_http_header("k:", "v"));
	CHECK(!spectra_kv_is_http_header("k\xc3\xa9", "v"));
	CHECK(!spectra_kv_is_http_header("k", "a\r\nHost: evil"));
	CHECK(!spectra_kv_is_http_header("k", "a\nb"));
	CHECK(!spectra_kv_is_http_header("k", "bell\x07"));
	CHECK(!spectra_kv_is_http_header("k", "del\x7f"));
	CHECK(!spectra_kv_is_http_header("a(b)", "v"));
}

int main(void)
{
	test_parse();
	test_http_header();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
