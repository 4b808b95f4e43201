/* The exporter's configuration: what the settings layer resolves from INI and OTEL_*
 * and hands to spectra_exporter_init(). Plain C. */
#ifndef SPECTRA_EXPORT_EXPORT_CONFIG_H
#define SPECTRA_EXPORT_EXPORT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "../otlp/otlp.h"

typedef enum {
	SPECTRA_EXPORT_SYNC = 0,
	SPECTRA_EXPORT_AFTER_RESPONSE = 1,
	SPECTRA_EXPORT_BACKGROUND = 2,
} spectra_export_mode;

/* Upper bound on spectra.export_concurrency. */
#define SPECTRA_MAX_CONCURRENT_EXPORTS 8
/* A backlog (more than one batch queued: the collector is slower than the traffic) is sent in
 * requests of up to this many batches, so a slow collector gets fewer, bigger requests. */
#define SPECTRA_BACKLOG_BATCH_FACTOR 8

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
	size_t max_queue_bytes;        /* queue cap; over it a payload is dropped and counted */
	long schedule_delay_ms;        /* a batch is posted at the latest this long after its oldest span */
	size_t max_queue_size;         /* queue cap in spans (OTEL_BSP_MAX_QUEUE_SIZE) */
	size_t max_export_batch_size;  /* spans that make a batch due at once */
	size_t max_backlog_batch_size; /* spans per POST when a backlog has built up (0: the batch size
									* times SPECTRA_BACKLOG_BATCH_FACTOR) */
	size_t batch_due_bytes;        /* queued bytes that make a batch due at once (0: a quarter of the
								   * byte cap, at most 1 MiB) */
	long export_timeout_ms;        /* background: OTEL_BSP_EXPORT_TIMEOUT; bounds one export with retries */
	long retry_budget_ms;          /* total time for retries of one payload */
	size_t max_concurrent_exports; /* POSTs in flight at once (sender threads), 1..SPECTRA_MAX_CONCURRENT_EXPORTS */
	long max_wait_ms;              /* backpressure: how long a submitter may wait for room in a full queue while
					   * the collector is healthy (0 = never wait) */
} spectra_export_config;

/* Frees the strings of a configuration (one built by the caller, or the exporter's copy). */
void spectra_export_config_free(spectra_export_config *config);

#endif
