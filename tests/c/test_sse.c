/* The SSE parser (src/stream/sse.c) against the WHATWG standard's examples and rules, and
 * the property the streaming issue asks for: fed one byte at a time, or split anywhere, it
 * gives exactly the events it gives for the whole stream. */
#include "stream/sse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Events rendered as "type|data|id;" for comparison. */
typedef struct {
	spectra_buf out;
	size_t stop_after; /* 0 = never */
	size_t seen;
} recorder;

static bool record_event(void *context, const spectra_sse_event *event)
{
	recorder *r = context;
	spectra_buf_append(&r->out, event->type, event->type_len);
	spectra_buf_append_char(&r->out, '|');
	spectra_buf_append(&r->out, event->data, event->data_len);
	spectra_buf_append_char(&r->out, '|');
	spectra_buf_append(&r->out, event->last_id, event->last_id_len);
	spectra_buf_append_char(&r->out, ';');
	r->seen++;
	return r->stop_after == 0 || r->seen < r->stop_after;
}

/* Parses text in chunks of chunk bytes (0 = whole); returns the rendered events, malloc'd. */
static char *parse(const char *text, size_t len, size_t chunk, bool *clean_end, int64_t *retry)
{
	recorder r = { 0 };
	spectra_buf_init(&r.out);
	spectra_sse_parser parser;
	spectra_sse_init(&parser, record_event, &r);
	if (chunk == 0) {
		chunk = len ? len : 1;
	}
	for (size_t i = 0; i < len; i += chunk) {
		spectra_sse_feed(&parser, text + i, len - i < chunk ? len - i : chunk);
	}
	bool clean = spectra_sse_finish(&parser);
	if (clean_end) {
		*clean_end = clean;
	}
	if (retry) {
		*retry = parser.retry_ms;
	}
	spectra_sse_free(&parser);
	spectra_buf_append_char(&r.out, '\0');
	return r.out.data;
}

/* Whole, byte by byte and in chunks of 2, 3 and 7: all give `expected`. */
static void expect_events(const char *text, size_t len, const char *expected, int line)
{
	static const size_t chunks[] = { 0, 1, 2, 3, 7 };
	for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
		char *got = parse(text, len, chunks[c], NULL, NULL);
		if (!check(strcmp(got, expected) == 0, "events", line)) {
			fprintf(stderr, "     chunk %zu: got \"%s\"\n     expected \"%s\"\n", chunks[c], got, expected);
		}
		free(got);
	}
}
#define EXPECT(text, expected) expect_events((text), sizeof(text) - 1, (expected), __LINE__)

static void test_standard_examples(void)
{
	/* the standard's stock-ticker example: data lines joined with LF */
	EXPECT("data: YHOO\ndata: +2\ndata: 10\n\n", "message|YHOO\n+2\n10|;");
	/* comments, ids, "id" alone resets the last id, only one space after the colon is removed */
	EXPECT(": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n",
		"message|first event|1;message|second event|;message| third event|;");
	/* empty data, a lone newline, and an unterminated last block (discarded) */
	EXPECT("data\n\ndata\ndata\n\ndata:", "message||;message|\n|;");
	/* with and without the space */
	EXPECT("data:test\n\ndata: test\n\n", "message|test|;message|test|;");
}

static void test_fields(void)
{
	/* event names the type, for that event only */
	EXPECT("event: message_start\ndata: {}\n\ndata: x\n\n", "message_start|{}|;message|x|;");
	/* an empty event field means "message" */
	EXPECT("event:\ndata: a\n\n", "message|a|;");
	/* unknown fields and a field without a colon are ignored */
	EXPECT("foo: bar\nbaz\ndata: a\n\n", "message|a|;");
	/* a block without data dispatches nothing, and does not leak its type to the next */
	EXPECT("event: ping\n\ndata: a\n\n", "message|a|;");
	/* the last id persists across events */
	EXPECT("id: 7\ndata: a\n\ndata: b\n\n", "message|a|7;message|b|7;");
	/* an id holding a NUL is ignored */
	EXPECT("id: 1\n\nid: 2\0x\ndata: a\n\n", "message|a|1;");
	/* colons in the value stay */
	EXPECT("data: a: b:c\n\n", "message|a: b:c|;");
	/* OpenAI-style stream */
	EXPECT("data: {\"choices\":[]}\n\ndata: [DONE]\n\n", "message|{\"choices\":[]}|;message|[DONE]|;");

	int64_t retry;
	char *events = parse("retry: 3000\n\n", 13, 0, NULL, &retry);
	CHECK(retry == 3000);
	free(events);
	events = parse("retry: 30x\nretry: -1\nretry:\n\n", 29, 0, NULL, &retry);
	CHECK(retry == -1); /* only digits count */
	free(events);
	events = parse("retry: 99999999999999999999999\n\n", 32, 1, NULL, &retry);
	CHECK(retry == INT64_MAX); /* saturated, not wrapped */
	free(events);
}

