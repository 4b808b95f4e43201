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

/* Frees the strings of a configuration (one built by the caller, or the exporter's copy). */
void spectra_export_config_free(spectra_export_config *config);

#endif
