/* Request state of delivery: span jobs waiting for the end of the request
 * (after_response mode). */
#ifndef SPECTRA_PHP_DELIVERY_STATE_H
#define SPECTRA_PHP_DELIVERY_STATE_H

#include <stddef.h>

typedef struct {
	void *pending; /* spectra_span_job ** */
	size_t pending_count;
	size_t pending_cap;
	int pending_pid; /* the process the list belongs to: a forked child never sends it */
} spectra_delivery_state;

void spectra_delivery_rinit(void);
/* Hands the request's jobs to the sender thread and frees the list. */
void spectra_delivery_rshutdown(void);

#endif
