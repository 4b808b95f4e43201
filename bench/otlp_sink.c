/* A loopback OTLP/HTTP collector for benchmarks, in C so that the receiver is never what
 * limits a sender benchmark: every POST is read to its end and answered 200 with an empty
 * body (= an ExportTraceServiceResponse accepting everything); nothing is decoded or
 * stored. GET /ready answers "ok", GET /stats "posts N bytes M" (bodies received so far).
 * One thread per connection; HTTP/1.1 keep-alive for POSTs (a GET is answered, then the
 * connection closed: PHP's http:// wrapper reads to the end); Content-Length bodies only (what
 * libcurl sends for a POST with a known size).
 *
 *   bench/otlp_sink [port]     prints the port it listens on (0 or none = any free port)
 *
 * Built by `make -C bench otlp_sink`; see bench/README.md. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define HEADER_MAX 16384
#define DISCARD_CHUNK (256 * 1024)

static _Atomic unsigned long long posts_received;
static _Atomic unsigned long long bytes_received;

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n <= 0) {
			return -1;
		}
		data += n;
		len -= (size_t) n;
	}
	return 0;
}

/* Content-Length of a header block (NUL-terminated), or 0 when absent. */
static unsigned long long content_length(const char *headers)
{
	for (const char *line = strstr(headers, "\r\n"); line; line = strstr(line + 2, "\r\n")) {
		if (strncasecmp(line + 2, "Content-Length:", 15) == 0) {
			return strtoull(line + 17, NULL, 10);
		}
	}
	return 0;
}

static void *serve_connection(void *arg)
{
	int fd = (int) (intptr_t) arg;
	char *buf = malloc(DISCARD_CHUNK);
	size_t have = 0; /* bytes of buf holding the next request's start */
	if (!buf) {
		close(fd);
		return NULL;
	}
	for (;;) {
		char *end = NULL;
		while (!(end = have >= 4 ? memmem(buf, have, "\r\n\r\n", 4) : NULL)) {
			if (have >= HEADER_MAX) {
				goto done;
			}
			ssize_t n = read(fd, buf + have, HEADER_MAX - have);
			if (n <= 0) {
				goto done;
			}
			have += (size_t) n;
		}
		size_t header_len = (size_t) (end - buf) + 4;
		char saved = buf[header_len - 1];
		buf[header_len - 1] = '\0';
		bool is_post = strncmp(buf, "POST ", 5) == 0;
		bool is_stats = strncmp(buf, "GET /stats", 10) == 0;
		unsigned long long body = content_length(buf);
		buf[header_len - 1] = saved;

		/* the body: what already arrived with the headers, then the rest, discarded */
		size_t in_buf = have - header_len;
		unsigned long long taken = in_buf < body ? in_buf : body;
		unsigned long long remaining = body - taken;
		size_t leftover = in_buf - (size_t) taken;
		memmove(buf, buf + header_len + taken, leftover);
		have = leftover;
		while (remaining) {
			ssize_t n = read(fd, buf, remaining < DISCARD_CHUNK ? (size_t) remaining : DISCARD_CHUNK);
			if (n <= 0) {
				goto done;
			}
			remaining -= (unsigned long long) n;
		}
		char reply[256];
		int len;
		if (is_post) {
			atomic_fetch_add(&posts_received, 1);
			atomic_fetch_add(&bytes_received, body);
			len = snprintf(reply, sizeof reply,
				"HTTP/1.1 200 OK\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n");
		} else {
			char text[96];
			int text_len = is_stats ? snprintf(text, sizeof text, "posts %llu bytes %llu\n",
							   atomic_load(&posts_received), atomic_load(&bytes_received))
									: snprintf(text, sizeof text, "ok\n");
			/* closed after: PHP's http:// wrapper (the scripts' probes) reads to the end */
			len = snprintf(reply, sizeof reply,
				"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
				text_len, text);
		}
		if (write_all(fd, reply, (size_t) len) != 0 || !is_post) {
			goto done;
		}
	}
done:
	free(buf);
	close(fd);
	return NULL;
}

int main(int argc, char **argv)
{
	int port = argc > 1 ? atoi(argv[1]) : 0;
	signal(SIGPIPE, SIG_IGN);
	int listener = socket(AF_INET, SOCK_STREAM, 0);
	int one = 1;
	setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t) port) };
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t addr_len = sizeof addr;
	if (listener < 0 || bind(listener, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(listener, 64) != 0
		|| getsockname(listener, (struct sockaddr *) &addr, &addr_len) != 0) {
		perror("otlp_sink");
		return 1;
	}
	printf("%d\n", ntohs(addr.sin_port));
	fflush(stdout);
	for (;;) {
		int fd = accept(listener, NULL, NULL);
		if (fd < 0) {
			continue;
		}
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
		pthread_t thread;
		pthread_attr_t attr;
		pthread_attr_init(&attr);
		pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
		if (pthread_create(&thread, &attr, serve_connection, (void *) (intptr_t) fd) != 0) {
			close(fd);
		}
		pthread_attr_destroy(&attr);
	}
}
