/* src/stream/sse: the SSE parser reads bytes from the provider's stream. Besides crashes and
 * sanitizer reports, it checks the property the parser promises: the same events, the same
 * end state and the same retry value whether the stream comes whole, one byte at a time, or
 * split at points taken from the input. */
#include "fuzz.h"

#include "stream/sse.h"

typedef struct {
	spectra_buf out;
} rendering;

static bool render(void *context, const spectra_sse_event *event)
{
	rendering *r = context;
	FUZZ_ASSERT(event->type_len > 0);
	FUZZ_ASSERT(event->data_len <= SPECTRA_SSE_MAX_EVENT_BYTES);
	spectra_buf_appendf(&r->out, "%zu:", event->type_len);
	spectra_buf_append(&r->out, event->type, event->type_len);
	spectra_buf_appendf(&r->out, "%zu:", event->data_len);
	spectra_buf_append(&r->out, event->data, event->data_len);
	spectra_buf_appendf(&r->out, "%zu:", event->last_id_len);
	spectra_buf_append(&r->out, event->last_id, event->last_id_len);
	return true;
}

typedef struct {
	spectra_buf out;
	bool clean;
	int64_t retry;
	size_t oversized;
} outcome;

/* cuts: chunk lengths to use in turn (cycled), or NULL for the whole input */
static outcome run(const uint8_t *data, size_t size, const uint8_t *cuts, size_t cut_count)
{
	rendering r;
	spectra_buf_init(&r.out);
	spectra_sse_parser parser;
	spectra_sse_init(&parser, render, &r);
	size_t at = 0, turn = 0;
	while (at < size) {
		size_t chunk = fuzz_next_chunk(cuts, cut_count, &turn, 16, size - at);
		spectra_sse_feed(&parser, (const char *) data + at, chunk);
		at += chunk;
	}
	outcome result = { r.out, spectra_sse_finish(&parser), parser.retry_ms, parser.oversized_events };
	spectra_sse_free(&parser);
	return result;
}

static void check_same(const outcome *a, const outcome *b)
{
	FUZZ_ASSERT(a->out.len == b->out.len && (a->out.len == 0 || memcmp(a->out.data, b->out.data, a->out.len) == 0));
	FUZZ_ASSERT(a->clean == b->clean);
	FUZZ_ASSERT(a->retry == b->retry);
	FUZZ_ASSERT(a->oversized == b->oversized);
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
