/* src/stream/stream_reader: a whole streamed response (any framing, told by its first byte)
 * read into usage. Checks that the reading does not depend on how the bytes are cut: whole,
 * and in pieces whose lengths come from the input's first bytes (and, for half the inputs, with
 * the delta skim off, every event read in full), the usage, ids, counts and end state agree;
 * and the usage's own invariants. For a quarter of the inputs both keep the answer's text
 * (content capture) under a bound from the input: the same text, never past the bound. */
#include "fuzz.h"

#include "stream/stream_reader.h"

static void read_stream(spectra_stream_reader *reader, const uint8_t *data, size_t size, const uint8_t *cuts,
	size_t cut_count, bool no_skim, size_t answer_limit)
{
	spectra_stream_reader_init(reader);
	reader->usage.no_skim = no_skim;
	spectra_stream_usage_keep_answer(&reader->usage, answer_limit);
	size_t at = 0, turn = 0;
	while (at < size) {
		size_t chunk = fuzz_next_chunk(cuts, cut_count, &turn, 64, size - at);
		spectra_stream_reader_feed(reader, (const char *) data + at, chunk);
		at += chunk;
	}
	spectra_stream_reader_finish(reader);
}

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t cut_count = size < 4 ? size : 4;
	spectra_stream_reader whole, pieces;
	size_t answer_limit = cut_count > 1 && (data[0] & 6) == 6 ? 1 + (size_t) data[1] * 8 : 0;
	read_stream(&whole, data + cut_count, size - cut_count, NULL, 0, false, answer_limit);
	/* in pieces, and with every event read in full (no delta skim): the same reading */
	read_stream(&pieces, data + cut_count, size - cut_count, data, cut_count, cut_count > 0 && data[0] & 1,
		answer_limit);
	const spectra_stream_usage *a = &whole.usage, *b = &pieces.usage;
	FUZZ_ASSERT(whole.framing == pieces.framing && whole.ended_cleanly == pieces.ended_cleanly);
	FUZZ_ASSERT(whole.dropped_events == pieces.dropped_events && whole.framing_lost == pieces.framing_lost);
	FUZZ_ASSERT(a->input_tokens == b->input_tokens && a->output_tokens == b->output_tokens);
	FUZZ_ASSERT(a->cached_tokens == b->cached_tokens && a->cache_write_tokens == b->cache_write_tokens);
	FUZZ_ASSERT(a->reasoning_tokens == b->reasoning_tokens && a->usage_seen == b->usage_seen);
	FUZZ_ASSERT(a->output_chars == b->output_chars && a->events == b->events && a->bad_events == b->bad_events);
	FUZZ_ASSERT(a->completed == b->completed && a->finish_reason_count == b->finish_reason_count);
	FUZZ_ASSERT(a->tool_type_count == b->tool_type_count);
	FUZZ_ASSERT(same_text(a->response_id, b->response_id) && same_text(a->model, b->model));
	FUZZ_ASSERT(same_text(a->error_type, b->error_type));
	FUZZ_ASSERT(
		a->finish_reason_count <= SPECTRA_MAX_FINISH_REASONS && a->tool_type_count <= SPECTRA_MAX_TOOL_CALL_TYPES);
	FUZZ_ASSERT(a->bad_events <= a->events && a->output_chars >= 0);
	FUZZ_ASSERT(spectra_stream_usage_estimated_output(a) >= 0);
	FUZZ_ASSERT(a->answer.len == b->answer.len && a->answer_cut == b->answer_cut);
	FUZZ_ASSERT(a->answer.len == 0 || memcmp(a->answer.data, b->answer.data, a->answer.len) == 0);
	FUZZ_ASSERT(a->answer.len <= answer_limit);
	spectra_stream_reader_free(&whole);
	spectra_stream_reader_free(&pieces);
	return 0;
}
