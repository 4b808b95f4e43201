/* The URL parts ext/curl capture reads (host for the provider check, port, the path without
 * its query) and libcurl's error names. Prints "N passed, N failed"; exits non-zero on failure. */
#include "util/curl_errors.h"
#include "util/url_parts.h"
#include "check.h"

static void check_split(const char *url, const char *host, long port, const char *path, int line)
{
	spectra_url_parts parts;
	bool ok = spectra_url_split(url, strlen(url), &parts);
	char got_host[256] = "", got_path[256] = "";
	if (ok) {
		snprintf(got_host, sizeof got_host, "%.*s", (int) parts.host_len, parts.host);
		snprintf(got_path, sizeof got_path, "%.*s", (int) parts.path_len, parts.path);
	}
	ok = ok && strcmp(got_host, host) == 0 && parts.port == port && strcmp(got_path, path) == 0;
	if (!check(ok, url, line)) {
		fprintf(stderr, "     got %s %ld %s\n", got_host, ok ? parts.port : -1L, got_path);
	}
}

static void check_authority(const char *url, const char *expected, int line)
{
	const char *authority;
	size_t len;
	bool ok = spectra_url_authority(url, strlen(url), &authority, &len);
	char got[256] = "";
	if (ok) {
		snprintf(got, sizeof got, "%.*s", (int) len, authority);
	}
	ok = expected ? ok && strcmp(got, expected) == 0 : !ok;
	if (!check(ok, url, line)) {
		fprintf(stderr, "     got authority \"%s\"\n", got);
	}
}

/* The host of the authority alone is the URL's host (the memo of provider answers is keyed
 * by authority). */
static void check_same_host(const char *url, int line)
{
	const char *host, *authority, *authority_host;
	size_t host_len = 0, authority_len = 0, authority_host_len = 0;
	bool from_url = spectra_url_host(url, strlen(url), &host, &host_len);
	bool from_authority = spectra_url_authority(url, strlen(url), &authority, &authority_len)
		&& spectra_url_host(authority, authority_len, &authority_host, &authority_host_len);
	check(from_url == from_authority
			&& (!from_url || (host_len == authority_host_len && memcmp(host, authority_host, host_len) == 0)),
		url, line);
}

#define AUTHORITY(url, expected) check_authority((url), (expected), __LINE__)
#define SAME_HOST(url) check_same_host((url), __LINE__)

#define SPLIT(url, host, port, path) check_split((url), (host), (port), (path), __LINE__)
#define REFUSED(url) \
	do { \
		spectra_url_parts p; \
		CHECK(!spectra_url_split((url), strlen(url), &p)); \
	} while (0)

