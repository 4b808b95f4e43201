/* The \Generator Spectra::stream() returns. An internal function cannot yield, so the
 * generator is a short PHP function of ours, compiled once per request the first time a
 * stream is tracked: it yields every chunk of the source unchanged (same keys, same values)
 * and hands each to the StreamObserver first. */
#ifndef SPECTRA_PHP_STREAM_STREAM_GENERATOR_H
#define SPECTRA_PHP_STREAM_STREAM_GENERATOR_H

#include "php.h"

/* Calls the generator function with the source and the observer (NULL: not tracked, the
 * chunks only pass through). False with an exception set when it could not be made. */
bool spectra_stream_generator(zval *chunks, zval *observer, zval *generator_out);

#endif
