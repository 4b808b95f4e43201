/* The AWS event-stream decoder (src/stream/event_stream.c). Messages are framed here by a
 * small encoder (CRCs from zlib's crc32(), as the decoder's), with the headers Bedrock sends (:event-type, :content-type, :message-type), then
 * decoded whole, byte by byte and in odd chunks; corrupted CRCs and lengths are reported,
 * never trusted. */
#include "stream/event_stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"

static void put_u32(spectra_buf *out, uint32_t v)
{
	unsigned char b[4] = { (unsigned char) (v >> 24), (unsigned char) (v >> 16), (unsigned char) (v >> 8),
		(unsigned char) v };
	spectra_buf_append(out, b, 4);
}

static void string_header(spectra_buf *headers, const char *name, const char *value)
{
	unsigned char name_len = (unsigned char) strlen(name);
	spectra_buf_append(headers, &name_len, 1);
	spectra_buf_append_str(headers, name);
	unsigned char type = 7;
	spectra_buf_append(headers, &type, 1);
	unsigned char len[2] = { (unsigned char) (strlen(value) >> 8), (unsigned char) strlen(value) };
	spectra_buf_append(headers, len, 2);
	spectra_buf_append_str(headers, value);
}

/* One message with Bedrock's three headers (plus a few of other types) and a payload. */
static void frame(spectra_buf *out, const char *event_type, const char *payload, bool with_other_types)
{
	spectra_buf headers;
	spectra_buf_init(&headers);
	string_header(&headers, ":event-type", event_type);
	string_header(&headers, ":content-type", "application/json");
	string_header(&headers, ":message-type", "event");
	if (with_other_types) {
		/* bool true, int 7, bytes of 3, timestamp, uuid */
		spectra_buf_append(&headers,
			"\x01"
			"a\x00",
			3);
		spectra_buf_append(&headers,
			"\x01"
			"b\x04\x00\x00\x00\x07",
			7);
		spectra_buf_append(&headers,
			"\x01"
			"c\x06\x00\x03xyz",
			8);
		spectra_buf_append(&headers,
			"\x01"
			"d\x08\x00\x00\x01\x8f\x00\x00\x00\x00",
			11);
		spectra_buf_append(&headers,
			"\x01"
			"e\x09"
			"0123456789abcdef",
			19);
	}
	size_t start = out->len;
	uint32_t total = (uint32_t) (12 + headers.len + strlen(payload) + 4);
	put_u32(out, total);
	put_u32(out, (uint32_t) headers.len);
	put_u32(out, (uint32_t) crc32(0, (const unsigned char *) out->data + start, 8));
	spectra_buf_append(out, headers.data, headers.len);
	spectra_buf_append_str(out, payload);
	put_u32(out, (uint32_t) crc32(0, (const unsigned char *) out->data + start, total - 4));
	spectra_buf_free(&headers);
}

typedef struct {
	spectra_buf seen;
	int count;
} collected;

static bool collect(void *context, const spectra_event_stream_message *message)
{
	collected *c = context;
	spectra_buf_append(&c->seen, message->event_type, message->event_type_len);
	spectra_buf_append_char(&c->seen, '=');
	spectra_buf_append(&c->seen, message->payload, message->payload_len);
	spectra_buf_append(&c->seen, message->message_type, message->message_type_len);
	spectra_buf_append_char(&c->seen, ';');
	c->count++;
	return true;
}

/* Decodes in chunks of chunk bytes (0 = whole); fills c and returns the decoder's end state. */
static void decode(const spectra_buf *in, size_t chunk, collected *c, spectra_event_stream_decoder *out_state)
{
	spectra_buf_init(&c->seen);
	c->count = 0;
	spectra_event_stream_decoder decoder;
	spectra_event_stream_init(&decoder, collect, c);
	size_t step = chunk ? chunk : (in->len ? in->len : 1);
	for (size_t i = 0; i < in->len; i += step) {
		spectra_event_stream_feed(&decoder, in->data + i, in->len - i < step ? in->len - i : step);
	}
	spectra_buf_append_char(&c->seen, '\0');
	*out_state = decoder;
	out_state->pending.len = decoder.pending.len; /* finish() below reads it */
}