static void test_line_ends_and_bom(void)
{
	EXPECT("data: a\r\n\r\ndata: b\r\rdata: c\n\n", "message|a|;message|b|;message|c|;");
	EXPECT("data: a\rdata: b\r\r", "message|a\nb|;");
	/* a CRLF is one line end: "a\r" then "\n" in the next chunk must not end an extra line */
	EXPECT("data: a\r\ndata: b\r\n\r\n", "message|a\nb|;");
	/* a leading BOM is dropped, once */
	EXPECT("\xEF\xBB\xBF"
		   "data: a\n\n",
		"message|a|;");
	EXPECT("\xEF\xBB\xBF\xEF\xBB\xBF"
		   "data: a\n\n",
		"");
	/* bytes that only start like a BOM are line bytes */
	EXPECT("\xEF\xBB"
		   "data: a\n\ndata: b\n\n",
		"message|b|;");
	EXPECT("\xEF"
		   ": x\ndata: a\n\n",
		"message|a|;");
	/* invalid UTF-8 passes through as bytes (decoding is the reader's business) */
	EXPECT("data: \xff\xfe\xc0z\n\n", "message|\xff\xfe\xc0z|;");
}

static void test_finish(void)
{
	bool clean;
	char *events = parse("data: a\n\n", 9, 1, &clean, NULL);
	CHECK(clean);
	free(events);
	events = parse("data: a\n", 8, 1, &clean, NULL);
	CHECK(!clean && strcmp(events, "") == 0); /* an event without its empty line is discarded */
	free(events);
	events = parse("data: a", 7, 0, &clean, NULL);
	CHECK(!clean);
	free(events);
	events = parse("", 0, 0, &clean, NULL);
	CHECK(clean);
	free(events);
}

static void test_oversized_and_stop(void)
{
	size_t big = SPECTRA_SSE_MAX_EVENT_BYTES + 10;
	char *text = malloc(big + 64);
	memcpy(text, "data: ", 6);
	memset(text + 6, 'x', big);
	size_t len = 6 + big;
	memcpy(text + len, "\n\ndata: next\n\n", 14);
	len += 14;
	recorder r = { 0 };
	spectra_buf_init(&r.out);
	spectra_sse_parser parser;
	spectra_sse_init(&parser, record_event, &r);
	for (size_t i = 0; i < len; i += 65536) {
		CHECK(spectra_sse_feed(&parser, text + i, len - i < 65536 ? len - i : 65536));
	}
	CHECK(parser.oversized_events == 1);
	CHECK(parser.events == 1);
	spectra_buf_append_char(&r.out, '\0');
	CHECK(strcmp(r.out.data, "message|next|;") == 0);
	/* the line never held more than the cap; its buffer grows by doubling */
	CHECK(parser.line.cap <= 2 * (size_t) SPECTRA_SSE_MAX_EVENT_BYTES);
	spectra_sse_free(&parser);
	spectra_buf_free(&r.out);
	/* many data lines that add up past the cap: dropped the same way */
	size_t lines = SPECTRA_SSE_MAX_EVENT_BYTES / 1000 + 2;
	spectra_buf many;
	spectra_buf_init(&many);
	char chunk[1008];
	memcpy(chunk, "data: ", 6);
	memset(chunk + 6, 'y', 1000);
	chunk[1006] = '\n';
	for (size_t i = 0; i < lines; i++) {
		spectra_buf_append(&many, chunk, 1007);
	}
	spectra_buf_append(&many, "\ndata: after\n\n", 14);
	char *events = parse(many.data, many.len, 4096, NULL, NULL);
	CHECK(strcmp(events, "message|after|;") == 0);
	free(events);
	spectra_buf_free(&many);
	free(text);

	/* the handler can stop the parse */
	recorder stopper = { .stop_after = 1 };
	spectra_buf_init(&stopper.out);
	spectra_sse_init(&parser, record_event, &stopper);
	CHECK(!spectra_sse_feed(&parser, "data: a\n\ndata: b\n\n", 18));
	CHECK(stopper.seen == 1);
	CHECK(!spectra_sse_feed(&parser, "data: c\n\n", 9));
	CHECK(stopper.seen == 1);
	spectra_sse_free(&parser);
	spectra_buf_free(&stopper.out);
}

/* Random streams from a small alphabet, split at random points: always the same events. */
static void test_any_split(void)
{
	static const char *const pieces[] = { "data", "data:", "data: ", "event: x", "id: 9", "retry: 5", ":c", "\n", "\r",
		"\r\n", "\n\n", "a", " ", "\xEF\xBB\xBF", "\0" };
	unsigned seed = 12345;
	bool all_equal = true;
	for (int round = 0; round < 2000; round++) {
		char text[512];
		size_t len = 0;
		int count = 1 + (int) ((seed = seed * 1103515245u + 12345u) >> 16) % 40;
		for (int i = 0; i < count; i++) {
			const char *piece = pieces[((seed = seed * 1103515245u + 12345u) >> 16) % 15];
			size_t piece_len = piece[0] ? strlen(piece) : 1;
			if (len + piece_len < sizeof text) {
				memcpy(text + len, piece, piece_len);
				len += piece_len;
			}
		}
		char *whole = parse(text, len, 0, NULL, NULL);
		char *bytewise = parse(text, len, 1, NULL, NULL);
		size_t chunk = 1 + ((seed = seed * 1103515245u + 12345u) >> 16) % 9;
		char *chunked = parse(text, len, chunk, NULL, NULL);
		all_equal = all_equal && strcmp(whole, bytewise) == 0 && strcmp(whole, chunked) == 0;
		free(whole);
		free(bytewise);
		free(chunked);
	}
	CHECK(all_equal);
}

int main(void)
{
	test_standard_examples();
	test_fields();
	test_line_ends_and_bom();
	test_finish();
	test_oversized_and_stop();
	test_any_split();
	printf("%d passed, %d failed (SSE)\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
