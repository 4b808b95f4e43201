/* Display forms of credential-carrying settings (src/util/redact.c): names visible,
 * values never. */
#include "util/redact.h"

#include <stdlib.h>

#include "check.h"

static char shown[1024];

static const char *key_values(const char *text)
{
	spectra_buf out;
	spectra_buf_init(&out);
	CHECK(spectra_redact_key_values(text, &out));
	snprintf(shown, sizeof shown, "%s", out.data ? out.data : "");
	spectra_buf_free(&out);
	return shown;
}

static const char *url(const char *text)
{
	spectra_buf out;
	spectra_buf_init(&out);
	CHECK(spectra_redact_url(text, &out));
	snprintf(shown, sizeof shown, "%s", out.data ? out.data : "");
	spectra_buf_free(&out);
	return shown;
}

static void test_key_values(void)
{
	CHECK_STR(key_values("authorization=Bearer sk-secret123,x-api-key=abc456"), "authorization=***, x-api-key=***");
	CHECK_STR(key_values(" a = b , c=d=e ,, "), "a=***, c=***");
	CHECK_STR(key_values("bare-token-sk-1"), "***");
	CHECK_STR(key_values("k="), "k=***");
	CHECK_STR(key_values(""), "");
	CHECK(strstr(key_values("x=sk-secret123"), "secret") == NULL);
}

static void test_header_lines(void)
{
	char *lines[] = { "authorization: Bearer sk-1", "x-api-key:abc", "odd" };
	spectra_buf out;
	spectra_buf_init(&out);
	CHECK(spectra_redact_header_lines(lines, 3, &out));
	CHECK_STR(out.data, "authorization=***, x-api-key=***, ***");
	spectra_buf_free(&out);
}

static void test_url(void)
{
	CHECK_STR(url("http://localhost:4318/v1/traces"), "http://localhost:4318/v1/traces");
	CHECK_STR(url("https://user:pa55@collector.example:4318/v1/traces"), "https://collector.example:4318/v1/traces");
	CHECK_STR(url("https://u:p@ss@host/x"), "https://host/x");
	CHECK_STR(url("https://host/v1/traces?api_key=k1&debug&x=&y=2#frag"),
		"https://host/v1/traces?api_key=***&***&x=***&y=***#***");
	CHECK_STR(url("user:secret@host:4318/v1/traces"), "host:4318/v1/traces");
	CHECK_STR(url("https://host?token=abc"), "https://host?token=***");
	CHECK_STR(url("https://host/a@b"), "https://host/a@b"); /* '@' in the path is not userinfo */
	CHECK_STR(url(""), "");
}

int main(void)
{
	test_key_values();
	test_header_lines();
	test_url();
	return check_summary();
}
