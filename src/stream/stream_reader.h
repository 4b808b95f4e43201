/* The bytes of one streamed AI response, whatever their framing, read into a
 * spectra_stream_usage. The framing is told by the first byte that is not whitespace:
 *   - 0x00: the AWS event-stream binary framing (Bedrock); a message's total length is below
 *     16 MiB, so its first byte is always 0;
 *   - '{' or '[': JSON values one after another (Ollama's NDJSON, Gemini's JSON array);
 *   - anything else: Server-Sent Events (every other provider).
 * Fed in pieces of any size it reads exactly what it reads from the whole stream at once.
 * Memory is bounded by the parsers' per-event limits, whatever the length of the stream.
 * Plain C. */
#ifndef SPECTRA_STREAM_STREAM_READER_H
#define SPECTRA_STREAM_STREAM_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event_stream.h"
#include "json_stream.h"
#include "sse.h"
#include "stream_usage.h"

typedef enum {
	SPECTRA_STREAM_FRAMING_UNKNOWN, /* nothing but whitespace yet */
	SPECTRA_STREAM_FRAMING_SSE,
	SPECTRA_STREAM_FRAMING_JSON,
	SPECTRA_STREAM_FRAMING_EVENT_STREAM,
} spectra_stream_framing;

typedef struct {
	spectra_stream_framing framing;
	union {
		spectra_sse_parser sse;
		spectra_json_stream json;
		spectra_event_stream_decoder events;
	} parser;
	spectra_stream_usage usage;
	uint64_t bytes;        /* bytes fed */
	size_t dropped_events; /* events over a parser's size limit, or with a bad CRC */
	bool framing_lost;     /* event-stream framing could not be followed any further */
	bool ended_cleanly;    /* set by finish: nothing was left half-received */
	bool finished;
} spectra_stream_reader;

void spectra_stream_reader_init(spectra_stream_reader *reader);
void spectra_stream_reader_feed(spectra_stream_reader *reader, const char *bytes, size_t len);
/* The end of the stream: hands over what a parser still holds (a last NDJSON line without
 * its newline) and sets ended_cleanly. Later feeds are ignored. */
void spectra_stream_reader_finish(spectra_stream_reader *reader);
/* Frees the parser and the usage. */
void spectra_stream_reader_free(spectra_stream_reader *reader);

const char *spectra_stream_framing_name(spectra_stream_framing framing);

#endif
