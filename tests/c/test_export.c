/* Unit tests for the deliver stage (src/export): the retry policy and queue as pure code,
 * then the exporter end to end against tests/tools/otlp_receiver.php run under `php -S`,
 * a closed port (collector down) and an in-process listener that never answers.
 * Run from tests/c (make check); SPECTRA_TEST_PHP overrides the php binary. */
#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "../../src/export/exporter.h"
#include "../../src/export/queue.h"
#include "../../src/export/retry.h"
#include "../../src/export/transport.h"
#include "read_file.h"

#ifndef SPECTRA_SOURCE_ROOT
#define SPECTRA_SOURCE_ROOT "../.."
#endif

static int checks_passed;
static int checks_failed;

#define CHECK(condition, ...) \
	do { \
		if (condition) { \
			checks_passed++; \
		} else { \
			checks_failed++; \
			fprintf(stderr, "FAIL %s:%d: %s: ", __func__, __LINE__, #condition); \
			fprintf(stderr, __VA_ARGS__); \
			fputc('\n', stderr); \
		} \
	} while (0)

#ifdef SPECTRA_EXPORT_TEST_OTLP_STUBS
/* Stand-ins for the OTLP stage when src/otlp is not built in: just enough merge and
 * partial_success parsing for what these tests send and what the receiver answers. */
bool spectra_otlp_merge(spectra_otlp_format format, const spectra_buf *parts, size_t part_count, spectra_buf *out)
{
	static const char prefix[] = "{\"resourceSpans\":[";
	if (format == SPECTRA_OTLP_PROTOBUF) {
		for (size_t i = 0; i < part_count; i++) {
			if (!spectra_buf_append(out, parts[i].data, parts[i].len)) {
				return false;
			}
		}
		return true;
	}
	bool ok = spectra_buf_append_str(out, prefix);
	for (size_t i = 0; ok && i < part_count; i++) {
		size_t inner = parts[i].len - (sizeof prefix - 1) - 2;
		ok = (i == 0 || spectra_buf_append_char(out, ','))
			&& spectra_buf_append(out, parts[i].data + sizeof prefix - 1, inner);
	}
	return ok && spectra_buf_append_str(out, "]}");
}

static uint64_t stub_varint(const unsigned char **cursor, const unsigned char *end)
{
	uint64_t value = 0;
	for (int shift = 0; *cursor < end && shift < 64; shift += 7) {
		unsigned char byte = *(*cursor)++;
		value |= (uint64_t) (byte & 0x7f) << shift;
		if (!(byte & 0x80)) {
			break;
		}
	}
	return value;
}

bool spectra_otlp_parse_response(spectra_otlp_format format, const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out)
{
	*rejected_spans_out = 0;
	*error_message_out = NULL;
	if (format == SPECTRA_OTLP_JSON) {
		const char *rejected = body ? strstr(body, "\"rejectedSpans\":") : NULL;
		const char *message = body ? strstr(body, "\"errorMessage\":\"") : NULL;
		if (rejected) {
			rejected += strlen("\"rejectedSpans\":");
			*rejected_spans_out = strtoll(rejected + (*rejected == '"'), NULL, 10);
		}
		if (message) {
			message += strlen("\"errorMessage\":\"");
			*error_message_out = spectra_strndup(message, strcspn(message, "\""));
		}
		return true;
	}
	const unsigned char *cursor = (const unsigned char *) body;
	const unsigned char *end = cursor + len;
	if (len == 0) {
		return true;
	}
	if (*cursor++ != 0x0a) {
		return false;
	}
	uint64_t inner_len = stub_varint(&cursor, end);
	const unsigned char *inner_end = cursor + inner_len;
	while (cursor < inner_end) {
		unsigned char tag = *cursor++;
		if (tag == 0x08) {
			*rejected_spans_out = (int64_t) stub_varint(&cursor, inner_end);
		} else if (tag == 0x12) {
			uint64_t text_len = stub_varint(&cursor, inner_end);
			*error_message_out = spectra_strndup((const char *) cursor, text_len);
			cursor += text_len;
		} else {
			return false;
		}
	}
	return true;
}
#endif

/* ---- time, files, sockets --------------------------------------------------------- */

static int64_t now_ms(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
	struct timespec pause = { .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L };
	while (nanosleep(&pause, &pause) == -1 && errno == EINTR) {
	}
}

static bool write_whole_file(const char *path, const char *text)
{
	FILE *file = fopen(path, "w");
	if (!file) {
		return false;
	}
	bool ok = fputs(text, file) >= 0;
	return fclose(file) == 0 && ok;
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *walk)
{
	(void) info;
	(void) flag;
	(void) walk;
	return remove(path);
}

/* A port nothing listens on right now (bind to 0, read it back, close). */
static int unused_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t size = sizeof address;
	int port = -1;
	if (bind(fd, (struct sockaddr *) &address, sizeof address) == 0
		&& getsockname(fd, (struct sockaddr *) &address, &size) == 0) {
		port = ntohs(address.sin_port);
	}
	close(fd);
	return port;
}

static bool port_accepts(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in address = { .sin_family = AF_INET,
		.sin_port = htons((uint16_t) port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	bool ok = connect(fd, (struct sockaddr *) &address, sizeof address) == 0;
	close(fd);
	return ok;
}

/* A collector that hangs: listens (the kernel completes the handshake and buffers the
 * request) but never accepts, reads or answers. */
static int blackhole_listen(int *port_out)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in address = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t size = sizeof address;
	if (bind(fd, (struct sockaddr *) &address, sizeof address) != 0 || listen(fd, 16) != 0
		|| getsockname(fd, (struct sockaddr *) &address, &size) != 0) {
		close(fd);
		return -1;
	}
	*port_out = ntohs(address.sin_port);
	return fd;
}

/* ---- the receiver (php -S tests/tools/otlp_receiver.php) --------------------------- */

typedef struct {
	pid_t pid;
	int port;
	char dir[64];
	char url[96];
} receiver;

static bool receiver_start(receiver *r)
{
	snprintf(r->dir, sizeof r->dir, "/tmp/spectra-export-test-XXXXXX");
	if (!mkdtemp(r->dir)) {
		return false;
	}
	r->port = unused_port();
	snprintf(r->url, sizeof r->url, "http://127.0.0.1:%d/v1/traces", r->port);
	char listen_address[32];
	snprintf(listen_address, sizeof listen_address, "127.0.0.1:%d", r->port);
	const char *php = getenv("SPECTRA_TEST_PHP") ? getenv("SPECTRA_TEST_PHP") : "php";
	r->pid = fork();
	if (r->pid == 0) {
		char log_path[128];
		snprintf(log_path, sizeof log_path, "%s.log", r->dir);
		int log = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (log >= 0) {
			dup2(log, STDOUT_FILENO);
			dup2(log, STDERR_FILENO);
		}
		setenv("SPECTRA_RECEIVER_DIR", r->dir, 1);
		execlp(php, php, "-n", "-S", listen_address, SPECTRA_SOURCE_ROOT "/tests/tools/otlp_receiver.php",
			(char *) NULL);
		_exit(127);
	}
	for (int i = 0; i < 100; i++) {
		if (port_accepts(r->port)) {
			return true;
		}
		sleep_ms(50);
	}
	return false;
}

static void receiver_stop(receiver *r)
{
	if (r->pid > 0) {
		kill(r->pid, SIGTERM);
		waitpid(r->pid, NULL, 0);
		r->pid = 0;
	}
	nftw(r->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	char log_path[128];
	snprintf(log_path, sizeof log_path, "%s.log", r->dir);
	unlink(log_path);
}

static size_t discard_body(char *data, size_t size, size_t count, void *user)
{
	spectra_buf_append(user, data, size * count);
	return size * count;
}

static long receiver_get_number(const receiver *r, const char *path)
{
	char url[128];
	snprintf(url, sizeof url, "http://127.0.0.1:%d%s", r->port, path);
	CURL *easy = curl_easy_init();
	spectra_buf body;
	spectra_buf_init(&body);
	curl_easy_setopt(easy, CURLOPT_URL, url);
	curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 5000L);
	curl_easy_setopt(easy, CURLOPT_PROXY, "");
	curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard_body);
	curl_easy_setopt(easy, CURLOPT_WRITEDATA, &body);
	long value = -1;
	if (curl_easy_perform(easy) == CURLE_OK && body.data) {
		value = strtol(body.data, NULL, 10);
	}
	curl_easy_cleanup(easy);
	spectra_buf_free(&body);
	return value;
}

