#include "transport.h"

#include <curl/curl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "retry.h"

/* How long one poll may sleep before the abort flag is looked at again. With curl >= 7.68
 * a wakeup ends the poll at once and this is only the safety net; older curl (RHEL 8 has
 * 7.61) has no wakeup, so there it bounds how late an abort is noticed. */
#define POLL_SLICE_MS 100
#define HAVE_CURL_MULTI_WAKEUP (LIBCURL_VERSION_NUM >= 0x074400)
/* One easy handle rarely holds more than one connection; extra ones go untracked. */
#define TRACKED_SOCKETS 8

struct spectra_transport {
	CURL *easy;
	CURLM *multi;
	struct curl_slist *headers;
	const atomic_bool *abort_flag;
	spectra_transport_result *current; /* result of the attempt in progress */
	char retry_after[64];
	char error_buffer[CURL_ERROR_SIZE];
	curl_socket_t sockets[TRACKED_SOCKETS];
	struct spectra_transport *next_abandoned;
};

/* Transports inherited through fork: kept reachable, never cleaned up (see header). */
static spectra_transport *abandoned_transports;

static bool abort_requested(const spectra_transport *transport)
{
	return transport->abort_flag && atomic_load(transport->abort_flag);
}

static size_t on_response_body(char *data, size_t size, size_t count, void *user)
{
	spectra_transport *transport = user;
	spectra_transport_result *result = transport->current;
	size_t bytes = size * count;
	size_t room = SPECTRA_TRANSPORT_MAX_RESPONSE_BYTES - result->body.len;
	size_t kept = bytes < room ? bytes : room;
	if (kept < bytes) {
		/* keep reading so the connection stays reusable; just stop storing */
		result->body_truncated = true;
	}
	if (kept && !spectra_buf_append(&result->body, data, kept)) {
		result->body_truncated = true;
	}
	return bytes;
}

static bool header_name_is(const char *line, size_t len, const char *name)
{
	size_t name_len = strlen(name);
	return len > name_len && line[name_len] == ':' && strncasecmp(line, name, name_len) == 0;
}

static size_t on_response_header(char *line, size_t size, size_t count, void *user)
{
	spectra_transport *transport = user;
	size_t len = size * count;
	if (len >= 5 && memcmp(line, "HTTP/", 5) == 0) {
		/* a new response starts (after a 100 Continue, say): forget the previous headers */
		transport->retry_after[0] = '\0';
	} else if (header_name_is(line, len, "retry-after")) {
		const char *value = line + strlen("retry-after:");
		size_t value_len = len - strlen("retry-after:");
		while (value_len && (value[value_len - 1] == '\r' || value[value_len - 1] == '\n')) {
			value_len--;
		}
		if (value_len >= sizeof transport->retry_after) {
			value_len = sizeof transport->retry_after - 1;
		}
		memcpy(transport->retry_after, value, value_len);
		transport->retry_after[value_len] = '\0';
	}
	return len;
}

static int on_progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow)
{
	(void) dltotal;
	(void) dlnow;
	(void) ultotal;
	(void) ulnow;
	return abort_requested(user) ? 1 : 0;
}

static curl_socket_t on_open_socket(void *user, curlsocktype purpose, struct curl_sockaddr *address)
{
	spectra_transport *transport = user;
	(void) purpose;
	/* CLOEXEC so programs PHP starts with exec never inherit the collector connection */
	curl_socket_t fd = socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
	if (fd == CURL_SOCKET_BAD) {
		return fd;
	}
	for (size_t i = 0; i < TRACKED_SOCKETS; i++) {
		if (transport->sockets[i] == CURL_SOCKET_BAD) {
			transport->sockets[i] = fd;
			break;
		}
	}
	return fd;
}

static int on_close_socket(void *user, curl_socket_t fd)
{
	spectra_transport *transport = user;
	for (size_t i = 0; i < TRACKED_SOCKETS; i++) {
		if (transport->sockets[i] == fd) {
			transport->sockets[i] = CURL_SOCKET_BAD;
		}
	}
	return close(fd);
}

static bool is_reserved_header(const char *line)
{
	static const char *const reserved[] = { "content-type", "content-encoding", "content-length", "transfer-encoding",
		"expect" };
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++) {
		if (header_name_is(line, strlen(line), reserved[i])) {
			return true;
		}
	}
	return false;
}

static bool append_header(struct curl_slist **list, const char *line)
{
	struct curl_slist *grown = curl_slist_append(*list, line);
	if (!grown) {
		return false;
	}
	*list = grown;
	return true;
}

