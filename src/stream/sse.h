/* Server-Sent Events, parsed incrementally as the WHATWG HTML standard defines the
 * text/event-stream format ("9.2 Server-sent events", parsing an event stream): lines end in
 * CRLF, LF or CR; a leading BOM is dropped once; ":" starts a comment; "field: value" with
 * one space after the colon removed; event, data (lines joined with LF), id (unless it
 * holds a NUL) and retry (digits only) are the fields; an empty line dispatches the event
 * when its data is not empty. Fed in chunks of any size, down to one byte at a time, it
 * gives exactly the events it gives for the whole stream at once. Plain C, no allocation
 * per byte: the line and the event grow in buffers kept across events.
 *
 * An event whose line or data would exceed SPECTRA_SSE_MAX_EVENT_BYTES is dropped whole and
 * counted (oversized_events), and the parser keeps going at the next event. At the end of
 * the stream an event without its closing empty line is discarded, as the standard says;
 * spectra_sse_finish() reports whether that happened. */
#ifndef SPECTRA_STREAM_SSE_H
#define SPECTRA_STREAM_SSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

/* Far above any AI stream event (a final usage chunk is a few KiB). */
#define SPECTRA_SSE_MAX_EVENT_BYTES (8u * 1024u * 1024u)

typedef struct {
	const char *type; /* "message" when the event named none */
	size_t type_len;
	const char *data; /* the data lines joined with LF, without the last LF */
	size_t data_len;
	const char *last_id; /* the last event id seen so far in the stream ("" = none) */
	size_t last_id_len;
} spectra_sse_event;

/* Called for each dispatched event; the pointers are valid during the call only. Return
 * false to stop parsing (spectra_sse_feed then returns false too). */
typedef bool (*spectra_sse_handler)(void *context, const spectra_sse_event *event);

typedef struct {
	spectra_sse_handler handler;
	void *context;
	spectra_buf line;    /* the current line, without its end */
	spectra_buf data;    /* data lines of the event, each followed by LF */
	spectra_buf type;    /* event type of the event */
	spectra_buf last_id; /* last event id of the stream */
	int64_t retry_ms;    /* last valid retry field, -1 = none */
	size_t events;
	size_t oversized_events;
	bool at_start;      /* nothing read yet: a BOM here is dropped */
	uint8_t bom_seen;   /* bytes of a leading BOM matched so far (it may span chunks) */
	bool after_cr;      /* the last line ended in CR: an LF right after it ends nothing */
	bool skipping;      /* dropping the rest of an oversized event */
	bool line_too_long; /* the current line is over the limit: drop the event */
	bool stopped;       /* the handler asked to stop */
	bool failed;        /* out of memory */
} spectra_sse_parser;

void spectra_sse_init(spectra_sse_parser *parser, spectra_sse_handler handler, void *context);
void spectra_sse_free(spectra_sse_parser *parser);

/* Parses the next bytes. False when the handler stopped the parser or memory ran out
 * (then later calls do nothing and return false too). */
bool spectra_sse_feed(spectra_sse_parser *parser, const char *bytes, size_t len);

/* The end of the stream. True when nothing was pending; false when an incomplete event
 * (data without its closing empty line) or an incomplete line was discarded. */
bool spectra_sse_finish(spectra_sse_parser *parser);

#endif