static long receiver_count(const receiver *r)
{
	return receiver_get_number(r, "/count");
}

static long receiver_attempts(const receiver *r)
{
	return receiver_get_number(r, "/attempts");
}

static bool receiver_wait_count(const receiver *r, long expected, long timeout_ms)
{
	int64_t deadline = now_ms() + timeout_ms;
	do {
		if (receiver_count(r) >= expected) {
			return receiver_count(r) == expected;
		}
		sleep_ms(20);
	} while (now_ms() < deadline);
	return false;
}

static void receiver_set_mode(const receiver *r, const char *json)
{
	char path[128];
	snprintf(path, sizeof path, "%s/mode", r->dir);
	write_whole_file(path, json);
}

/* Stored request number n (1-based): ext "bin" for the body, "json" for the headers. */
static char *receiver_stored(const receiver *r, long n, const char *ext, size_t *len_out)
{
	char path[128];
	snprintf(path, sizeof path, "%s/%06ld.%s", r->dir, n, ext);
	return read_whole_file(path, len_out);
}

static bool stored_body_equals(const receiver *r, long n, const char *expected, size_t len)
{
	size_t stored_len = 0;
	char *stored = receiver_stored(r, n, "bin", &stored_len);
	bool same = stored && stored_len == len && memcmp(stored, expected, len) == 0;
	free(stored);
	return same;
}

static bool stored_headers_contain(const receiver *r, long n, const char *needle)
{
	char *headers = receiver_stored(r, n, "json", NULL);
	bool found = headers && strstr(headers, needle);
	free(headers);
	return found;
}

/* How many stored bodies contain marker (bodies may hold NUL bytes: memmem). */
static int stored_bodies_containing(const receiver *r, const char *marker)
{
	int found = 0;
	long count = receiver_count(r);
	for (long n = 1; n <= count; n++) {
		size_t len = 0;
		char *body = receiver_stored(r, n, "bin", &len);
		if (body && memmem(body, len, marker, strlen(marker))) {
			found++;
		}
		free(body);
	}
	return found;
}

/* ---- payloads and configuration ---------------------------------------------------- */

/* An ExportTraceServiceRequest with one ResourceSpans whose schema_url is the marker:
 * valid protobuf, so the real merge accepts it, and easy to find in a stored body. */
static char *protobuf_payload(const char *marker, size_t *len_out)
{
	size_t marker_len = strlen(marker);
	char *payload = malloc(marker_len + 4);
	payload[0] = 0x0a; /* field 1 resource_spans, length-delimited */
	payload[1] = (char) (marker_len + 2);
	payload[2] = 0x1a; /* ResourceSpans field 3 schema_url */
	payload[3] = (char) marker_len;
	memcpy(payload + 4, marker, marker_len);
	*len_out = marker_len + 4;
	return payload;
}

static char *json_payload(const char *marker, size_t *len_out)
{
	spectra_buf text;
	spectra_buf_init(&text);
	spectra_buf_appendf(&text, "{\"resourceSpans\":[{\"schemaUrl\":\"%s\"}]}", marker);
	return spectra_buf_detach(&text, len_out);
}

/* Every byte value, so a transport that treats the body as a C string would show. */
static char *binary_payload(size_t len)
{
	char *payload = malloc(len);
	for (size_t i = 0; i < len; i++) {
		payload[i] = (char) (i * 7 + 3);
	}
	return payload;
}

static char test_header_auth[] = "Authorization: Bearer secret-token-value";
static char test_header_custom[] = "X-Spectra-Test: yes";
static char *test_headers[] = { test_header_auth, test_header_custom };

static spectra_export_config make_config(const char *url, spectra_export_mode mode)
{
	spectra_export_config config;
	memset(&config, 0, sizeof config);
	config.endpoint = (char *) url;
	config.headers = test_headers;
	config.header_count = 2;
	config.format = SPECTRA_OTLP_PROTOBUF;
	config.timeout_ms = 3000;
	config.connect_timeout_ms = 1000;
	config.verify_tls = true;
	config.user_agent = "spectra-test/1.0";
	config.mode = mode;
	config.max_queue_bytes = 1024 * 1024;
	config.schedule_delay_ms = 200;
	config.max_queue_size = 2048;
	config.max_export_batch_size = 512;
	config.export_timeout_ms = 30000;
	config.retry_budget_ms = 5000;
	return config;
}

static spectra_export_stats stats_now(void)
{
	spectra_export_stats stats;
	spectra_exporter_get_stats(&stats);
	return stats;
}

/* ---- pure parts ---------------------------------------------------------------------- */

