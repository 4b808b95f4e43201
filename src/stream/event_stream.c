#include "event_stream.h"

#include <string.h>
#include <zlib.h>

#define PRELUDE_BYTES 12u
#define CRC_BYTES 4u

static uint32_t read_u32(const unsigned char *p)
{
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

static uint16_t read_u16(const unsigned char *p)
{
	return (uint16_t) (((unsigned) p[0] << 8) | (unsigned) p[1]);
}

void spectra_event_stream_init(spectra_event_stream_decoder *decoder, spectra_event_stream_handler handler,
	void *context)
{
	memset(decoder, 0, sizeof *decoder);
	decoder->handler = handler;
	decoder->context = context;
	spectra_buf_init(&decoder->pending);
}

void spectra_event_stream_free(spectra_event_stream_decoder *decoder)
{
	spectra_buf_free(&decoder->pending);
}

static bool name_is(const unsigned char *name, size_t len, const char *expected)
{
	return len == strlen(expected) && memcmp(name, expected, len) == 0;
}

/* Walks the header block; false when it is malformed (a length past its end, an unknown
 * value type). */
static bool read_headers(const unsigned char *p, size_t len, spectra_event_stream_message *message)
{
	static const size_t fixed_sizes[10] = { 0, 0, 1, 2, 4, 8, 0, 0, 8, 16 };
	size_t at = 0;
	while (at < len) {
		size_t name_len = p[at++];
		if (name_len == 0 || name_len > len - at) {
			return false;
		}
		const unsigned char *name = p + at;
		at += name_len;
		if (at >= len) {
			return false;
		}
		unsigned type = p[at++];
		if (type > 9) {
			return false;
		}
		size_t value_len = fixed_sizes[type];
		const unsigned char *value = p + at;
		if (type == 6 || type == 7) {
			if (len - at < 2) {
				return false;
			}
			value_len = read_u16(p + at);
			at += 2;
			value = p + at;
		}
		if (value_len > len - at) {
			return false;
		}
		at += value_len;
		if (type != 7) {
			continue;
		}
		if (name_is(name, name_len, ":event-type")) {
			message->event_type = (const char *) value;
			message->event_type_len = value_len;
		} else if (name_is(name, name_len, ":message-type")) {
			message->message_type = (const char *) value;
			message->message_type_len = value_len;
		} else if (name_is(name, name_len, ":exception-type")) {
			message->exception_type = (const char *) value;
			message->exception_type_len = value_len;
		}
	}
	return true;
}

/* One whole message of total bytes at p (its prelude already checked). */
static void deliver(spectra_event_stream_decoder *decoder, const unsigned char *p, uint32_t total)
{
	uint32_t expected = read_u32(p + total - CRC_BYTES);
	if ((uint32_t) crc32(0, p, total - CRC_BYTES) != expected) {
		decoder->bad_messages++;
		return;
	}
	uint32_t headers_len = read_u32(p + 4);
	spectra_event_stream_message message = { 0 };
	if (!read_headers(p + PRELUDE_BYTES, headers_len, &message)) {
		decoder->framing_lost = true;
		return;
	}
	message.payload = (const char *) p + PRELUDE_BYTES + headers_len;
	message.payload_len = total - PRELUDE_BYTES - headers_len - CRC_BYTES;
	decoder->messages++;
	if (!decoder->handler(decoder->context, &message)) {
		decoder->stopped = true;
	}
}

/* The prelude at p: the message's total length, or 0 when it cannot be trusted. */
static uint32_t check_prelude(const unsigned char *p)
{
	uint32_t total = read_u32(p);
	uint32_t headers_len = read_u32(p + 4);
	if ((uint32_t) crc32(0, p, 8) != read_u32(p + 8)) {
		return 0;
	}
	if (total < SPECTRA_EVENT_STREAM_MIN_MESSAGE || total > SPECTRA_EVENT_STREAM_MAX_MESSAGE
		|| headers_len > total - SPECTRA_EVENT_STREAM_MIN_MESSAGE) {
		return 0;
	}
	return total;
}

bool spectra_event_stream_feed(spectra_event_stream_decoder *decoder, const void *bytes, size_t len)
{
	const unsigned char *in = bytes;
	while (len > 0 && !decoder->stopped && !decoder->failed && !decoder->framing_lost) {
		spectra_buf *pending = &decoder->pending;
		/* first the prelude, then the rest of the message it announces */
		size_t want = PRELUDE_BYTES;
		if (pending->len >= PRELUDE_BYTES) {
			want = read_u32((const unsigned char *) pending->data);
		}
		size_t take = want - pending->len < len ? want - pending->len : len;
		if (pending->len == 0 && len >= PRELUDE_BYTES) {
			/* fast path: a whole message in this chunk is decoded in place */
			uint32_t total = check_prelude(in);
			if (total == 0) {
				decoder->framing_lost = true;
				break;
			}
			if (len >= total) {
				deliver(decoder, in, total);
				in += total;
				len -= total;
				continue;
			}
		}
		if (!spectra_buf_append(pending, in, take)) {
			decoder->failed = true;
			break;
		}
		in += take;
		len -= take;
		if (pending->len == PRELUDE_BYTES && want == PRELUDE_BYTES) {
			if (check_prelude((const unsigned char *) pending->data) == 0) {
				decoder->framing_lost = true;
			}
			continue;
		}
		if (pending->len >= PRELUDE_BYTES && pending->len == read_u32((const unsigned char *) pending->data)) {
			deliver(decoder, (const unsigned char *) pending->data, (uint32_t) pending->len);
			pending->len = 0;
		}
	}
	return !decoder->stopped && !decoder->failed && !decoder->framing_lost;
}

bool spectra_event_stream_finish(spectra_event_stream_decoder *decoder)
{
	bool clean = decoder->pending.len == 0 && !decoder->framing_lost;
	decoder->pending.len = 0;
	return clean;
}
