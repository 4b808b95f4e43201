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

	char buf[32];
	CHECK_STR(spectra_curl_error_name(7, buf, sizeof buf), "CURLE_COULDNT_CONNECT");
	CHECK_STR(spectra_curl_error_name(28, buf, sizeof buf), "CURLE_OPERATION_TIMEDOUT");
	CHECK_STR(spectra_curl_error_name(6, buf, sizeof buf), "CURLE_COULDNT_RESOLVE_HOST");
	CHECK_STR(spectra_curl_error_name(999, buf, sizeof buf), "CURLE_999");
	return check_summary();
}