static void test_retry_policy(void)
{
	CHECK(spectra_retry_status_is_retryable(429), "429");
	CHECK(spectra_retry_status_is_retryable(502) && spectra_retry_status_is_retryable(503)
			&& spectra_retry_status_is_retryable(504),
		"5xx gateway");
	CHECK(!spectra_retry_status_is_retryable(400) && !spectra_retry_status_is_retryable(500)
			&& !spectra_retry_status_is_retryable(404) && !spectra_retry_status_is_retryable(200),
		"final");

	bool in_range = true;
	for (unsigned attempt = 0; attempt < 12; attempt++) {
		long ceiling = 100L << (attempt < 6 ? attempt : 6);
		if (ceiling > 5000) {
			ceiling = 5000;
		}
		for (uint64_t bits = 0; bits < 2000; bits += 37) {
			long delay = spectra_retry_backoff_ms(attempt, 100, 5000, bits * 0x9E3779B97F4A7C15ull);
			in_range &= delay >= ceiling / 2 && delay <= ceiling;
		}
	}
	CHECK(in_range, "backoff stays within [ceiling/2, ceiling]");
	CHECK(spectra_retry_backoff_ms(0, 100, 5000, 0) == 50, "lowest first delay %ld",
		spectra_retry_backoff_ms(0, 100, 5000, 0));
	CHECK(spectra_retry_backoff_ms(40, 100, 5000, UINT64_MAX) <= 5000, "capped, no overflow");

	time_t now = 784111777; /* Sun, 06 Nov 1994 08:49:37 GMT */
	CHECK(spectra_retry_parse_retry_after("1", now) == 1000, "delta seconds");
	CHECK(spectra_retry_parse_retry_after(" 120 ", now) == 120000, "spaces allowed");
	CHECK(spectra_retry_parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now) == 10000, "HTTP-date");
	CHECK(spectra_retry_parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now) == 0, "date in the past");
	CHECK(spectra_retry_parse_retry_after("soon", now) == -1, "garbage");
	CHECK(spectra_retry_parse_retry_after("-5", now) == -1, "negative");
	CHECK(spectra_retry_parse_retry_after("", now) == -1 && spectra_retry_parse_retry_after(NULL, now) == -1, "absent");
	CHECK(spectra_retry_parse_retry_after("99999999999999999999", now) == 24L * 3600 * 1000, "clamped");

	CHECK(spectra_retry_next_delay_ms(0, 1000, 5000, 0) == 1000, "Retry-After replaces backoff");
	CHECK(spectra_retry_next_delay_ms(0, 6000, 5000, 0) == -1, "Retry-After beyond budget gives up");
	CHECK(spectra_retry_next_delay_ms(3, -1, 0, 0) == -1, "no budget, no retry");
	long delay = spectra_retry_next_delay_ms(1, -1, 5000, 12345);
	CHECK(delay >= 100 && delay <= 200, "second backoff %ld", delay);
}

/* Retry-After: 0 (or a date in the past) is a lower bound of zero, not an order to retry at
 * once: the backoff still applies, and no wait is under SPECTRA_RETRY_MIN_DELAY_MS. */
static void test_retry_minimum_delay(void)
{
	bool floor_kept = true;
	for (unsigned attempt = 0; attempt < 20; attempt++) {
		for (uint64_t bits = 0; bits < 500; bits += 7) {
			long delay = spectra_retry_next_delay_ms(attempt, 0, 1000000, bits * 0x9E3779B97F4A7C15ull);
			long backoff = spectra_retry_backoff_ms(attempt, SPECTRA_RETRY_INITIAL_BACKOFF_MS,
				SPECTRA_RETRY_MAX_BACKOFF_MS, bits * 0x9E3779B97F4A7C15ull);
			floor_kept &= delay >= SPECTRA_RETRY_MIN_DELAY_MS && delay >= backoff;
		}
	}
	CHECK(floor_kept, "Retry-After: 0 waits at least the backoff and at least %ld ms", SPECTRA_RETRY_MIN_DELAY_MS);
	CHECK(spectra_retry_next_delay_ms(0, -1, 5000, 0) == SPECTRA_RETRY_MIN_DELAY_MS,
		"the shortest backoff (50 ms) is raised to the minimum");
	CHECK(spectra_retry_next_delay_ms(6, 1000, 100000, 0) >= 2500, "a short Retry-After does not cut a long backoff");
	CHECK(spectra_retry_next_delay_ms(0, 0, 100, 0) == -1, "a budget shorter than the minimum: no retry");

	/* a collector answering Retry-After: 0 every time, over a 10 s budget: how many retries */
	long remaining = 10000;
	unsigned retries = 0;
	for (unsigned attempt = 0;; attempt++) {
		long delay = spectra_retry_next_delay_ms(attempt, 0, remaining, attempt * 0x9E3779B97F4A7C15ull);
		if (delay < 0) {
			break;
		}
		remaining -= delay;
		retries++;
	}
	CHECK(retries >= 1 && retries <= 10000 / SPECTRA_RETRY_MIN_DELAY_MS, "Retry-After: 0 over 10 s: %u retries",
		retries);
	printf("  Retry-After: 0 over a 10 s budget: %u retries\n", retries);
}

static void test_queue_caps(void)
{
	spectra_queue queue;
	spectra_queue_init(&queue, 250, 10);
	CHECK(spectra_queue_push(&queue, malloc(100), 100, 4, 1), "first fits");
	CHECK(spectra_queue_push(&queue, malloc(100), 100, 4, 2), "second fits");
	char *refused = malloc(100);
	CHECK(!spectra_queue_push(&queue, refused, 100, 1, 3), "byte cap");
	CHECK(!spectra_queue_push(&queue, refused, 10, 3, 3), "span cap");
	free(refused);
	CHECK(spectra_queue_push(&queue, malloc(50), 50, 2, 3), "exactly at both caps");
	CHECK(queue.total_bytes == 250 && queue.total_spans == 10 && queue.item_count == 3, "totals");

	spectra_queue_item *batch = spectra_queue_pop_batch(&queue, 8);
	CHECK(batch && batch->next && !batch->next->next, "batch of two items (8 spans)");
	CHECK(queue.item_count == 1 && queue.total_bytes == 50 && queue.total_spans == 2, "rest");
	CHECK(queue.held_bytes == 200, "the batch being delivered is still held: %zu", queue.held_bytes);
	refused = malloc(100);
	CHECK(!spectra_queue_push(&queue, refused, 100, 1, 3), "the byte cap counts the batch being delivered");
	free(refused);
	spectra_queue_release(&queue, batch);
	CHECK(queue.held_bytes == 0, "released");
	CHECK(spectra_queue_push(&queue, malloc(100), 100, 1, 3), "room again once the batch is released");
	batch = spectra_queue_pop_batch(&queue, 1);
	CHECK(batch && !batch->next && batch->span_count == 2, "an item larger than the batch still goes");
	spectra_queue_release(&queue, batch);
	spectra_queue_release(&queue, spectra_queue_pop(&queue));
	CHECK(spectra_queue_pop(&queue) == NULL && queue.head == NULL && queue.tail == NULL, "empty");

	spectra_queue_push(&queue, malloc(10), 10, 3, 4);
	spectra_queue_push(&queue, malloc(10), 10, 2, 4);
	spectra_queue_item *delivering = spectra_queue_pop(&queue);
	spectra_queue_push(&queue, malloc(10), 10, 2, 4);
	CHECK(spectra_queue_clear(&queue) == 4 && queue.total_bytes == 0 && queue.held_bytes == 0,
		"clear counts the queued spans and forgets the held bytes");
	spectra_queue_chain_free(delivering);

	spectra_queue unbounded;
	spectra_queue_init(&unbounded, 0, 0);
	CHECK(spectra_queue_has_room(&unbounded, SIZE_MAX, SIZE_MAX), "0 = no cap");
	spectra_queue_init(&unbounded, 100, 0);
	CHECK(!spectra_queue_has_room(&unbounded, SIZE_MAX, 1), "no wrap-around");
}

