/* The JSON value stream (src/stream/json_stream.c): Ollama's newline-delimited stream and
 * Gemini's JSON-array stream, cut into values the same way whatever the chunk size;
 * brackets and commas inside strings, escapes, CRLF, blank lines, oversized values. */
#include "stream/json_stream.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static bool collect(void *context, const char *value, size_t len)
{
	spectra_buf *out = context;
	spectra_buf_append(out, value, len);
	spectra_buf_append_char(out, '\x1e'); /* record separator */
	return true;
}

static char *cut(const char *text, size_t len, size_t chunk, bool *clean)
{
	spectra_buf out;
	spectra_buf_init(&out);
	spectra_json_stream stream;
	spectra_json_stream_init(&stream, collect, &out);
	size_t step = chunk ? chunk : (len ? len : 1);
	for (size_t i = 0; i < len; i += step) {
		spectra_json_stream_feed(&stream, text + i, len - i < step ? len - i : step);
	}
	bool ended = spectra_json_stream_finish(&stream);
	if (clean) {
		*clean = ended;
	}
	spectra_json_stream_free(&stream);
	spectra_buf_append_char(&out, '\0');
	return out.data;
}

static void expect(const char *text, const char *expected, bool expect_clean, int line)
{
	static const size_t chunks[] = { 0, 1, 2, 3, 7, 13 };
	for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
		bool clean;
		char *got = cut(text, strlen(text), chunks[c], &clean);
		if (!check(strcmp(got, expected) == 0 && clean == expect_clean, "values", line)) {
			fprintf(stderr, "     chunk %zu: got \"%s\" clean=%d\n", chunks[c], got, clean);
		}
		free(got);
	}
}
#define EXPECT(text, expected, clean) expect((text), (expected), (clean), __LINE__)

int main(void)
{
	/* Ollama /api/chat stream: one object per line, the last with done: true */
	EXPECT("{\"model\":\"llama3.2\",\"message\":{\"content\":\"Hel\"},\"done\":false}\n"
		   "{\"model\":\"llama3.2\",\"message\":{\"content\":\"lo\"},\"done\":false}\n"
		   "{\"model\":\"llama3.2\",\"done\":true,\"prompt_eval_count\":26,\"eval_count\":2}\n",
		"{\"model\":\"llama3.2\",\"message\":{\"content\":\"Hel\"},\"done\":false}\x1e"
		"{\"model\":\"llama3.2\",\"message\":{\"content\":\"lo\"},\"done\":false}\x1e"
		"{\"model\":\"llama3.2\",\"done\":true,\"prompt_eval_count\":26,\"eval_count\":2}\x1e",
		true);
	/* CRLF, blank lines, a last line without LF */
	EXPECT("{\"a\":1}\r\n\r\n  \n{\"b\":2}", "{\"a\":1}\x1e{\"b\":2}\x1e", true);
	/* Gemini's array stream, with CRLF and commas between elements */
	EXPECT("[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]}}]}\r\n,\r\n"
		   "{\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":2}}\r\n]",
		"{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]}}]}\x1e"
		"{\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":2}}\x1e",
		true);
	/* brackets, braces, commas and escaped quotes inside strings do not count */
	EXPECT("[{\"t\":\"a]b}c,{d\\\"e\\\\\"},{\"u\":\"\\\\\"}]", "{\"t\":\"a]b}c,{d\\\"e\\\\\"}\x1e{\"u\":\"\\\\\"}\x1e",
		true);
	/* scalar elements */
	EXPECT("[1, \"two\", true ,null,{\"x\":[3]}]", "1\x1e\"two\"\x1etrue\x1enull\x1e{\"x\":[3]}\x1e", true);
	/* an array cut short: the complete elements, and an unclean end */
	EXPECT("[{\"a\":1},{\"b\":", "{\"a\":1}\x1e", false);
	EXPECT("[]", "", true);
	EXPECT("   ", "", true);

	/* an oversized element is dropped and counted; the next one is handed over */
	size_t big = SPECTRA_JSON_STREAM_MAX_VALUE + 100;
	char *text = malloc(big + 64);
	memcpy(text, "[{\"s\":\"", 7);
	memset(text + 7, 'x', big);
	size_t len = 7 + big;
	memcpy(text + len, "\"},{\"ok\":1}]", 12);
	len += 12;
	spectra_buf out;
	spectra_buf_init(&out);
	spectra_json_stream stream;
	spectra_json_stream_init(&stream, collect, &out);
	for (size_t i = 0; i < len; i += 100000) {
		spectra_json_stream_feed(&stream, text + i, len - i < 100000 ? len - i : 100000);
	}
	CHECK(spectra_json_stream_finish(&stream));
	CHECK(stream.oversized_values == 1 && stream.values == 1);
	spectra_buf_append_char(&out, '\0');
	CHECK(strcmp(out.data, "{\"ok\":1}\x1e") == 0);
	spectra_json_stream_free(&stream);
	spectra_buf_free(&out);
	free(text);

	printf("%d passed, %d failed (JSON streams)\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
