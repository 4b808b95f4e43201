/* A streamed (SSE) answer that ext/curl capture saw pass, read into its record with the
 * plain-C stream reader (src/stream/stream_reader.h, stream_record.h): usage, response id,
 * answering model, finish reasons, tool calls by type, an error event. Fed here directly
 * (not through the Spectra::stream() glue). */
#ifndef SPECTRA_PHP_CURL_STREAM_H
#define SPECTRA_PHP_CURL_STREAM_H

#include <stddef.h>

#include "src/record/record.h"

/* Whether bytes look like an SSE stream ("data:" / "event:" / ":" at the start). */
bool spectra_curl_stream_is_sse(const char *bytes, size_t len);
void spectra_curl_stream_read(spectra_record *record, const char *bytes, size_t len);

#endif
