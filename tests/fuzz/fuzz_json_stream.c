/* src/stream/json_stream: cuts Ollama's and Gemini's streams into JSON values. Besides
 * crashes, it checks that the input whole, byte by byte and split at points taken from the
 * input give the same values and the same end verdict, and that no value is empty or
 * starts or ends with whitespace. */
#include "fuzz.h"

#include "stream/json_stream.h"

static bool render(void *context, const char *value, size_t len)
{
	FUZZ_ASSERT(len > 0 && len <= SPECTRA_JSON_STREAM_MAX_VALUE);
	FUZZ_ASSERT(value[0] != ' ' && value[0] != '\n' && value[len - 1] != ' ' && value[len - 1] != '\n');
	spectra_buf *out = context;
	spectra_buf_appendf(out, "%zu:", len);
	spectra_buf_append(out, value, len);
	return true;
}

typedef struct {
	spectra_buf out;
	bool clean;
	size_t oversized;
} outcome;

static outcome run(const uint8_t *data, size_t size, const uint8_t *cuts, size_t cut_count)
{
	outcome result = { 0 };
	spectra_buf_init(&result.out);
	spectra_json_stream stream;
	spectra_json_stream_init(&stream, render, &result.out);
	size_t at = 0, turn = 0;
	while (at < size) {
		size_t chunk = fuzz_next_chunk(cuts, cut_count, &turn, 16, size - at);
		spectra_json_stream_feed(&stream, (const char *) data + at, chunk);
		at += chunk;
	}
	result.clean = spectra_json_stream_finish(&stream);
	result.oversized = stream.oversized_values;
	spectra_json_stream_free(&stream);
	return result;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t one[] = { 0 };
	outcome runs[3] = { run(data, size, NULL, 0), run(data, size, one, 1), run(data, size, data, size ? size : 1) };
	for (int i = 1; i < 3; i++) {
		FUZZ_ASSERT(runs[i].out.len == runs[0].out.len
			&& (runs[0].out.len == 0 || memcmp(runs[i].out.data, runs[0].out.data, runs[0].out.len) == 0));
		FUZZ_ASSERT(runs[i].clean == runs[0].clean && runs[i].oversized == runs[0].oversized);
	}
	for (int i = 0; i < 3; i++) {
		spectra_buf_free(&runs[i].out);
	}
	return 0;
}
