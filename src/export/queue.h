/* FIFO of encoded payloads waiting for the sender thread, capped in bytes and in spans.
 * Not thread-safe by itself: the exporter holds its mutex around every call. */
#ifndef SPECTRA_EXPORT_QUEUE_H
#define SPECTRA_EXPORT_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

/* Where deferred work puts its request bodies. add() takes ownership of a malloc'd body
 * of span_count spans (false: it was freed and its spans are lost). oversized() reports a
 * span left out because its own encoding is over the limit. */
typedef struct spectra_body_sink {
	bool (*add)(struct spectra_body_sink *self, char *body, size_t len, size_t span_count);
	void (*oversized)(struct spectra_body_sink *self, size_t encoded_len);
	size_t spans_added;     /* kept by the sink: spans in the bodies added */
	size_t spans_oversized; /* kept by the sink: spans reported oversized */
} spectra_body_sink;

/* Work whose encoding is left to the sender thread, so the request thread pays neither
 * for building spans nor for protobuf: the submitter embeds this at the start of its own
 * struct. encode() hands complete request bodies of at most max_len bytes to the sink
 * (usually one; a span alone over max_len is reported and left out, the others still go),
 * false when encoding failed; release() frees the work (after encode, or unencoded when
 * dropped, at shutdown, or in a forked child). Both may run on any thread and must not
 * touch the Zend engine. */
typedef struct spectra_deferred_payload {
	bool (*encode)(struct spectra_deferred_payload *self, size_t max_len, spectra_body_sink *sink);
	void (*release)(struct spectra_deferred_payload *self);
} spectra_deferred_payload;

typedef struct spectra_queue_item {
	struct spectra_queue_item *next;
	struct spectra_deferred_payload *deferred; /* not yet encoded (owned), or NULL */
	char *payload;                             /* malloc'd, owned by the item; NULL while deferred */
	size_t len;
	size_t charged; /* bytes counted against the cap, from push until released */
	size_t span_count;
	int64_t enqueued_at_ms; /* monotonic clock, for the background schedule delay */
} spectra_queue_item;

typedef struct {
	spectra_queue_item *head;
	spectra_queue_item *tail;
	size_t item_count;
	size_t total_bytes; /* of the items queued */
	size_t held_bytes;  /* of the items popped and not yet released (being delivered) */
	size_t total_spans;
	size_t max_bytes; /* 0 = no byte cap */
	size_t max_spans; /* 0 = no span cap */
} spectra_queue;

void spectra_queue_init(spectra_queue *queue, size_t max_bytes, size_t max_spans);

/* True if a payload of this size would fit under both caps right now. The byte cap counts
 * the items being delivered too (popped, not yet released): they are still in memory. */
bool spectra_queue_has_room(const spectra_queue *queue, size_t len, size_t span_count);

/* Appends the payload, taking ownership of it on success. False (payload untouched, still
 * the caller's) when it does not fit under the caps or memory is exhausted. */
bool spectra_queue_push(spectra_queue *queue, char *payload, size_t len, size_t span_count, int64_t now_ms);

/* Appends work that is encoded later, on the sender thread; `estimated_len` counts against
 * the byte cap. Takes ownership on success only. */
bool spectra_queue_push_deferred(spectra_queue *queue, struct spectra_deferred_payload *deferred, size_t estimated_len,
	size_t span_count, int64_t now_ms);

/* Detaches the oldest item (NULL when empty); its bytes stay held against the cap until
 * the caller gives it back with spectra_queue_release. */
spectra_queue_item *spectra_queue_pop(spectra_queue *queue);

/* Detaches the longest prefix of items whose spans add up to at most max_spans, but always
 * at least one item (a payload is never split). Returns a chain linked through ->next. */
spectra_queue_item *spectra_queue_pop_batch(spectra_queue *queue, size_t max_spans);

/* Frees popped items (one, or a chain) and stops counting their bytes. */
void spectra_queue_release(spectra_queue *queue, spectra_queue_item *chain);

/* Frees every queued item and forgets the held bytes (a forked child: the parent delivers
 * them); returns how many queued spans were discarded. */
size_t spectra_queue_clear(spectra_queue *queue);

/* Frees one item, or a whole chain, without touching any queue's counts. */
void spectra_queue_item_free(spectra_queue_item *item);
void spectra_queue_chain_free(spectra_queue_item *chain);

#endif
