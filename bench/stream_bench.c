/* Stream parser throughput on one core, in MB/s of stream bytes, for a typical chat stream
 * (OpenAI chat chunks of a few characters each, usage in the last one; about 230 bytes an
 * event) and the same text in Anthropic's, Ollama's and Bedrock's framing. Rows:
 *   - SSE scan: the SSE parser alone, events handed to a handler that only counts them;
 *   - SSE + usage: the whole stream reader (framing, JSON of every event, usage);
 *   - NDJSON + usage, event-stream + usage: the same for Ollama's and Bedrock's formats.
 * Each row is the median of runs over an 8 MiB stream fed in 4 KiB pieces (a network read's
 * size). Timings are reported, never checked. Target (issue 11): SSE scan >= 500 MB/s.
 *
 *   make -C bench stream      (or: bench/stream_bench [runs] [row label part])  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_time.h"
#include <zlib.h>

#include "stream/sse.h"
#include "stream/stream_reader.h"
#include "util/buf.h"

#define STREAM_BYTES (8u << 20)
#define PIECE 4096

static const char *const words[] = { "The", " sky", " is", " blue", " because", " of", " Rayleigh", " scattering",
	"." };

static void openai_stream(spectra_buf *out)
{
	for (size_t i = 0; out->len < STREAM_BYTES; i++) {
		spectra_buf_appendf(out,
			"data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
			"\"created\":1741569952,\"model\":\"gpt-4o-2024-08-06\",\"system_fingerprint\":\"fp_f9f4fb6dbf\","
			"\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n",
			words[i % 9]);
	}
	spectra_buf_append_str(out,
		"data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
		"\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29}}\n\n"
		"data: [DONE]\n\n");
}

static void ollama_stream(spectra_buf *out)
{
	for (size_t i = 0; out->len < STREAM_BYTES; i++) {
		spectra_buf_appendf(out,
			"{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"message\":{\"role\":"
			"\"assistant\",\"content\":\"%s\"},\"done\":false}\n",
			words[i % 9]);
	}
	spectra_buf_append_str(out,
		"{\"model\":\"llama3.2\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
		"\"done_reason\":\"stop\",\"prompt_eval_count\":26,\"eval_count\":282}\n");
}

static void put_u32(spectra_buf *out, uint32_t value)
{
	unsigned char bytes[4] = { (unsigned char) (value >> 24), (unsigned char) (value >> 16),
		(unsigned char) (value >> 8), (unsigned char) value };
	spectra_buf_append(out, bytes, 4);
}

static void bedrock_frame(spectra_buf *out, const char *event_type, const char *payload)
{
	spectra_buf headers;
	spectra_buf_init(&headers);
	const char *names[2] = { ":event-type", ":message-type" };
	const char *values[2] = { event_type, "event" };
	for (int i = 0; i < 2; i++) {
		spectra_buf_append_char(&headers, (char) strlen(names[i]));
		spectra_buf_append_str(&headers, names[i]);
		spectra_buf_append_char(&headers, 7);
		spectra_buf_append_char(&headers, (char) (strlen(values[i]) >> 8));
		spectra_buf_append_char(&headers, (char) strlen(values[i]));
		spectra_buf_append_str(&headers, values[i]);
	}
	size_t start = out->len;
	put_u32(out, (uint32_t) (16 + headers.len + strlen(payload)));
	put_u32(out, (uint32_t) headers.len);
	put_u32(out, (uint32_t) crc32(0, (const Bytef *) out->data + start, 8));
	spectra_buf_append(out, headers.data, headers.len);
	spectra_buf_append_str(out, payload);
	put_u32(out, (uint32_t) crc32(0, (const Bytef *) out->data + start, (uInt) (out->len - start)));
	spectra_buf_free(&headers);
}

static void bedrock_stream(spectra_buf *out)
{
	char payload[256];
	for (size_t i = 0; out->len < STREAM_BYTES; i++) {
		snprintf(payload, sizeof payload,
			"{\"contentBlockIndex\":0,\"delta\":{\"text\":\"%s\"},\"p\":\"abcdefghijkl\"}", words[i % 9]);
		bedrock_frame(out, "contentBlockDelta", payload);
	}
	bedrock_frame(out, "metadata", "{\"usage\":{\"inputTokens\":40,\"outputTokens\":12,\"totalTokens\":52}}");
}

static bool count_event(void *context, const spectra_sse_event *event)
{
	(void) event;
	(*(size_t *) context)++;
	return true;
}

static size_t scan_sse(const spectra_buf *stream)
{
	size_t events = 0;
	spectra_sse_parser parser;
	spectra_sse_init(&parser, count_event, &events);
	for (size_t at = 0; at < stream->len; at += PIECE) {
		spectra_sse_feed(&parser, stream->data + at, stream->len - at < PIECE ? stream->len - at : PIECE);
	}
	spectra_sse_finish(&parser);
	spectra_sse_free(&parser);
	return events;
}

static size_t read_stream(const spectra_buf *stream)
{
	spectra_stream_reader reader;
	spectra_stream_reader_init(&reader);
	for (size_t at = 0; at < stream->len; at += PIECE) {
		spectra_stream_reader_feed(&reader, stream->data + at, stream->len - at < PIECE ? stream->len - at : PIECE);
	}
	spectra_stream_reader_finish(&reader);
	size_t events = reader.usage.usage_seen ? reader.usage.events : 0; /* 0 = the usage was missed */
	spectra_stream_reader_free(&reader);
	return events;
}

static const char *only; /* argv[2]: run only the rows whose label contains it */

static void row(const char *label, size_t (*run)(const spectra_buf *), const spectra_buf *stream, int runs)
{
	if (only && !strstr(label, only)) {
		return;
	}
	double samples[64];
	size_t events = 0;
	for (int r = 0; r < runs; r++) {
		uint64_t start = now_ns();
		events = run(stream);
		samples[r] = (double) stream->len / ((double) (now_ns() - start) / 1e9) / 1e6;
	}
	qsort(samples, (size_t) runs, sizeof samples[0], compare_doubles);
	printf("%-24s %8.1f MB/s  (%zu events, %.0f bytes each; min %.1f, max %.1f)\n", label, samples[runs / 2], events,
		events ? (double) stream->len / (double) events : 0.0, samples[0], samples[runs - 1]);
	if (events == 0) {
		printf("  ^ the reader did not find the stream's usage: the row measured nothing\n");
		exit(1);
	}
}

int main(int argc, char **argv)
{
	int runs = argc > 1 ? atoi(argv[1]) : 15;
	runs = runs < 1 ? 1 : runs > 64 ? 64 : runs;
	only = argc > 2 ? argv[2] : NULL;
	spectra_buf openai, ollama, bedrock;
	spectra_buf_init(&openai);
	spectra_buf_init(&ollama);
	spectra_buf_init(&bedrock);
	openai_stream(&openai);
	ollama_stream(&ollama);
	bedrock_stream(&bedrock);
	printf("stream parsers, one core, 8 MiB streams in 4 KiB pieces, median of %d runs\n", runs);
	row("SSE scan", scan_sse, &openai, runs);
	row("SSE + usage (OpenAI)", read_stream, &openai, runs);
	row("NDJSON + usage (Ollama)", read_stream, &ollama, runs);
	row("event-stream + usage", read_stream, &bedrock, runs);
	spectra_buf_free(&openai);
	spectra_buf_free(&ollama);
	spectra_buf_free(&bedrock);
	return 0;
}
