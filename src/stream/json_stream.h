/* JSON values arriving one after another in a byte stream, cut out incrementally:
 *   - newline-delimited JSON (Ollama's /api/chat and /api/generate streams): one value per
 *     line, LF or CRLF, blank lines skipped;
 *   - one JSON array whose elements arrive over time (Gemini's streamGenerateContent without
 *     alt=sse: "[{...},\r\n{...}]"): each element is handed over as soon as it is complete.
 * The form is told by the first byte that is not whitespace ('[' = array). Each value's bytes
 * are handed over as they are (the reader decodes them); strings and escapes are followed so
 * brackets inside strings do not count. Chunk-size independent. A value over
 * SPECTRA_JSON_STREAM_MAX_VALUE bytes is dropped whole and counted. Plain C. */
#ifndef SPECTRA_STREAM_JSON_STREAM_H
#define SPECTRA_STREAM_JSON_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "../util/buf.h"

#define SPECTRA_JSON_STREAM_MAX_VALUE (8u * 1024u * 1024u)

/* Called with each complete value (not NUL-terminated); false stops. */
typedef bool (*spectra_json_stream_handler)(void *context, const char *value, size_t len);

typedef enum {
	SPECTRA_JSON_STREAM_UNKNOWN, /* nothing but whitespace seen yet */
	SPECTRA_JSON_STREAM_LINES,
	SPECTRA_JSON_STREAM_ARRAY,
} spectra_json_stream_form;

typedef struct {
	spectra_json_stream_handler handler;
	void *context;
	spectra_json_stream_form form;
	spectra_buf value; /* bytes of the value being received */
	size_t depth;      /* array form: nesting inside the outer array (0 = between elements) */
	bool in_string;
	bool escaped;
	bool oversized; /* the value being received is over the limit: dropping it */
	bool array_closed;
	size_t values;
	size_t oversized_values;
	bool stopped;
	bool failed;
} spectra_json_stream;

void spectra_json_stream_init(spectra_json_stream *stream, spectra_json_stream_handler handler, void *context);
void spectra_json_stream_free(spectra_json_stream *stream);
bool spectra_json_stream_feed(spectra_json_stream *stream, const char *bytes, size_t len);

/* The end: in line form a last line without LF is handed over now. True when the stream
 * ended cleanly (array form: the array was closed; nothing half-received). */
bool spectra_json_stream_finish(spectra_json_stream *stream);

#endif
