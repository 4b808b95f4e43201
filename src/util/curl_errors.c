#include "curl_errors.h"

#include <stdio.h>

/* the codes of curl/curl.h's CURLcode (stable across libcurl versions) */
static const struct {
	long code;
	const char *name;
} names[] = {
	{ 1, "CURLE_UNSUPPORTED_PROTOCOL" },
	{ 3, "CURLE_URL_MALFORMAT" },
	{ 5, "CURLE_COULDNT_RESOLVE_PROXY" },
	{ 6, "CURLE_COULDNT_RESOLVE_HOST" },
	{ 7, "CURLE_COULDNT_CONNECT" },
	{ 8, "CURLE_WEIRD_SERVER_REPLY" },
	{ 16, "CURLE_HTTP2" },
	{ 18, "CURLE_PARTIAL_FILE" },
	{ 22, "CURLE_HTTP_RETURNED_ERROR" },
	{ 23, "CURLE_WRITE_ERROR" },
	{ 26, "CURLE_READ_ERROR" },
	{ 27, "CURLE_OUT_OF_MEMORY" },
	{ 28, "CURLE_OPERATION_TIMEDOUT" },
	{ 35, "CURLE_SSL_CONNECT_ERROR" },
	{ 42, "CURLE_ABORTED_BY_CALLBACK" },
	{ 47, "CURLE_TOO_MANY_REDIRECTS" },
	{ 52, "CURLE_GOT_NOTHING" },
	{ 55, "CURLE_SEND_ERROR" },
	{ 56, "CURLE_RECV_ERROR" },
	{ 58, "CURLE_SSL_CERTPROBLEM" },
	{ 60, "CURLE_PEER_FAILED_VERIFICATION" },
	{ 61, "CURLE_BAD_CONTENT_ENCODING" },
	{ 77, "CURLE_SSL_CACERT_BADFILE" },
	{ 92, "CURLE_HTTP2_STREAM" },
};

const char *spectra_curl_error_name(long code, char *buf, unsigned long buf_len)
{
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (names[i].code == code) {
			return names[i].name;
		}
	}
	snprintf(buf, buf_len, "CURLE_%ld", code);
	return buf;
}