static void test_gzip_round_trip(void)
{
	size_t len = 100000;
	char *input = binary_payload(len);
	spectra_buf compressed;
	spectra_buf_init(&compressed);
	CHECK(spectra_gzip_compress(input, len, &compressed), "compress");
	CHECK((unsigned char) compressed.data[0] == 0x1f && (unsigned char) compressed.data[1] == 0x8b, "gzip magic");
	char *output = malloc(len);
	z_stream stream;
	memset(&stream, 0, sizeof stream);
	inflateInit2(&stream, 15 + 16);
	stream.next_in = (Bytef *) compressed.data;
	stream.avail_in = (uInt) compressed.len;
	stream.next_out = (Bytef *) output;
	stream.avail_out = (uInt) len;
	CHECK(inflate(&stream, Z_FINISH) == Z_STREAM_END && stream.total_out == len, "inflate");
	inflateEnd(&stream);
	CHECK(memcmp(input, output, len) == 0, "round trip identical");
	free(input);
	free(output);
	spectra_buf_free(&compressed);
}

/* ---- end to end -------------------------------------------------------------------- */

static void test_sync_post(receiver *r)
{
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_SYNC);
	CHECK(spectra_exporter_init(&config), "init");
	CHECK(!spectra_exporter_init(&config), "second init refused");
	long before = receiver_count(r);
	size_t len = 3000;
	char *payload = binary_payload(len);
	char *expected = binary_payload(len);
	CHECK(spectra_exporter_submit(payload, len, 2), "submit");
	spectra_export_stats stats = stats_now();
	CHECK(stats.sent == 2 && stats.queued == 2 && stats.failed == 0, "sent %llu", (unsigned long long) stats.sent);
	CHECK(stats.last_status == 200 && !stats.thread_alive, "status %ld, no thread in sync mode", stats.last_status);
	CHECK(receiver_count(r) == before + 1, "one request");
	CHECK(stored_body_equals(r, before + 1, expected, len), "body byte-identical");
	CHECK(stored_headers_contain(r, before + 1, "\"content-type\": \"application/x-protobuf\""), "content type");
	CHECK(stored_headers_contain(r, before + 1, "\"user-agent\": \"spectra-test/1.0\""), "user agent");
	CHECK(stored_headers_contain(r, before + 1, "\"content-encoding\": \"\""), "not compressed");
	CHECK(stored_headers_contain(r, before + 1, "\"x-spectra-test\": \"yes\""), "configured header");
	CHECK(stored_headers_contain(r, before + 1, "\"authorization\": \"Bearer secret-token-value\""), "auth header");
	CHECK(!stored_headers_contain(r, before + 1, "\"expect\""), "no 100-continue");
	CHECK(spectra_exporter_flush(1000), "flush in sync mode is immediate");
	free(expected);
	spectra_exporter_shutdown(1000);
	CHECK(!spectra_exporter_submit(binary_payload(8), 8, 1), "submit after shutdown is refused");
	CHECK(stats_now().dropped == 1, "and counted as dropped");
}

static void test_sync_gzip_json(receiver *r)
{
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_SYNC);
	config.format = SPECTRA_OTLP_JSON;
	config.gzip = true;
	CHECK(spectra_exporter_init(&config), "init");
	long before = receiver_count(r);
	spectra_buf text;
	spectra_buf_init(&text);
	spectra_buf_append_str(&text, "{\"resourceSpans\":[");
	for (int i = 0; i < 200; i++) {
		spectra_buf_appendf(&text, "%s{\"schemaUrl\":\"https://example.test/%d\"}", i ? "," : "", i);
	}
	spectra_buf_append_str(&text, "]}");
	char *expected = spectra_strndup(text.data, text.len);
	size_t len = 0;
	char *payload = spectra_buf_detach(&text, &len);
	CHECK(spectra_exporter_submit(payload, len, 200), "submit");
	CHECK(stats_now().sent == 200, "sent");
	CHECK(receiver_count(r) == before + 1, "one request");
	CHECK(stored_body_equals(r, before + 1, expected, len), "gunzipped body identical");
	CHECK(stored_headers_contain(r, before + 1, "\"content-encoding\": \"gzip\""), "content encoding");
	CHECK(stored_headers_contain(r, before + 1, "\"content-type\": \"application/json\""), "json type");
	char *headers = receiver_stored(r, before + 1, "json", NULL);
	char *raw = headers ? strstr(headers, "\"raw_bytes\": ") : NULL;
	CHECK(raw && strtol(raw + strlen("\"raw_bytes\": "), NULL, 10) < (long) len / 4, "compressed on the wire");
	free(headers);
	free(expected);
	spectra_exporter_shutdown(1000);
}

/* Deferred work: encoded on the sender thread, released exactly once whatever happens. */
typedef struct {
	spectra_deferred_payload base;
	char marker[32];
	bool fail;
	size_t span_count;
	atomic_int *encoded;
	atomic_int *released;
} test_deferred;

static bool test_deferred_encode(spectra_deferred_payload *self, size_t max_len, spectra_body_sink *sink)
{
	test_deferred *work = (test_deferred *) self;
	atomic_fetch_add(work->encoded, 1);
	if (work->fail) {
		return false;
	}
	size_t len = 0;
	char *payload = protobuf_payload(work->marker, &len);
	if (len > max_len) {
		free(payload);
		return false;
	}
	/* the span count is what the test submitted; the sink only sums it */
	return sink->add(sink, payload, len, work->span_count);
}

static void test_deferred_release(spectra_deferred_payload *self)
{
	test_deferred *work = (test_deferred *) self;
	atomic_fetch_add(work->released, 1);
	free(work);
}

static spectra_deferred_payload *make_deferred(const char *marker, bool fail, size_t span_count, atomic_int *encoded,
	atomic_int *released)
{
	test_deferred *work = calloc(1, sizeof *work);
	work->base.encode = test_deferred_encode;
	work->base.release = test_deferred_release;
	snprintf(work->marker, sizeof work->marker, "%s", marker);
	work->fail = fail;
	work->span_count = span_count;
	work->encoded = encoded;
	work->released = released;
	return &work->base;
}