static bool build_headers(spectra_transport *transport, const spectra_export_config *config)
{
	const char *content_type =
		config->format == SPECTRA_OTLP_JSON ? "Content-Type: application/json" : "Content-Type: application/x-protobuf";
	/* "Expect:" turns off curl's 100-continue round trip for larger bodies */
	if (!append_header(&transport->headers, content_type) || !append_header(&transport->headers, "Expect:")) {
		return false;
	}
	if (config->gzip && !append_header(&transport->headers, "Content-Encoding: gzip")) {
		return false;
	}
	for (size_t i = 0; i < config->header_count; i++) {
		const char *line = config->headers[i];
		/* a line without a name, or with CR/LF, could smuggle a header: skip it */
		if (!line || !strchr(line, ':') || line[0] == ':' || strpbrk(line, "\r\n") || is_reserved_header(line)) {
			continue;
		}
		if (!append_header(&transport->headers, line)) {
			return false;
		}
	}
	return true;
}

static bool configure(spectra_transport *transport, const spectra_export_config *config, const char *proxy,
	const char *no_proxy)
{
	CURL *easy = transport->easy;
	bool ok = true;
	ok &= curl_easy_setopt(easy, CURLOPT_URL, config->endpoint) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L) == CURLE_OK;
#if LIBCURL_VERSION_NUM >= 0x075500
	ok &= curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https") == CURLE_OK;
#else
	ok &= curl_easy_setopt(easy, CURLOPT_PROTOCOLS, (long) (CURLPROTO_HTTP | CURLPROTO_HTTPS)) == CURLE_OK;
#endif
	ok &= curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transport->headers) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_USERAGENT,
			  config->user_agent && config->user_agent[0] ? config->user_agent : "spectra")
		== CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
			  config->connect_timeout_ms > 0 ? config->connect_timeout_ms : 0L)
		== CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, config->verify_tls ? 1L : 0L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, config->verify_tls ? 2L : 0L) == CURLE_OK;
	if (config->ca_file && config->ca_file[0]) {
		ok &= curl_easy_setopt(easy, CURLOPT_CAINFO, config->ca_file) == CURLE_OK;
	}
	if (config->client_cert && config->client_cert[0]) {
		ok &= curl_easy_setopt(easy, CURLOPT_SSLCERT, config->client_cert) == CURLE_OK;
	}
	if (config->client_key && config->client_key[0]) {
		ok &= curl_easy_setopt(easy, CURLOPT_SSLKEY, config->client_key) == CURLE_OK;
	}
	/* explicit values (even "") stop curl from reading proxy variables on this thread */
	ok &= curl_easy_setopt(easy, CURLOPT_PROXY, proxy ? proxy : "") == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_NOPROXY, no_proxy ? no_proxy : "") == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transport->error_buffer) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_response_body) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_WRITEDATA, transport) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_response_header) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_HEADERDATA, transport) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, on_progress) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_XFERINFODATA, transport) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, on_open_socket) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, transport) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, on_close_socket) == CURLE_OK;
	ok &= curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, transport) == CURLE_OK;
	return ok;
}

spectra_transport *spectra_transport_new(const spectra_export_config *config, const char *proxy, const char *no_proxy,
	const atomic_bool *abort_flag)
{
	spectra_transport *transport = calloc(1, sizeof *transport);
	if (!transport) {
		return NULL;
	}
	transport->abort_flag = abort_flag;
	for (size_t i = 0; i < TRACKED_SOCKETS; i++) {
		transport->sockets[i] = CURL_SOCKET_BAD;
	}
	transport->easy = curl_easy_init();
	transport->multi = curl_multi_init();
	if (!transport->easy || !transport->multi || !build_headers(transport, config)
		|| !configure(transport, config, proxy, no_proxy)) {
		spectra_transport_free(transport);
		return NULL;
	}
	return transport;
}

bool spectra_transport_error_is_transient(int curl_code)
{
	switch ((CURLcode) curl_code) {
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_AGAIN:
#if LIBCURL_VERSION_NUM >= 0x073100
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
#endif
		return true;
	default:
		return false;
	}
}

static void copy_error(spectra_transport_result *out, const char *text)
{
	snprintf(out->error, sizeof out->error, "%s", text);
}

