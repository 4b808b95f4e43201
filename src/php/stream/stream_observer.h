/* Spectra\Internal\StreamObserver: the native side of one Spectra::stream() call. The
 * generator that passes the chunks through (stream_generator.c) hands each chunk to it
 * before yielding it, then tells it how the stream ended; the observer reads the chunks
 * (SSE/NDJSON/event-stream bytes, decoded arrays, openai-php chunk objects) into the
 * stream's usage and completes the record once. A stream the consumer abandons (the
 * generator destroyed early) or that is still open when the request ends is completed by
 * the observer's destructor, with a finish reason saying so. */
#ifndef SPECTRA_PHP_STREAM_STREAM_OBSERVER_H
#define SPECTRA_PHP_STREAM_STREAM_OBSERVER_H

#include "php.h"

extern zend_class_entry *spectra_ce_stream_observer;

void spectra_stream_observer_register(zend_class_entry *ce);

/* Adds the process's stream counters to a Spectra::stats() array. */
void spectra_stream_stats(zval *stats);

/* A new observer owning the started RequestContext in *context (the reference moves). */
void spectra_stream_observer_create(zval *context, zval *observer_out);

#endif
