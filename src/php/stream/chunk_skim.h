/* The PHP-array counterpart of src/stream/delta_skim.c: a decoded event that is only a text
 * delta (an OpenAI-style chat chunk with delta content and nothing else, an Anthropic
 * content_block_delta), as openai-php's toArray() and json_decode() give them, read from the
 * array itself instead of being converted into a JSON tree first. Anything else declines and
 * is read in full; for an event it accepts, the result is the full reading's
 * (tests/stream/stream_array_skim.phpt compares the two on every stream fixture). */
#ifndef SPECTRA_PHP_STREAM_CHUNK_SKIM_H
#define SPECTRA_PHP_STREAM_CHUNK_SKIM_H

#include "php.h"
#include "src/stream/stream_usage.h"

/* True when the event was read (its characters added to usage, the event counted). */
bool spectra_chunk_skim(HashTable *event, spectra_stream_usage *usage);

#endif
