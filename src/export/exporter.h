/* Delivery: libcurl transport, the per-process sender thread and its byte-capped queue.
 * Plain C and malloc only: nothing here touches the Zend engine, so it runs on the
 * sender thread. Payloads are complete, encoded OTLP request bodies. */
#ifndef SPECTRA_EXPORT_EXPORTER_H
#define SPECTRA_EXPORT_EXPORTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../otlp/otlp.h"
#include "export_config.h"
#include "queue.h"

typedef struct {
	uint64_t queued;             /* spans accepted into the queue */
	uint64_t sent;               /* spans the collector accepted (minus partial_success rejects) */
	uint64_t dropped;            /* spans dropped: queue full, shutdown timeout */
	uint64_t failed;             /* spans whose export failed for good (400, retries exhausted) */
	uint64_t retries;            /* retry attempts */
	uint64_t rejected;           /* spans reported rejected through partial_success */
	uint64_t queue_bytes;        /* bytes waiting right now (the cap also counts the batch in delivery) */
	long last_status;            /* last HTTP status, 0 = none or connection error */
	char last_error[256];        /* last error text, never a header value */
	uint64_t backpressure_waits; /* submissions that waited for room (full queue, healthy collector) */
	uint64_t posts;              /* POST attempts, retries included */
	uint64_t max_in_flight;      /* most batches being delivered at once */
	bool thread_alive;
} spectra_export_stats;

/* MINIT: takes a deep copy of the configuration. Starts no thread. */
bool spectra_exporter_init(const spectra_export_config *config);
/* Takes ownership of a malloc'd payload carrying span_count spans.
 * sync: POSTs now (bounded by the timeout) and frees it.
 * after_response/background: queues it for the sender threads of this process, starting
 * one first if this process has none yet (FPM forks after MINIT). Never waits on the
 * network; when the queue is full and the collector healthy, waits at most
 * config->max_wait_ms for room (backpressure). Returns false if the payload was dropped
 * (counted). */
bool spectra_exporter_submit(char *payload, size_t len, size_t span_count);
/* As spectra_exporter_submit, for deferred work (sync mode encodes it right away).
 * Takes ownership in every case. estimated_len is charged against the queue's byte cap. */
bool spectra_exporter_submit_deferred(spectra_deferred_payload *work, size_t estimated_len, size_t span_count);
/* Waits up to timeout_ms until the queue is empty and no POST is in flight. */
bool spectra_exporter_flush(long timeout_ms);
void spectra_exporter_get_stats(spectra_export_stats *out);
/* Spans queued or being delivered right now. One atomic load: safe in a signal handler. */
uint64_t spectra_exporter_unsent_spans(void);
/* MSHUTDOWN: flush bounded by timeout_ms, stop and join the thread, free everything.
 * Whatever is left is counted as dropped. */
void spectra_exporter_shutdown(long timeout_ms);
/* Called in a forked child (pthread_atfork): the parent's thread does not exist here;
 * reset the queue and lock state so the child starts its own thread lazily. */
void spectra_exporter_after_fork_child(void);

#endif