static void test_deferred_payloads(receiver *r)
{
	atomic_int encoded = 0, released = 0;
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	CHECK(spectra_exporter_init(&config), "init");
	long before = receiver_count(r);
	CHECK(spectra_exporter_submit_deferred(make_deferred("deferred-1", false, 2, &encoded, &released), 500, 2),
		"submit");
	CHECK(spectra_exporter_submit_deferred(make_deferred("deferred-bad", true, 3, &encoded, &released), 500, 3),
		"submit failing");
	CHECK(spectra_exporter_flush(10000), "flush");
	spectra_export_stats stats = stats_now();
	CHECK(stats.sent == 2 && stats.failed == 3 && stats.queued == 5, "sent %llu failed %llu",
		(unsigned long long) stats.sent, (unsigned long long) stats.failed);
	CHECK(receiver_count(r) == before + 1, "one body stored");
	size_t len = 0;
	char *expected = protobuf_payload("deferred-1", &len);
	CHECK(stored_body_equals(r, before + 1, expected, len), "encoded on the sender thread, byte-identical");
	free(expected);
	CHECK(atomic_load(&encoded) == 2 && atomic_load(&released) == 2, "each encoded and released once");
	/* batch after batch, longer and shorter bodies (markers under the 32 bytes a test_deferred
	 * holds): each POST carries its own bytes, none of an earlier batch's */
	const char *markers[] = { "spare-a-the-longest-of-three", "spare-b", "spare-c-medium" };
	for (size_t i = 0; i < 3; i++) {
		before = receiver_count(r);
		CHECK(spectra_exporter_submit_deferred(make_deferred(markers[i], false, 1, &encoded, &released), 500, 1),
			"submit %s", markers[i]);
		CHECK(spectra_exporter_flush(10000), "flush %s", markers[i]);
		expected = protobuf_payload(markers[i], &len);
		CHECK(receiver_count(r) == before + 1, "%s: one POST (%ld)", markers[i], receiver_count(r) - before);
		CHECK(stored_body_equals(r, before + 1, expected, len), "%s byte-identical", markers[i]);
		free(expected);
	}
	spectra_exporter_shutdown(1000);

	/* queue full: refused work is released unencoded and counted as dropped */
	encoded = 0;
	released = 0;
	config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	config.max_queue_bytes = 100;
	CHECK(spectra_exporter_init(&config), "init small queue");
	CHECK(!spectra_exporter_submit_deferred(make_deferred("too-big", false, 4, &encoded, &released), 5000, 4),
		"refused");
	stats = stats_now();
	CHECK(stats.dropped == 4 && atomic_load(&released) == 1 && atomic_load(&encoded) == 0,
		"dropped, released, never encoded");
	spectra_exporter_shutdown(1000);

	/* sync mode encodes on the caller's thread and posts before returning */
	encoded = 0;
	released = 0;
	config = make_config(r->url, SPECTRA_EXPORT_SYNC);
	CHECK(spectra_exporter_init(&config), "init sync");
	before = receiver_count(r);
	CHECK(spectra_exporter_submit_deferred(make_deferred("deferred-sync", false, 1, &encoded, &released), 0, 1),
		"sync submit");
	CHECK(receiver_count(r) == before + 1 && atomic_load(&released) == 1, "posted before returning");
	spectra_exporter_shutdown(1000);
}

static void test_after_response_flush(receiver *r)
{
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	CHECK(spectra_exporter_init(&config), "init");
	long before = receiver_count(r);
	enum { PAYLOADS = 20 };
	for (int i = 0; i < PAYLOADS; i++) {
		char marker[32];
		snprintf(marker, sizeof marker, "after-response-%02d", i);
		size_t len = 0;
		char *payload = protobuf_payload(marker, &len);
		CHECK(spectra_exporter_submit(payload, len, 3), "submit %d", i);
	}
	CHECK(stats_now().thread_alive, "thread started lazily");
	CHECK(spectra_exporter_flush(10000), "flush");
	spectra_export_stats stats = stats_now();
	CHECK(stats.sent == PAYLOADS * 3 && stats.queued == PAYLOADS * 3, "sent %llu", (unsigned long long) stats.sent);
	CHECK(stats.queue_bytes == 0 && stats.dropped == 0 && stats.failed == 0, "nothing left or lost");
	/* Sent at once, but a backlog is coalesced: protobuf requests merge by concatenation,
	 * so all stored bodies in arrival order must equal all payloads in submit order. */
	long posts = receiver_count(r) - before;
	CHECK(posts >= 1 && posts <= PAYLOADS, "between 1 and %d POSTs, got %ld", PAYLOADS, posts);
	spectra_buf expected_all, stored_all;
	spectra_buf_init(&expected_all);
	spectra_buf_init(&stored_all);
	for (int i = 0; i < PAYLOADS; i++) {
		char marker[32];
		snprintf(marker, sizeof marker, "after-response-%02d", i);
		size_t len = 0;
		char *expected = protobuf_payload(marker, &len);
		spectra_buf_append(&expected_all, expected, len);
		free(expected);
	}
	for (long i = 1; i <= posts; i++) {
		size_t len = 0;
		char *stored = receiver_stored(r, before + i, "bin", &len);
		if (stored) {
			spectra_buf_append(&stored_all, stored, len);
		}
		free(stored);
	}
	bool in_order =
		expected_all.len == stored_all.len && memcmp(expected_all.data, stored_all.data, expected_all.len) == 0;
	spectra_buf_free(&expected_all);
	spectra_buf_free(&stored_all);
	CHECK(in_order, "bodies identical and in submit order");
	spectra_exporter_shutdown(1000);
	stats = stats_now();
	CHECK(!stats.thread_alive && stats.dropped == 0, "shutdown joined, nothing dropped");
}

static void submit_marker(spectra_otlp_format format, const char *marker, size_t spans)
{
	size_t len = 0;
	char *payload = format == SPECTRA_OTLP_JSON ? json_payload(marker, &len) : protobuf_payload(marker, &len);
	CHECK(spectra_exporter_submit(payload, len, spans), "submit %s", marker);
}

/* An exporter's first batch goes at once (to learn the collector's health), so a test of
 * how later submits are merged first sends one span and waits for its POST. */
static void send_first_batch(receiver *r, spectra_otlp_format format)
{
	long before = receiver_count(r);
	unsigned long long sent_before = stats_now().sent;
	submit_marker(format, "first-batch", 1);
	CHECK(receiver_wait_count(r, before + 1, 5000), "the first batch goes at once");
	/* the receiver has it before the sender has read the answer: wait until the sender has
	 * counted it and given its bytes back, or a test of the caps sees them as still queued */
	for (int waited = 0; waited < 5000; waited++) {
		spectra_export_stats stats = stats_now();
		if (stats.sent > sent_before && stats.queue_bytes == 0) {
			return;
		}
		usleep(1000);
	}
	CHECK(false, "the first batch was counted as sent");
}

