/* Delivery: libcurl transport, the per-process sender thread and its byte-capped queue.
 * Plain C and malloc only: nothing here touches the Zend engine, so it runs on the
 * sender thread. Payloads are complete, encoded OTLP request bodies. */
#ifndef SPECTRA_EXPORT_EXPORTER_H
#define SPECTRA_EXPORT_EXPORTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../otlp/otlp.h"

typedef enum {
	SPECTRA_EXPORT_SYNC = 0,
	SPECTRA_EXPORT_AFTER_RESPONSE = 1,
	SPECTRA_EXPORT_BACKGROUND = 2,
} spectra_export_mode;

typedef struct {
	char *endpoint; /* full traces URL, used as is */
	char **headers; /* "Name: value" lines, already percent-decoded */
	size_t header_count;
	spectra_otlp_format format; /* decides Content-Type */
	bool gzip;
	long timeout_ms; /* per POST attempt, total */
	long connect_timeout_ms;
	bool verify_tls;
	char *ca_file; /* NULL = system store */
	char *client_cert;
	char *client_key;
	char *user_agent;
	spectra_export_mode mode;
	size_t max_queue_bytes;       /* queue cap; over it a payload is dropped and counted */
	long schedule_delay_ms;       /* background mode: OTEL_BSP_SCHEDULE_DELAY */
	size_t max_queue_size;        /* background: spans; OTEL_BSP_MAX_QUEUE_SIZE */
	size_t max_export_batch_size; /* background: spans per POST; OTEL_BSP_MAX_EXPORT_BATCH_SIZE */
	long export_timeout_ms;       /* background: OTEL_BSP_EXPORT_TIMEOUT; bounds one export with retries */
	long retry_budget_ms;         /* total time for retries of one payload */
} spectra_export_config;

typedef struct {
	uint64_t queued;      /* spans accepted into the queue */
	uint64_t sent;        /* spans the collector accepted (minus partial_success rejects) */
	uint64_t dropped;     /* spans dropped: queue full, shutdown timeout */
	uint64_t failed;      /* spans whose export failed for good (400, retries exhausted) */
	uint64_t retries;     /* retry attempts */
	uint64_t rejected;    /* spans reported rejected through partial_success */
	uint64_t queue_bytes; /* bytes waiting right now */
	long last_status;     /* last HTTP status, 0 = none or connection error */
	char last_error[256]; /* last error text, never a header value */
	bool thread_alive;
} spectra_export_stats;

/* Frees the strings of a configuration (one built by the caller, or the exporter's copy). */
void spectra_export_config_free(spectra_export_config *config);

/* Work whose encoding is left to the sender thread, so the request thread pays neither
 * for building spans nor for protobuf: the submitter embeds this at the start of its own
 * struct. encode() appends one complete request body; release() frees the work (after
 * encode, or unencoded when dropped, at shutdown, or in a forked child). Both may run on
 * any thread and must not touch the Zend engine. */
typedef struct spectra_deferred_payload {
	bool (*encode)(struct spectra_deferred_payload *self, spectra_buf *out);
	void (*release)(struct spectra_deferred_payload *self);
} spectra_deferred_payload;

/* MINIT: takes a deep copy of the configuration. Starts no thread. */
bool spectra_exporter_init(const spectra_export_config *config);
/* Takes ownership of a malloc'd payload carrying span_count spans.
 * sync: POSTs now (bounded by the timeout) and frees it.
 * after_response/background: queues it for the sender thread of this process, starting
 * the thread first if this process has none yet (FPM forks after MINIT). Never blocks on
 * the network. Returns false if the payload was dropped (counted). */
bool spectra_exporter_submit(char *payload, size_t len, size_t span_count);
/* As spectra_exporter_submit, for deferred work (sync mode encodes it right away).
 * Takes ownership in every case. estimated_len is charged against the queue's byte cap. */
bool spectra_exporter_submit_deferred(spectra_deferred_payload *work, size_t estimated_len, size_t span_count);
/* Waits up to timeout_ms until the queue is empty and no POST is in flight. */
bool spectra_exporter_flush(long timeout_ms);
void spectra_exporter_get_stats(spectra_export_stats *out);
/* MSHUTDOWN: flush bounded by timeout_ms, stop and join the thread, free everything.
 * Whatever is left is counted as dropped. */
void spectra_exporter_shutdown(long timeout_ms);
/* Called in a forked child (pthread_atfork): the parent's thread does not exist here;
 * reset the queue and lock state so the child starts its own thread lazily. */
void spectra_exporter_after_fork_child(void);

#endif
