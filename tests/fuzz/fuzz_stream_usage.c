/* src/stream/stream_usage: reads the JSON of streamed events (provider bytes). The input is
 * a stream of SSE text: each event goes to the reader with its event name, as in
 * production. Checks the reader's invariants: counts are -1 or in range, at most the
 * limits' number of finish reasons and tool types, usage_seen whenever a count was set. */
#include "fuzz.h"

#include "stream/sse.h"
#include "stream/stream_usage.h"

static bool to_usage(void *context, const spectra_sse_event *event)
{
	spectra_stream_usage_event(context, event->type, event->type_len, event->data, event->data_len);
	return true;
}

static void check_count(int64_t count)
{
	FUZZ_ASSERT(count >= -1 && count <= INT64_C(18000000000000000));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	spectra_stream_usage usage;
	spectra_stream_usage_init(&usage);
	spectra_sse_parser parser;
	spectra_sse_init(&parser, to_usage, &usage);
	spectra_sse_feed(&parser, (const char *) data, size);
	spectra_sse_feed(&parser, "\n\n", 2); /* the last event too */
	spectra_sse_finish(&parser);
	spectra_sse_free(&parser);
	check_count(usage.input_tokens);
	check_count(usage.output_tokens);
	check_count(usage.cached_tokens);
	check_count(usage.cache_write_tokens);
	check_count(usage.reasoning_tokens);
	FUZZ_ASSERT(usage.finish_reason_count <= SPECTRA_MAX_FINISH_REASONS);
	FUZZ_ASSERT(usage.tool_type_count <= SPECTRA_MAX_TOOL_CALL_TYPES);
	FUZZ_ASSERT(usage.bad_events <= usage.events);
	if (usage.input_tokens >= 0 || usage.output_tokens >= 0) {
		FUZZ_ASSERT(usage.usage_seen);
	}
	spectra_stream_usage_free(&usage);
	return 0;
}
