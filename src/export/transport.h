/* One OTLP/HTTP POST attempt with libcurl. A transport owns one easy handle (kept alive
 * between attempts) driven through its own multi handle, so another thread can wake an
 * in-flight attempt the moment the abort flag is raised. A transport is used by one
 * thread at a time; only spectra_transport_wakeup may be called from another thread. */
#ifndef SPECTRA_EXPORT_TRANSPORT_H
#define SPECTRA_EXPORT_TRANSPORT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"
#include "export_config.h"

/* OTLP: a client must not parse more than 4 MiB of response. */
#define SPECTRA_TRANSPORT_MAX_RESPONSE_BYTES (4u * 1024u * 1024u)

typedef struct spectra_transport spectra_transport;

typedef struct {
	long http_status;       /* 0 when no HTTP response arrived */
	int curl_code;          /* CURLcode of the attempt, 0 = transfer completed */
	bool aborted;           /* the abort flag stopped the attempt */
	bool transient_failure; /* connection-level failure worth retrying (refused, timeout, reset) */
	long retry_after_ms;    /* parsed Retry-After, -1 when absent or unparsable */
	spectra_buf body;       /* response body, at most SPECTRA_TRANSPORT_MAX_RESPONSE_BYTES */
	bool body_truncated;    /* the body was longer than the cap; the rest was discarded */
	char error[256];        /* curl's text for a failed transfer; never holds header values */
} spectra_transport_result;

/* Builds a transport for the configuration (which must outlive it). proxy/no_proxy are the
 * values memoized from the environment on the main thread ("" = none): curl would otherwise
 * call getenv on the sender thread, which races with PHP's putenv. abort_flag may be NULL. */
spectra_transport *spectra_transport_new(const spectra_export_config *config, const char *proxy, const char *no_proxy,
	const atomic_bool *abort_flag);

/* One POST of an already encoded (and, with config->gzip, already compressed) body.
 * timeout_ms bounds the whole attempt (0 = no limit). Fills out (free with
 * spectra_transport_result_free); returns true when an HTTP response arrived. */
bool spectra_transport_post(spectra_transport *transport, const char *body, size_t len, long timeout_ms,
	spectra_transport_result *out);

void spectra_transport_result_free(spectra_transport_result *result);

/* Wakes a POST blocked in this transport so it notices the abort flag. Thread-safe. */
void spectra_transport_wakeup(spectra_transport *transport);

void spectra_transport_free(spectra_transport *transport);

/* In a forked child: the transport's connections are shared with the parent, so closing
 * them through curl (TLS close_notify) would corrupt the parent's streams. This closes the
 * child's copies of the sockets and parks the handle for good without calling curl. */
void spectra_transport_abandon_after_fork(spectra_transport *transport);

/* curl error codes that mean the collector could not be reached or did not answer in time,
 * which OTLP says to retry with backoff. */
bool spectra_transport_error_is_transient(int curl_code);

/* gzip-compresses input, appending to out. False on OOM or zlib failure (out unchanged). */
bool spectra_gzip_compress(const char *input, size_t len, spectra_buf *out);

#endif