static void test_background_batching(receiver *r)
{
	/* schedule delay: three submits become one merged POST */
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_BACKGROUND);
	config.schedule_delay_ms = 300;
	config.max_export_batch_size = 100;
	CHECK(spectra_exporter_init(&config), "init");
	send_first_batch(r, SPECTRA_OTLP_PROTOBUF);
	long before = receiver_count(r);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "batch-a", 1);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "batch-b", 1);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "batch-c", 1);
	CHECK(receiver_wait_count(r, before + 1, 5000), "one POST after the schedule delay");
	spectra_buf expected;
	spectra_buf_init(&expected);
	const char *markers[] = { "batch-a", "batch-b", "batch-c" };
	for (int i = 0; i < 3; i++) {
		size_t len = 0;
		char *part = protobuf_payload(markers[i], &len);
		spectra_buf_append(&expected, part, len);
		free(part);
	}
	CHECK(stored_body_equals(r, before + 1, expected.data, expected.len), "protobuf parts concatenated");
	spectra_buf_free(&expected);
	CHECK(spectra_exporter_flush(2000) && stats_now().sent == 1 + 3, "sent the first span, then 3");
	spectra_exporter_shutdown(1000);

	/* batch size: reaching max_export_batch_size exports without waiting for the delay */
	config.schedule_delay_ms = 60000;
	config.max_export_batch_size = 4;
	CHECK(spectra_exporter_init(&config), "init");
	send_first_batch(r, SPECTRA_OTLP_PROTOBUF);
	before = receiver_count(r);
	int64_t started = now_ms();
	submit_marker(SPECTRA_OTLP_PROTOBUF, "size-a", 2);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "size-b", 2);
	CHECK(receiver_wait_count(r, before + 1, 5000), "full batch posted");
	CHECK(now_ms() - started < 5000, "well before the 60 s delay");
	submit_marker(SPECTRA_OTLP_PROTOBUF, "size-c", 1);
	CHECK(spectra_exporter_flush(3000), "flush sends the partial batch at once");
	CHECK(receiver_count(r) == before + 2 && stats_now().sent == 1 + 5, "two POSTs, 5 spans");
	spectra_exporter_shutdown(1000);

	/* JSON batches are merged into one resourceSpans array */
	config.format = SPECTRA_OTLP_JSON;
	config.max_export_batch_size = 100;
	CHECK(spectra_exporter_init(&config), "init");
	send_first_batch(r, SPECTRA_OTLP_JSON);
	before = receiver_count(r);
	submit_marker(SPECTRA_OTLP_JSON, "json-a", 1);
	submit_marker(SPECTRA_OTLP_JSON, "json-b", 1);
	CHECK(spectra_exporter_flush(3000), "flush");
	CHECK(receiver_count(r) == before + 1, "one POST");
	char *merged = receiver_stored(r, before + 1, "bin", NULL);
	CHECK(merged && strstr(merged, "json-a") && strstr(merged, "json-b")
			&& strncmp(merged, "{\"resourceSpans\":[", 18) == 0,
		"merged JSON: %s", merged ? merged : "(none)");
	free(merged);
	spectra_exporter_shutdown(1000);
}

static void test_retry_after_then_success(receiver *r)
{
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	CHECK(spectra_exporter_init(&config), "init");
	receiver_set_mode(r, "{\"status\":503,\"retry_after\":1,\"times\":1}");
	long before = receiver_count(r);
	long attempts_before = receiver_attempts(r);
	int64_t started = now_ms();
	submit_marker(SPECTRA_OTLP_PROTOBUF, "retry-after", 4);
	CHECK(spectra_exporter_flush(8000), "flush");
	int64_t elapsed = now_ms() - started;
	spectra_export_stats stats = stats_now();
	CHECK(stats.retries == 1 && stats.sent == 4 && stats.failed == 0, "retries %llu sent %llu",
		(unsigned long long) stats.retries, (unsigned long long) stats.sent);
	CHECK(elapsed >= 950, "Retry-After: 1 honoured (%lld ms)", (long long) elapsed);
	CHECK(receiver_count(r) == before + 1 && receiver_attempts(r) == attempts_before + 2, "503 then 200");
	CHECK(stats.last_status == 200, "last status %ld", stats.last_status);

	/* 429 without Retry-After: exponential backoff, quick */
	receiver_set_mode(r, "{\"status\":429,\"times\":2}");
	started = now_ms();
	submit_marker(SPECTRA_OTLP_PROTOBUF, "backoff", 1);
	CHECK(spectra_exporter_flush(8000), "flush");
	stats = stats_now();
	CHECK(stats.retries == 3 && stats.sent == 5, "two more retries (%llu)", (unsigned long long) stats.retries);
	CHECK(now_ms() - started < 3000, "backoff starts near 100 ms");
	receiver_set_mode(r, "{}");
	spectra_exporter_shutdown(1000);
}

static void test_bad_request_not_retried(receiver *r)
{
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_SYNC);
	CHECK(spectra_exporter_init(&config), "init");
	receiver_set_mode(r, "{\"status\":400,\"message\":\"bad data\"}");
	long attempts_before = receiver_attempts(r);
	long before = receiver_count(r);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "bad-request", 6);
	spectra_export_stats stats = stats_now();
	CHECK(stats.failed == 6 && stats.sent == 0 && stats.retries == 0, "failed %llu", (unsigned long long) stats.failed);
	CHECK(stats.last_status == 400 && strstr(stats.last_error, "400"), "last error: %s", stats.last_error);
	CHECK(!strstr(stats.last_error, "secret-token"), "no header value in the error");
	CHECK(receiver_attempts(r) == attempts_before + 1 && receiver_count(r) == before, "one attempt only");

	/* 500 is not in the retryable list either */
	receiver_set_mode(r, "{\"status\":500}");
	submit_marker(SPECTRA_OTLP_PROTOBUF, "server-error", 1);
	stats = stats_now();
	CHECK(stats.failed == 7 && stats.retries == 0 && stats.last_status == 500, "500 final");
	receiver_set_mode(r, "{}");
	spectra_exporter_shutdown(1000);
}

static void test_partial_success(receiver *r)
{
	for (int json = 0; json <= 1; json++) {
		spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_SYNC);
		config.format = json ? SPECTRA_OTLP_JSON : SPECTRA_OTLP_PROTOBUF;
		CHECK(spectra_exporter_init(&config), "init");
		receiver_set_mode(r, "{\"partial_rejected\":3,\"message\":\"spans too old\"}");
		submit_marker(config.format, json ? "partial-json" : "partial-protobuf", 5);
		spectra_export_stats stats = stats_now();
		CHECK(stats.sent == 2 && stats.rejected == 3 && stats.failed == 0 && stats.retries == 0,
			"%s: sent %llu rejected %llu", json ? "json" : "protobuf", (unsigned long long) stats.sent,
			(unsigned long long) stats.rejected);
		CHECK(strstr(stats.last_error, "spans too old") != NULL, "message kept: %s", stats.last_error);
		receiver_set_mode(r, "{}");
		spectra_exporter_shutdown(1000);
	}
}

static void test_collector_down(void)
{
	char url[64];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/v1/traces", unused_port());
	spectra_export_config config = make_config(url, SPECTRA_EXPORT_SYNC);
	config.retry_budget_ms = 700;
	CHECK(spectra_exporter_init(&config), "init");
	int64_t started = now_ms();
	submit_marker(SPECTRA_OTLP_PROTOBUF, "nobody-home", 3);
	int64_t elapsed = now_ms() - started;
	spectra_export_stats stats = stats_now();
	CHECK(stats.failed == 3 && stats.sent == 0, "failed %llu", (unsigned long long) stats.failed);
	CHECK(stats.retries >= 2, "retried %llu times", (unsigned long long) stats.retries);
	CHECK(elapsed >= 300 && elapsed < 700 + 1500, "within the budget (%lld ms)", (long long) elapsed);
	CHECK(stats.last_status == 0 && stats.last_error[0], "last error: %s", stats.last_error);
	spectra_exporter_shutdown(1000);

	/* sync mode: the request thread waits, so the whole delivery stays within timeout_ms */
	config.timeout_ms = 400;
	config.retry_budget_ms = 30000;
	CHECK(spectra_exporter_init(&config), "init");
	started = now_ms();
	submit_marker(SPECTRA_OTLP_PROTOBUF, "nobody-home-sync", 1);
	elapsed = now_ms() - started;
	stats = stats_now();
	CHECK(stats.failed == 1 && stats.retries >= 1, "retried within the timeout (%llu)",
		(unsigned long long) stats.retries);
	CHECK(elapsed < 400 + 1000, "sync bounded by timeout_ms (%lld ms)", (long long) elapsed);
	spectra_exporter_shutdown(1000);
}