static void test_bedrock_stream(void)
{
	spectra_buf stream;
	spectra_buf_init(&stream);
	frame(&stream, "messageStart", "{\"role\":\"assistant\"}", false);
	frame(&stream, "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}", true);
	frame(&stream, "messageStop", "{\"stopReason\":\"end_turn\"}", false);
	frame(&stream, "metadata",
		"{\"usage\":{\"inputTokens\":25,\"outputTokens\":9,\"totalTokens\":34},\"metrics\":{\"latencyMs\":420}}",
		false);
	const char *expected = "messageStart={\"role\":\"assistant\"}event;"
						   "contentBlockDelta={\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}event;"
						   "messageStop={\"stopReason\":\"end_turn\"}event;"
						   "metadata={\"usage\":{\"inputTokens\":25,\"outputTokens\":9,\"totalTokens\":34},"
						   "\"metrics\":{\"latencyMs\":420}}event;";
	static const size_t chunks[] = { 0, 1, 2, 5, 11, 12, 13, 64 };
	for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		collected c;
		spectra_event_stream_decoder state;
		decode(&stream, chunks[i], &c, &state);
		if (!CHECK(strcmp(c.seen.data, expected) == 0 && c.count == 4)) {
			fprintf(stderr, "     chunk %zu: %s\n", chunks[i], c.seen.data);
		}
		CHECK(state.bad_messages == 0 && !state.framing_lost && spectra_event_stream_finish(&state));
		spectra_event_stream_free(&state);
		spectra_buf_free(&c.seen);
	}

	/* a flipped payload byte: that message is skipped and counted, the next ones decode */
	spectra_buf bad;
	spectra_buf_init(&bad);
	spectra_buf_append(&bad, stream.data, stream.len);
	bad.data[40] ^= 0x20; /* inside the first message (its headers) */
	collected c;
	spectra_event_stream_decoder state;
	decode(&bad, 3, &c, &state);
	CHECK(state.bad_messages == 1 && c.count == 3 && !state.framing_lost);
	spectra_event_stream_free(&state);
	spectra_buf_free(&c.seen);

	/* a flipped length byte: the prelude CRC fails and decoding stops there */
	memcpy(bad.data, stream.data, stream.len);
	bad.data[2] ^= 0x01;
	decode(&bad, 0, &c, &state);
	CHECK(state.framing_lost && c.count == 0);
	CHECK(!spectra_event_stream_finish(&state));
	spectra_event_stream_free(&state);
	spectra_buf_free(&c.seen);

	/* cut short: the messages before the cut decode, finish() says the end was not clean */
	spectra_buf cut = { bad.data, 0, 0 };
	memcpy(bad.data, stream.data, stream.len);
	cut.len = stream.len - 7;
	decode(&cut, 0, &c, &state);
	CHECK(c.count == 3 && !spectra_event_stream_finish(&state));
	spectra_event_stream_free(&state);
	spectra_buf_free(&c.seen);
	spectra_buf_free(&bad);
	spectra_buf_free(&stream);
}

static void test_bad_framing(void)
{
	/* a prelude with a valid CRC but impossible lengths */
	static const uint32_t cases[][2] = { { 8, 0 }, { 15, 0 }, { SPECTRA_EVENT_STREAM_MAX_MESSAGE + 1, 0 },
		{ 100, 90 } };
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		spectra_buf in;
		spectra_buf_init(&in);
		put_u32(&in, cases[i][0]);
		put_u32(&in, cases[i][1]);
		put_u32(&in, (uint32_t) crc32(0, (const unsigned char *) in.data, 8));
		spectra_buf_append(&in, "0123456789012345678901234567890123456789", 40);
		collected c;
		spectra_event_stream_decoder state;
		decode(&in, 1, &c, &state);
		CHECK(state.framing_lost && c.count == 0);
		spectra_event_stream_free(&state);
		spectra_buf_free(&c.seen);
		spectra_buf_free(&in);
	}
	/* a header block that runs past its end (good CRCs): framing lost, nothing delivered */
	spectra_buf in;
	spectra_buf_init(&in);
	const char headers[] = "\x05:abcd\x07\x00\x40xyz"; /* a string of 64 bytes announced, 3 given */
	size_t headers_len = sizeof headers - 1;
	uint32_t total = (uint32_t) (12 + headers_len + 4);
	put_u32(&in, total);
	put_u32(&in, (uint32_t) headers_len);
	put_u32(&in, (uint32_t) crc32(0, (const unsigned char *) in.data, 8));
	spectra_buf_append(&in, headers, headers_len);
	put_u32(&in, (uint32_t) crc32(0, (const unsigned char *) in.data, total - 4));
	collected c;
	spectra_event_stream_decoder state;
	decode(&in, 0, &c, &state);
	CHECK(state.framing_lost && c.count == 0);
	spectra_event_stream_free(&state);
	spectra_buf_free(&c.seen);
	spectra_buf_free(&in);
}

int main(void)
{
	test_bedrock_stream();
	test_bad_framing();
	printf("%d passed, %d failed (AWS event stream)\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