/* Drives the transfer until it ends or the abort flag rises. */
static CURLcode run_transfer(spectra_transport *transport, bool *aborted)
{
	CURLcode code = CURLE_FAILED_INIT;
	if (curl_multi_add_handle(transport->multi, transport->easy) != CURLM_OK) {
		return code;
	}
	for (;;) {
		int running = 0;
		if (curl_multi_perform(transport->multi, &running) != CURLM_OK) {
			break;
		}
		if (!running) {
			int pending = 0;
			CURLMsg *message;
			while ((message = curl_multi_info_read(transport->multi, &pending))) {
				if (message->msg == CURLMSG_DONE && message->easy_handle == transport->easy) {
					code = message->data.result;
				}
			}
			break;
		}
		if (abort_requested(transport)) {
			*aborted = true;
			code = CURLE_ABORTED_BY_CALLBACK;
			break;
		}
#if HAVE_CURL_MULTI_WAKEUP
		CURLMcode waited = curl_multi_poll(transport->multi, NULL, 0, POLL_SLICE_MS, NULL);
#else
		CURLMcode waited = curl_multi_wait(transport->multi, NULL, 0, POLL_SLICE_MS, NULL);
#endif
		if (waited != CURLM_OK) {
			break;
		}
	}
	/* removing an unfinished transfer closes its connection; a finished one stays pooled */
	curl_multi_remove_handle(transport->multi, transport->easy);
	return code;
}

bool spectra_transport_post(spectra_transport *transport, const char *body, size_t len, long timeout_ms,
	spectra_transport_result *out)
{
	memset(out, 0, sizeof *out);
	spectra_buf_init(&out->body);
	out->retry_after_ms = -1;
	transport->current = out;
	transport->retry_after[0] = '\0';
	transport->error_buffer[0] = '\0';

	curl_easy_setopt(transport->easy, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(transport->easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) len);
	curl_easy_setopt(transport->easy, CURLOPT_TIMEOUT_MS, timeout_ms > 0 ? timeout_ms : 0L);

	bool aborted = false;
	CURLcode code = run_transfer(transport, &aborted);
	transport->current = NULL;
	out->curl_code = (int) code;
	if (aborted || code == CURLE_ABORTED_BY_CALLBACK) {
		out->aborted = true;
		copy_error(out, "aborted by shutdown");
		return false;
	}
	if (code != CURLE_OK) {
		out->transient_failure = spectra_transport_error_is_transient(code);
		copy_error(out, transport->error_buffer[0] ? transport->error_buffer : curl_easy_strerror(code));
		return false;
	}
	long status = 0;
	curl_easy_getinfo(transport->easy, CURLINFO_RESPONSE_CODE, &status);
	out->http_status = status;
	out->retry_after_ms = spectra_retry_parse_retry_after(transport->retry_after, time(NULL));
	return true;
}

void spectra_transport_result_free(spectra_transport_result *result)
{
	spectra_buf_free(&result->body);
}

void spectra_transport_wakeup(spectra_transport *transport)
{
#if HAVE_CURL_MULTI_WAKEUP
	if (transport && transport->multi) {
		curl_multi_wakeup(transport->multi);
	}
#else
	(void) transport;
#endif
}

void spectra_transport_free(spectra_transport *transport)
{
	if (!transport) {
		return;
	}
	if (transport->multi) {
		curl_multi_cleanup(transport->multi);
	}
	if (transport->easy) {
		curl_easy_cleanup(transport->easy);
	}
	curl_slist_free_all(transport->headers);
	free(transport);
}

void spectra_transport_abandon_after_fork(spectra_transport *transport)
{
	if (!transport) {
		return;
	}
	for (size_t i = 0; i < TRACKED_SOCKETS; i++) {
		if (transport->sockets[i] != CURL_SOCKET_BAD) {
			close(transport->sockets[i]);
			transport->sockets[i] = CURL_SOCKET_BAD;
		}
	}
	transport->next_abandoned = abandoned_transports;
	abandoned_transports = transport;
}

bool spectra_gzip_compress(const char *input, size_t len, spectra_buf *out)
{
	if (len > UINT_MAX) {
		return false;
	}
	z_stream stream;
	memset(&stream, 0, sizeof stream);
	/* windowBits 15 + 16 asks zlib for the gzip wrapper instead of the zlib one */
	if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		return false;
	}
	uLong bound = deflateBound(&stream, (uLong) len);
	bool ok = bound <= UINT_MAX && spectra_buf_reserve(out, bound);
	if (ok) {
		stream.next_in = (Bytef *) input;
		stream.avail_in = (uInt) len;
		stream.next_out = (Bytef *) out->data + out->len;
		stream.avail_out = (uInt) bound;
		ok = deflate(&stream, Z_FINISH) == Z_STREAM_END;
		if (ok) {
			out->len += stream.total_out;
			out->data[out->len] = '\0';
		}
	}
	deflateEnd(&stream);
	return ok;
}