int main(void)
{
	SPLIT("https://api.openai.com/v1/chat/completions", "api.openai.com", 443, "/v1/chat/completions");
	SPLIT("http://127.0.0.1:8089/v1/messages?key=secret#frag", "127.0.0.1", 8089, "/v1/messages");
	SPLIT("HTTP://Host/x", "Host", 80, "/x");
	SPLIT("https://user:pa@ss@example.com:444/p", "example.com", 444, "/p");
	SPLIT("api.openai.com/v1/embeddings", "api.openai.com", 443, "/v1/embeddings");
	SPLIT("https://[::1]:9000/v1beta/models/g:generateContent?key=k", "::1", 9000, "/v1beta/models/g:generateContent");
	SPLIT("https://host?api_key=k", "host", 443, "/");
	SPLIT("https://host", "host", 443, "/");
	REFUSED("");
	REFUSED("https://");
	REFUSED("https://:80/x");
	REFUSED("https://host:99999/x");
	REFUSED("https://host:0/x");
	REFUSED("https://host:8a/x");
	REFUSED("https://[::1/x");
	REFUSED("https://[::1]x/y");

	const char *host;
	size_t host_len;
	CHECK(spectra_url_host("https://u:p@api.openai.com:99999/x", 34, &host, &host_len) && host_len == 14
		&& memcmp(host, "api.openai.com", 14) == 0);
	CHECK(!spectra_url_host("https:///x", 10, &host, &host_len));

	/* eight bytes a step, the end in any of them, at any offset */
	AUTHORITY("https://api.openai.com/v1/chat/completions", "api.openai.com");
	AUTHORITY("http://127.0.0.1:44683/v1/traces", "127.0.0.1:44683");
	AUTHORITY("https://a/", "a");
	AUTHORITY("https://abcdefgh/x", "abcdefgh");
	AUTHORITY("https://abcdefghi?x", "abcdefghi");
	AUTHORITY("https://abcdefghijklmnop#x", "abcdefghijklmnop");
	AUTHORITY("https://abcdefghijklmnopq", "abcdefghijklmnopq");
	AUTHORITY("https://u:p@h.example:8080?k=v", "u:p@h.example:8080");
	AUTHORITY("https://[::1]:9000/x", "[::1]:9000");
	AUTHORITY("api.openai.com/v1/embeddings", "api.openai.com");
	AUTHORITY("host:8080/x", "host:8080");
	AUTHORITY("https:///x", NULL);
	AUTHORITY("https://", NULL);
	AUTHORITY("", NULL);
	AUTHORITY("/only/a/path", NULL);
	/* each stop byte at each offset of the words scanned, with more words after it */
	const char stops[] = "/?#";
	for (size_t s = 0; s < 3; s++) {
		for (size_t at = 0; at < 24; at++) {
			char url[64] = "https://", expected[32] = "";
			size_t n = strlen(url);
			for (size_t j = 0; j < 32; j++) {
				url[n + j] = j == at ? stops[s] : (char) ('a' + j % 26);
			}
			url[n + 32] = '\0';
			memcpy(expected, url + n, at);
			check_authority(url, at ? expected : NULL, __LINE__);
		}
	}
	/* bytes near the stop bytes ('.' 0x2e, '0' 0x30, '>' 0x3e, '"' 0x22, '$' 0x24) are no stop */
	AUTHORITY("https://..00>>\"\"$$..00>>/x", "..00>>\"\"$$..00>>");
	AUTHORITY("https://h\xaf\xbf\xa3\xc0.example/x", "h\xaf\xbf\xa3\xc0.example");
	AUTHORITY("https://\x1f\x0f\x33\x13\x6f\x7f\x2e\x3e\x1f\x0f/x", "\x1f\x0f\x33\x13\x6f\x7f\x2e\x3e\x1f\x0f");
	const char *urls[] = { "https://api.openai.com/v1/chat/completions",
		"http://127.0.0.1:8089/v1/messages?key=secret#frag", "HTTP://Host/x", "https://user:pa@ss@example.com:444/p",
		"api.openai.com/v1/embeddings", "https://[::1]:9000/v1beta/models/g:generateContent?key=k",
		"https://host?api_key=k", "https://host", "", "https://", "https://:80/x", "https://host:99999/x",
		"https://[::1/x", "https://[::1]x/y", "user:pw@host//x", "host:80/x", "a:b:c@d:e/f", "https://h#f/x",
		"https://u@/x", "mailto:someone@example.com" };
	for (size_t i = 0; i < sizeof urls / sizeof urls[0]; i++) {
		SAME_HOST(urls[i]);
	}

	char buf[32];
	CHECK_STR(spectra_curl_error_name(7, buf, sizeof buf), "CURLE_COULDNT_CONNECT");
	CHECK_STR(spectra_curl_error_name(28, buf, sizeof buf), "CURLE_OPERATION_TIMEDOUT");
	CHECK_STR(spectra_curl_error_name(6, buf, sizeof buf), "CURLE_COULDNT_RESOLVE_HOST");
	CHECK_STR(spectra_curl_error_name(999, buf, sizeof buf), "CURLE_999");
	return check_summary();
}
