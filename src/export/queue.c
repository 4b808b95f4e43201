#include "queue.h"

#include <stdlib.h>

void spectra_queue_init(spectra_queue *queue, size_t max_bytes, size_t max_spans)
{
	queue->head = NULL;
	queue->tail = NULL;
	queue->item_count = 0;
	queue->total_bytes = 0;
	queue->held_bytes = 0;
	queue->total_spans = 0;
	queue->max_bytes = max_bytes;
	queue->max_spans = max_spans;
}

bool spectra_queue_has_room(const spectra_queue *queue, size_t len, size_t span_count)
{
	/* Written as subtractions so huge sizes cannot wrap the sums. */
	size_t used = queue->total_bytes + queue->held_bytes;
	if (queue->max_bytes && (len > queue->max_bytes || used > queue->max_bytes - len)) {
		return false;
	}
	if (queue->max_spans && (span_count > queue->max_spans || queue->total_spans > queue->max_spans - span_count)) {
		return false;
	}
	return true;
}

bool spectra_queue_push(spectra_queue *queue, char *payload, size_t len, size_t span_count, int64_t now_ms)
{
	if (!spectra_queue_has_room(queue, len, span_count)) {
		return false;
	}
	spectra_queue_item *item = malloc(sizeof *item);
	if (!item) {
		return false;
	}
	item->next = NULL;
	item->deferred = NULL;
	item->payload = payload;
	item->len = len;
	item->charged = len;
	item->span_count = span_count;
	item->enqueued_at_ms = now_ms;
	if (queue->tail) {
		queue->tail->next = item;
	} else {
		queue->head = item;
	}
	queue->tail = item;
	queue->item_count++;
	queue->total_bytes += len;
	queue->total_spans += span_count;
	return true;
}

bool spectra_queue_push_deferred(spectra_queue *queue, struct spectra_deferred_payload *deferred, size_t estimated_len,
	size_t span_count, int64_t now_ms)
{
	if (!spectra_queue_push(queue, NULL, estimated_len, span_count, now_ms)) {
		return false;
	}
	queue->tail->deferred = deferred;
	return true;
}

static void forget_item(spectra_queue *queue, spectra_queue_item *item)
{
	queue->item_count--;
	queue->total_bytes -= item->charged;
	queue->held_bytes += item->charged;
	queue->total_spans -= item->span_count;
}

spectra_queue_item *spectra_queue_pop(spectra_queue *queue)
{
	spectra_queue_item *item = queue->head;
	if (!item) {
		return NULL;
	}
	queue->head = item->next;
	if (!queue->head) {
		queue->tail = NULL;
	}
	item->next = NULL;
	forget_item(queue, item);
	return item;
}

spectra_queue_item *spectra_queue_pop_batch(spectra_queue *queue, size_t max_spans)
{
	spectra_queue_item *first = spectra_queue_pop(queue);
	if (!first) {
		return NULL;
	}
	spectra_queue_item *last = first;
	size_t spans = first->span_count;
	while (queue->head && spans + queue->head->span_count <= max_spans) {
		spectra_queue_item *next = spectra_queue_pop(queue);
		spans += next->span_count;
		last->next = next;
		last = next;
	}
	return first;
}

void spectra_queue_item_free(spectra_queue_item *item)
{
	if (item) {
		if (item->deferred) {
			item->deferred->release(item->deferred);
		}
		free(item->payload);
		free(item);
	}
}

void spectra_queue_chain_free(spectra_queue_item *chain)
{
	while (chain) {
		spectra_queue_item *next = chain->next;
		spectra_queue_item_free(chain);
		chain = next;
	}
}

void spectra_queue_release(spectra_queue *queue, spectra_queue_item *chain)
{
	for (spectra_queue_item *item = chain; item; item = item->next) {
		queue->held_bytes -= item->charged < queue->held_bytes ? item->charged : queue->held_bytes;
	}
	spectra_queue_chain_free(chain);
}

size_t spectra_queue_clear(spectra_queue *queue)
{
	size_t spans = queue->total_spans;
	spectra_queue_chain_free(queue->head);
	queue->head = NULL;
	queue->tail = NULL;
	queue->item_count = 0;
	queue->total_bytes = 0;
	queue->held_bytes = 0;
	queue->total_spans = 0;
	return spans;
}
