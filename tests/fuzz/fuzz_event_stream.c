/* src/stream/event_stream: the AWS event-stream decoder reads Bedrock's binary stream.
 * Besides crashes, it checks that the input whole, byte by byte and split at points taken
 * from the input give the same messages and the same verdicts (bad CRCs, lost framing).
 * The seeds are framed messages, so mutations reach the header and payload code. */
#include "fuzz.h"

#include "stream/event_stream.h"

static bool render(void *context, const spectra_event_stream_message *message)
{
	spectra_buf *out = context;
	FUZZ_ASSERT(message->payload_len <= SPECTRA_EVENT_STREAM_MAX_MESSAGE);
	spectra_buf_appendf(out, "%zu:", message->event_type_len);
	spectra_buf_append(out, message->event_type, message->event_type_len);
	spectra_buf_appendf(out, "%zu:", message->payload_len);
	spectra_buf_append(out, message->payload, message->payload_len);
	return true;
}

typedef struct {
	spectra_buf out;
	size_t messages, bad;
	bool lost, clean;
} outcome;

static outcome run(const uint8_t *data, size_t size, const uint8_t *cuts, size_t cut_count)
{
	outcome result = { 0 };
	spectra_buf_init(&result.out);
	spectra_event_stream_decoder decoder;
	spectra_event_stream_init(&decoder, render, &result.out);
	size_t at = 0, turn = 0;
	while (at < size) {
		size_t chunk = fuzz_next_chunk(cuts, cut_count, &turn, 32, size - at);
		spectra_event_stream_feed(&decoder, data + at, chunk);
		at += chunk;
	}
	result.messages = decoder.messages;
	result.bad = decoder.bad_messages;
	result.lost = decoder.framing_lost;
	result.clean = spectra_event_stream_finish(&decoder);
	spectra_event_stream_free(&decoder);
	return result;
}

static void check_same(const outcome *a, const outcome *b)
{
	FUZZ_ASSERT(a->out.len == b->out.len && (a->out.len == 0 || memcmp(a->out.data, b->out.data, a->out.len) == 0));
	FUZZ_ASSERT(a->messages == b->messages && a->bad == b->bad && a->lost == b->lost && a->clean == b->clean);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	outcome whole = run(data, size, NULL, 0);
	static const uint8_t one[] = { 0 };
	outcome bytewise = run(data, size, one, 1);
	outcome split = run(data, size, data, size ? size : 1);
	check_same(&whole, &bytewise);
	check_same(&whole, &split);
	spectra_buf_free(&whole.out);
	spectra_buf_free(&bytewise.out);
	spectra_buf_free(&split.out);
	return 0;
}