static void test_blackhole_bounds(void)
{
	int port = 0;
	int listener = blackhole_listen(&port);
	CHECK(listener >= 0, "listen");
	char url[64];
	snprintf(url, sizeof url, "http://127.0.0.1:%d/v1/traces", port);

	/* sync: the attempt timeout ends the POST; no budget, no retry */
	spectra_export_config config = make_config(url, SPECTRA_EXPORT_SYNC);
	config.timeout_ms = 300;
	config.retry_budget_ms = 0;
	CHECK(spectra_exporter_init(&config), "init");
	int64_t started = now_ms();
	submit_marker(SPECTRA_OTLP_PROTOBUF, "hang-sync", 1);
	int64_t elapsed = now_ms() - started;
	spectra_export_stats stats = stats_now();
	CHECK(stats.failed == 1 && elapsed >= 250 && elapsed < 2000, "sync timeout after %lld ms", (long long) elapsed);
	CHECK(strstr(stats.last_error, "imed out") != NULL, "last error: %s", stats.last_error);
	spectra_exporter_shutdown(500);

	/* after_response: a flush gives up at its deadline */
	config = make_config(url, SPECTRA_EXPORT_AFTER_RESPONSE);
	config.timeout_ms = 10000;
	config.retry_budget_ms = 10000;
	CHECK(spectra_exporter_init(&config), "init");
	submit_marker(SPECTRA_OTLP_PROTOBUF, "hang-1", 2);
	started = now_ms();
	CHECK(!spectra_exporter_flush(200), "flush times out");
	elapsed = now_ms() - started;
	CHECK(elapsed >= 190 && elapsed < 1500, "flush bounded (%lld ms)", (long long) elapsed);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "hang-2", 2);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "hang-3", 2);

	/* shutdown: flush for 500 ms, then abort the in-flight POST, join, drop the rest */
	started = now_ms();
	spectra_exporter_shutdown(500);
	elapsed = now_ms() - started;
	printf("shutdown(500) with a hanging collector returned in %lld ms\n", (long long) elapsed);
	CHECK(elapsed >= 450 && elapsed < 3000, "shutdown bounded (%lld ms)", (long long) elapsed);
	stats = stats_now();
	CHECK(stats.dropped == 6 && stats.sent == 0 && !stats.thread_alive, "dropped %llu",
		(unsigned long long) stats.dropped);
	close(listener);
}

static void test_shutdown_interrupts_retry_sleep(receiver *r)
{
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	config.retry_budget_ms = 20000;
	CHECK(spectra_exporter_init(&config), "init");
	receiver_set_mode(r, "{\"status\":503,\"retry_after\":5}");
	long attempts_before = receiver_attempts(r);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "sleeping", 2);
	int64_t deadline = now_ms() + 5000;
	while (receiver_attempts(r) == attempts_before && now_ms() < deadline) {
		sleep_ms(20);
	}
	sleep_ms(100); /* the sender is now waiting out Retry-After: 5 */
	int64_t started = now_ms();
	spectra_exporter_shutdown(200);
	int64_t elapsed = now_ms() - started;
	spectra_export_stats stats = stats_now();
	CHECK(elapsed >= 190 && elapsed < 2000, "retry sleep cut short (%lld ms)", (long long) elapsed);
	CHECK(stats.retries == 1 && stats.dropped == 2 && stats.sent == 0, "dropped %llu",
		(unsigned long long) stats.dropped);
	receiver_set_mode(r, "{}");
}

static void test_queue_byte_cap(receiver *r)
{
	/* background with a long delay, so nothing leaves the queue while we fill it */
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_BACKGROUND);
	config.schedule_delay_ms = 60000;
	config.max_export_batch_size = 1000;
	config.max_queue_size = 1000;
	config.max_queue_bytes = 1000;
	config.batch_due_bytes = SIZE_MAX;
	CHECK(spectra_exporter_init(&config), "init");
	send_first_batch(r, SPECTRA_OTLP_PROTOBUF);
	long before = receiver_count(r);
	int accepted = 0;
	for (int i = 0; i < 15; i++) {
		char marker[97];
		snprintf(marker, sizeof marker, "cap-%02d-", i);
		memset(marker + 7, 'x', 89);
		marker[96] = '\0';
		size_t len = 0;
		char *payload = protobuf_payload(marker, &len); /* 100 bytes */
		accepted += spectra_exporter_submit(payload, len, 3);
	}
	spectra_export_stats stats = stats_now();
	CHECK(accepted == 10, "10 of 15 fit (%d)", accepted);
	CHECK(stats.dropped == 15 && stats.queued == 1 + 30, "dropped %llu exactly", (unsigned long long) stats.dropped);
	CHECK(stats.queue_bytes == 1000, "queue bytes %llu", (unsigned long long) stats.queue_bytes);
	spectra_exporter_shutdown(5000);
	stats = stats_now();
	CHECK(stats.sent == 1 + 30 && stats.dropped == 15, "shutdown flushed the queue (sent %llu)",
		(unsigned long long) stats.sent);
	/* the first batch went before: the rest waited for the shutdown flush, in one POST */
	long posts = receiver_count(r) - before;
	CHECK(posts == 1, "in one merged POST (%ld)", posts);

	/* the span cap of background mode (OTEL_BSP_MAX_QUEUE_SIZE) */
	config.max_queue_bytes = 1024 * 1024;
	config.max_queue_size = 10;
	config.max_export_batch_size = 10;
	CHECK(spectra_exporter_init(&config), "init");
	send_first_batch(r, SPECTRA_OTLP_PROTOBUF); /* else it may leave at once and make room for one more */
	accepted = 0;
	for (int i = 0; i < 5; i++) {
		size_t len = 0;
		char *payload = protobuf_payload("span-cap", &len);
		accepted += spectra_exporter_submit(payload, len, 3);
	}
	CHECK(accepted == 3 && stats_now().dropped == 6, "3 payloads of 3 spans fit under 10 spans");
	spectra_exporter_shutdown(0);
	stats = stats_now();
	/* shutdown(0) aborts at once; a POST that already went out may still count as sent */
	CHECK(stats.dropped >= 6 && stats.dropped + stats.sent == 1 + 6 + 9, "shutdown(0) drops the rest (%llu)",
		(unsigned long long) stats.dropped);

	/* after_response: a payload larger than the whole cap is dropped at once */
	config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	config.max_queue_bytes = 100;
	CHECK(spectra_exporter_init(&config), "init");
	char *oversized = binary_payload(101);
	CHECK(!spectra_exporter_submit(oversized, 101, 7), "over the cap");
	stats = stats_now();
	CHECK(stats.dropped == 7 && strstr(stats.last_error, "queue full"), "counted: %s", stats.last_error);
	spectra_exporter_shutdown(1000);
}

