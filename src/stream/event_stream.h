/* The AWS event-stream binary framing (application/vnd.amazon.eventstream) of Bedrock's
 * ConverseStream and InvokeModelWithResponseStream, decoded incrementally. A message is
 *
 *   total length (u32, big-endian) | headers length (u32) | prelude CRC32 (u32)
 *   headers | payload | message CRC32 (u32)
 *
 * where the prelude CRC covers the first 8 bytes and the message CRC everything before it
 * (CRC-32 of IEEE 802.3, computed with zlib's crc32(), which the extension links anyway). A header is a name length (u8), the name, a value type
 * (u8) and the value: 0 true, 1 false, 2 byte, 3 short, 4 int, 5 long, 6 bytes (u16 length),
 * 7 string (u16 length), 8 timestamp (i64 ms), 9 UUID (16 bytes).
 *
 * A bad CRC is reported, never trusted: a message whose message CRC fails is skipped and
 * counted (bad_messages); a prelude whose CRC fails, an impossible length or a malformed
 * header block means the framing is lost, and the decoder stops (framing_lost), since no
 * later length can be believed. Chunks of any size give the same messages. Plain C. */
#ifndef SPECTRA_STREAM_EVENT_STREAM_H
#define SPECTRA_STREAM_EVENT_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

/* The largest message accepted (AWS documents 16 MiB for the whole message) and the smallest
 * possible one (prelude and message CRC, no headers, no payload). */
#define SPECTRA_EVENT_STREAM_MAX_MESSAGE (16u * 1024u * 1024u)
#define SPECTRA_EVENT_STREAM_MIN_MESSAGE 16u

typedef struct {
	/* the string-valued headers the readers need; NULL/0 when absent */
	const char *event_type; /* ":event-type", e.g. "metadata", "contentBlockDelta", "chunk" */
	size_t event_type_len;
	const char *message_type; /* ":message-type": "event" or "exception" */
	size_t message_type_len;
	const char *exception_type; /* ":exception-type" of an exception message */
	size_t exception_type_len;
	const char *payload;
	size_t payload_len;
} spectra_event_stream_message;

/* Called for each message with good CRCs; pointers valid during the call. False stops. */
typedef bool (*spectra_event_stream_handler)(void *context, const spectra_event_stream_message *message);

typedef struct {
	spectra_event_stream_handler handler;
	void *context;
	spectra_buf pending; /* bytes of the message being received */
	size_t messages;
	size_t bad_messages; /* message CRC mismatch: skipped */
	bool framing_lost;   /* prelude CRC mismatch, bad length or headers: stopped */
	bool stopped;
	bool failed; /* out of memory */
} spectra_event_stream_decoder;

void spectra_event_stream_init(spectra_event_stream_decoder *decoder, spectra_event_stream_handler handler,
	void *context);
void spectra_event_stream_free(spectra_event_stream_decoder *decoder);

/* Decodes the next bytes; false once stopped, failed or the framing was lost. */
bool spectra_event_stream_feed(spectra_event_stream_decoder *decoder, const void *bytes, size_t len);

/* True when the stream ended on a message boundary. */
bool spectra_event_stream_finish(spectra_event_stream_decoder *decoder);

#endif