static void test_fork(receiver *r)
{
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	CHECK(spectra_exporter_init(&config), "init");
	submit_marker(SPECTRA_OTLP_PROTOBUF, "fork-parent-before", 1);
	CHECK(spectra_exporter_flush(5000), "parent flush");
	/* fork while the parent has one POST in flight (a slow answer) and one payload queued
	 * behind it: the child must send neither, and must not leak them either */
	receiver_set_mode(r, "{\"delay_ms\":400}");
	submit_marker(SPECTRA_OTLP_PROTOBUF, "fork-parent-in-flight", 1);
	sleep_ms(150);
	receiver_set_mode(r, "{}");
	submit_marker(SPECTRA_OTLP_PROTOBUF, "fork-parent-queued", 1);

	fflush(NULL);
	pid_t child = fork();
	if (child == 0) {
		spectra_export_stats inherited = stats_now();
		bool ok = inherited.sent == 0 && inherited.queue_bytes == 0 && !inherited.thread_alive;
		size_t len = 0;
		char *payload = protobuf_payload("fork-child", &len);
		ok &= spectra_exporter_submit(payload, len, 2);
		ok &= spectra_exporter_flush(5000);
		spectra_export_stats stats = stats_now();
		ok &= stats.sent == 2 && stats.thread_alive;
		spectra_exporter_shutdown(1000);
		curl_global_cleanup();
		_exit(ok ? 0 : 1);
	}
	int status = 0;
	waitpid(child, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child delivered its own (status %d)", status);
	submit_marker(SPECTRA_OTLP_PROTOBUF, "fork-parent-after", 1);
	CHECK(spectra_exporter_flush(5000), "parent flush after fork");
	spectra_export_stats stats = stats_now();
	CHECK(stats.sent == 4 && stats.thread_alive, "parent counts only its own: %llu", (unsigned long long) stats.sent);
	CHECK(stored_bodies_containing(r, "fork-parent-before") == 1, "parent before");
	CHECK(stored_bodies_containing(r, "fork-parent-in-flight") == 1, "in flight at fork: sent once, by the parent");
	CHECK(stored_bodies_containing(r, "fork-parent-queued") == 1, "queued at fork: sent once, by the parent");
	CHECK(stored_bodies_containing(r, "fork-child") == 1, "child");
	CHECK(stored_bodies_containing(r, "fork-parent-after") == 1, "parent after");
	spectra_exporter_shutdown(1000);
}

typedef struct {
	int thread_index;
} submitter_args;

static void *submitter_main(void *arg)
{
	const submitter_args *args = arg;
	for (int i = 0; i < 25; i++) {
		char marker[48];
		snprintf(marker, sizeof marker, "thread-%d-%02d", args->thread_index, i);
		size_t len = 0;
		char *payload = protobuf_payload(marker, &len);
		spectra_exporter_submit(payload, len, 1);
	}
	return NULL;
}

static void test_concurrent_submitters(receiver *r)
{
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	CHECK(spectra_exporter_init(&config), "init");
	long before = receiver_count(r);
	pthread_t threads[4];
	submitter_args args[4];
	for (int i = 0; i < 4; i++) {
		args[i].thread_index = i;
		pthread_create(&threads[i], NULL, submitter_main, &args[i]);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(threads[i], NULL);
	}
	CHECK(spectra_exporter_flush(20000), "flush");
	spectra_export_stats stats = stats_now();
	CHECK(stats.sent == 100 && stats.queued == 100 && stats.dropped == 0,
		"sent %llu queued %llu dropped %llu failed %llu err %s", (unsigned long long) stats.sent,
		(unsigned long long) stats.queued, (unsigned long long) stats.dropped, (unsigned long long) stats.failed,
		stats.last_error);
	long posts = receiver_count(r) - before;
	CHECK(posts >= 1 && posts <= 100, "100 spans in 1 to 100 POSTs, got %ld", posts);
	spectra_exporter_shutdown(1000);
}

static atomic_int signals_on_other_threads;
static pthread_t main_thread;

static void on_usr1(int signo)
{
	(void) signo;
	if (!pthread_equal(pthread_self(), main_thread)) {
		atomic_fetch_add(&signals_on_other_threads, 1);
	}
}

static void test_sender_blocks_signals(receiver *r)
{
	/* process-directed signals must never land on the sender thread (PHP's SIGPROF) */
	main_thread = pthread_self();
	struct sigaction action;
	memset(&action, 0, sizeof action);
	action.sa_handler = on_usr1;
	sigaction(SIGUSR1, &action, NULL);
	spectra_export_config config = make_config(r->url, SPECTRA_EXPORT_AFTER_RESPONSE);
	CHECK(spectra_exporter_init(&config), "init");
	for (int i = 0; i < 20; i++) {
		submit_marker(SPECTRA_OTLP_PROTOBUF, "signals", 1);
		kill(getpid(), SIGUSR1);
	}
	CHECK(spectra_exporter_flush(10000), "flush while signalled");
	CHECK(atomic_load(&signals_on_other_threads) == 0, "all signals on the main thread");
	spectra_exporter_shutdown(1000);
	signal(SIGUSR1, SIG_DFL);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	/* everything here is on loopback: a proxy from the environment would only get in the way */
	static const char *const proxy_variables[] = { "http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy",
		"ALL_PROXY" };
	for (size_t i = 0; i < sizeof proxy_variables / sizeof proxy_variables[0]; i++) {
		unsetenv(proxy_variables[i]);
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	test_retry_policy();
	test_retry_minimum_delay();
	test_queue_caps();
	test_gzip_round_trip();

	receiver r;
	memset(&r, 0, sizeof r);
	if (!receiver_start(&r)) {
		fprintf(stderr, "could not start php -S with the OTLP receiver (set SPECTRA_TEST_PHP?)\n");
		checks_failed++;
	} else {
		test_sync_post(&r);
		test_sync_gzip_json(&r);
		test_after_response_flush(&r);
		test_deferred_payloads(&r);
		test_background_batching(&r);
		test_retry_after_then_success(&r);
		test_bad_request_not_retried(&r);
		test_partial_success(&r);
		test_queue_byte_cap(&r);
		test_fork(&r);
		test_concurrent_submitters(&r);
		test_sender_blocks_signals(&r);
		test_shutdown_interrupts_retry_sleep(&r);
	}
	test_collector_down();
	test_blackhole_bounds();
	receiver_stop(&r);
	curl_global_cleanup();

	printf("%d passed, %d failed\n", checks_passed, checks_failed);
	return checks_failed ? 1 : 0;
}
