/* Streamed responses read through src/stream/stream_reader.c, from the fixtures in
 * tests/fixtures/streams (written from each provider's documented stream format; the
 * expected values are in manifest.json). Each stream is read whole, one byte at a time and
 * in 1 000 runs cut at random points: every reading must give the same result, and that
 * result must be the manifest's. Bedrock's binary event-stream fixtures are JSON lists of
 * messages, framed here (CRCs by zlib) so the fixture stays readable. */
#include "stream/stream_reader.h"
#include "util/buf.h"
#include "util/json_reader.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "check.h"
#include "read_file.h"

#define FIXTURES "../fixtures/streams/"

/* ---- framing Bedrock's messages --------------------------------------------------------- */

static void put_u32(spectra_buf *out, uint32_t value)
{
	unsigned char bytes[4] = { (unsigned char) (value >> 24), (unsigned char) (value >> 16),
		(unsigned char) (value >> 8), (unsigned char) value };
	spectra_buf_append(out, (const char *) bytes, 4);
}

static void put_string_header(spectra_buf *headers, const char *name, const char *value)
{
	unsigned char name_len = (unsigned char) strlen(name);
	spectra_buf_append(headers, (const char *) &name_len, 1);
	spectra_buf_append(headers, name, name_len);
	unsigned char type_and_len[3] = { 7, (unsigned char) (strlen(value) >> 8), (unsigned char) strlen(value) };
	spectra_buf_append(headers, (const char *) type_and_len, 3);
	spectra_buf_append(headers, value, strlen(value));
}

static void base64(spectra_buf *out, const unsigned char *in, size_t len)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	for (size_t i = 0; i < len; i += 3) {
		uint32_t group =
			(uint32_t) in[i] << 16 | (i + 1 < len ? (uint32_t) in[i + 1] << 8 : 0) | (i + 2 < len ? in[i + 2] : 0);
		char quad[4] = { digits[group >> 18], digits[(group >> 12) & 63], i + 1 < len ? digits[(group >> 6) & 63] : '=',
			i + 2 < len ? digits[group & 63] : '=' };
		spectra_buf_append(out, quad, 4);
	}
}

static char *string_member(const spectra_json_value *object, const char *key)
{
	const spectra_json_value *value = spectra_json_object_get(object, key);
	return value && value->type == SPECTRA_JSON_STRING ? value->as.string.chars : NULL;
}

/* One message per list item: "event-type" + "payload", "event-type" + "bytes-of" (the payload
 * is {"bytes": base64 of that JSON}), or "message-type": "exception" + "exception-type". */
static char *frame_messages(const char *json, size_t json_len, size_t *out_len)
{
	spectra_json_value list;
	if (!spectra_json_parse(json, json_len, &list, NULL) || list.type != SPECTRA_JSON_ARRAY) {
		return NULL;
	}
	spectra_buf out;
	spectra_buf_init(&out);
	for (size_t i = 0; i < list.as.array.count; i++) {
		const spectra_json_value *item = &list.as.array.items[i];
		spectra_buf headers, payload;
		spectra_buf_init(&headers);
		spectra_buf_init(&payload);
		const char *exception = string_member(item, "exception-type");
		if (exception) {
			put_string_header(&headers, ":message-type", "exception");
			put_string_header(&headers, ":exception-type", exception);
		} else {
			put_string_header(&headers, ":event-type", string_member(item, "event-type"));
			put_string_header(&headers, ":content-type", "application/json");
			put_string_header(&headers, ":message-type", "event");
		}
		const spectra_json_value *inner = spectra_json_object_get(item, "bytes-of");
		if (inner) {
			spectra_buf_append(&payload, "{\"bytes\":\"", 10);
			base64(&payload, (const unsigned char *) json + inner->start, inner->end - inner->start);
			spectra_buf_append(&payload, "\"}", 2);
		} else {
			const spectra_json_value *body = spectra_json_object_get(item, "payload");
			spectra_buf_append(&payload, json + body->start, body->end - body->start);
		}
		uint32_t total = (uint32_t) (16 + headers.len + payload.len);
		size_t message_start = out.len;
		put_u32(&out, total);
		put_u32(&out, (uint32_t) headers.len);
		put_u32(&out, (uint32_t) crc32(0, (const Bytef *) out.data + message_start, 8));
		spectra_buf_append(&out, headers.data, headers.len);
		spectra_buf_append(&out, payload.data, payload.len);
		put_u32(&out, (uint32_t) crc32(0, (const Bytef *) out.data + message_start, (uInt) (out.len - message_start)));
		spectra_buf_free(&headers);
		spectra_buf_free(&payload);
	}
	spectra_json_free(&list);
	*out_len = out.len;
	return out.data;
}

/* ---- reading, and what a reading gave --------------------------------------------------- */

/* Everything the reader found, as one line, so readings can be compared whole. */
static void summarize(spectra_stream_reader *reader, char *out, size_t size)
{
	const spectra_stream_usage *u = &reader->usage;
	int used = snprintf(out, size,
		"framing=%s seen=%d in=%" PRId64 " out=%" PRId64 " cached=%" PRId64 " write=%" PRId64 " reasoning=%" PRId64
		" id=%s model=%s error=%s chars=%" PRId64 " events=%zu bad=%zu completed=%d clean=%d finish=",
		spectra_stream_framing_name(reader->framing), u->usage_seen, u->input_tokens, u->output_tokens,
		u->cached_tokens, u->cache_write_tokens, u->reasoning_tokens, u->response_id ? u->response_id : "-",
		u->model ? u->model : "-", u->error_type ? u->error_type : "-", u->output_chars, u->events, u->bad_events,
		u->completed, reader->ended_cleanly);
	for (size_t i = 0; i < u->finish_reason_count && used > 0 && (size_t) used < size; i++) {
		used += snprintf(out + used, size - (size_t) used, "%s,", u->finish_reasons[i] ? u->finish_reasons[i] : "-");
	}
	for (size_t i = 0; i < u->tool_type_count && used > 0 && (size_t) used < size; i++) {
		used += snprintf(out + used, size - (size_t) used, " tool:%s=%" PRId64, u->tools[i].type, u->tools[i].count);
	}
}

static uint64_t random_state = 0x9E3779B97F4A7C15u;

static uint64_t next_random(void)
{
	/* xorshift64*: a fixed sequence, the same on every run */
	random_state ^= random_state >> 12;
	random_state ^= random_state << 25;
	random_state ^= random_state >> 27;
	return random_state * 2685821657736338717u;
}

/* Reads bytes cut into pieces: piece 0 = whole, 1 = one byte at a time, -1 = random cuts. */
static void read_in_pieces(spectra_stream_reader *reader, const char *bytes, size_t len, int piece)
{
	spectra_stream_reader_init(reader);
	size_t at = 0;
	while (at < len) {
		size_t step = piece == 0 ? len : piece == 1 ? 1 : 1 + (size_t) (next_random() % 97);
		step = step > len - at ? len - at : step;
		spectra_stream_reader_feed(reader, bytes + at, step);
		at += step;
	}
	spectra_stream_reader_finish(reader);
}

static int64_t expected_count(const spectra_json_value *expect, const char *key)
{
	const spectra_json_value *value = spectra_json_object_get(expect, key);
	return value && value->type == SPECTRA_JSON_NUMBER ? value->as.number.integer : -1;
}

static void check_expectations(const char *file, const spectra_stream_reader *reader, const spectra_json_value *expect)
{
	const spectra_stream_usage *u = &reader->usage;
	const spectra_json_value *seen = spectra_json_object_get(expect, "usage_seen");
	bool usage_expected = !(seen && seen->type == SPECTRA_JSON_BOOL && !seen->as.boolean);
	bool ok = u->usage_seen == usage_expected;
	if (usage_expected) {
		ok = ok && u->input_tokens == expected_count(expect, "input")
			&& u->output_tokens == expected_count(expect, "output")
			&& u->cached_tokens == expected_count(expect, "cached")
			&& u->cache_write_tokens == expected_count(expect, "cache_write")
			&& u->reasoning_tokens == expected_count(expect, "reasoning");
	} else {
		ok = ok && spectra_stream_usage_estimated_output(u) == expected_count(expect, "estimated_output");
	}
	const char *id = string_member(expect, "id"), *model = string_member(expect, "model");
	const char *error = string_member(expect, "error");
	ok = ok && (id ? u->response_id && strcmp(id, u->response_id) == 0 : !u->response_id);
	ok = ok && (model ? u->model && strcmp(model, u->model) == 0 : !u->model);
	ok = ok && (error ? u->error_type && strcmp(error, u->error_type) == 0 : !u->error_type);
	ok = ok && u->output_chars == expected_count(expect, "output_chars");
	ok = ok && (int64_t) u->events == expected_count(expect, "events") && u->bad_events == 0;
	const spectra_json_value *completed = spectra_json_object_get(expect, "completed");
	ok = ok && completed && u->completed == completed->as.boolean;
	const spectra_json_value *finish = spectra_json_object_get(expect, "finish");
	ok = ok && finish && finish->as.array.count == u->finish_reason_count;
	for (size_t i = 0; ok && i < u->finish_reason_count; i++) {
		ok = u->finish_reasons[i] && strcmp(u->finish_reasons[i], finish->as.array.items[i].as.string.chars) == 0;
	}
	const spectra_json_value *tools = spectra_json_object_get(expect, "tools");
	ok = ok && tools && tools->as.object.count == u->tool_type_count;
	for (size_t i = 0; ok && i < u->tool_type_count; i++) {
		const spectra_json_value *count = spectra_json_object_get(tools, u->tools[i].type);
		ok = count && count->as.number.integer == u->tools[i].count;
	}
	if (!check(ok, file, __LINE__)) {
		char line[2048];
		summarize((spectra_stream_reader *) reader, line, sizeof line);
		fprintf(stderr, "     got %s\n", line);
	}
}

static void test_fixture(const spectra_json_value *entry)
{
	const char *file = string_member(entry, "file");
	const char *framing = string_member(entry, "framing");
	char path[512];
	snprintf(path, sizeof path, FIXTURES "%s", file);
	size_t len = 0;
	char *bytes = read_whole_file(path, &len);
	if (!CHECK(bytes != NULL)) {
		return;
	}
	if (strcmp(framing, "event-stream") == 0) {
		size_t framed_len = 0;
		char *framed = frame_messages(bytes, len, &framed_len);
		free(bytes);
		bytes = framed;
		len = framed_len;
		if (!CHECK(bytes != NULL)) {
			return;
		}
	}
	spectra_stream_reader whole;
	read_in_pieces(&whole, bytes, len, 0);
	CHECK_STR(spectra_stream_framing_name(whole.framing), framing);
	CHECK(whole.ended_cleanly && whole.dropped_events == 0 && !whole.framing_lost);
	check_expectations(file, &whole, spectra_json_object_get(entry, "expect"));
	char expected[2048], got[2048];
	summarize(&whole, expected, sizeof expected);

	spectra_stream_reader reader;
	read_in_pieces(&reader, bytes, len, 1);
	summarize(&reader, got, sizeof got);
	CHECK_STR(got, expected);
	spectra_stream_reader_free(&reader);

	int same = 0;
	for (int run = 0; run < 1000; run++) {
		read_in_pieces(&reader, bytes, len, -1);
		summarize(&reader, got, sizeof got);
		same += strcmp(got, expected) == 0;
		spectra_stream_reader_free(&reader);
	}
	if (!CHECK(same == 1000)) {
		fprintf(stderr, "     %s: %d of 1000 random cuttings matched\n", file, same);
	}
	spectra_stream_reader_free(&whole);
	free(bytes);
}

/* Leading whitespace, garbage and truncation: told apart, counted, never fatal. */
static void test_odd_streams(void)
{
	spectra_stream_reader reader;
	read_in_pieces(&reader, "\r\n \n", 4, 1);
	CHECK(reader.framing == SPECTRA_STREAM_FRAMING_UNKNOWN && reader.ended_cleanly && reader.usage.events == 0);
	spectra_stream_reader_free(&reader);

	/* a truncated event: the data line never got its closing blank line */
	const char *cut = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: {\"choi";
	read_in_pieces(&reader, cut, strlen(cut), 0);
	CHECK(reader.usage.events == 1 && reader.usage.output_chars == 2 && !reader.ended_cleanly);
	spectra_stream_reader_free(&reader);

	/* invalid JSON in a data line is counted */
	const char *bad = "data: {\"choices\": [}\n\ndata: not json either\n\n";
	read_in_pieces(&reader, bad, strlen(bad), 0);
	CHECK(reader.usage.events == 2 && reader.usage.bad_events == 2 && !reader.usage.usage_seen);
	spectra_stream_reader_free(&reader);

	/* binary garbage that starts like an event-stream prelude loses the framing, stops */
	const char garbage[] = { 0, 0, 0, 40, 0, 0, 0, 5, 1, 2, 3, 4, 'x', 'y', 'z' };
	read_in_pieces(&reader, garbage, sizeof garbage, 1);
	CHECK(reader.framing == SPECTRA_STREAM_FRAMING_EVENT_STREAM && reader.framing_lost);
	spectra_stream_reader_free(&reader);

	/* a Bedrock chunk whose bytes are not base64 is a bad event */
	spectra_stream_usage usage;
	spectra_stream_usage_init(&usage);
	const char *chunk = "{\"bytes\":\"not base64!\"}";
	spectra_stream_usage_event(&usage, "chunk", 5, chunk, strlen(chunk));
	CHECK(usage.bad_events == 1 && usage.events == 1);
	spectra_stream_usage_free(&usage);

	/* after finish, more bytes are ignored */
	read_in_pieces(&reader, "data: [DONE]\n\n", 14, 0);
	spectra_stream_reader_feed(&reader, "data: {}\n\n", 10);
	CHECK(reader.usage.events == 1 && reader.usage.completed);
	spectra_stream_reader_free(&reader);
}

int main(void)
{
	size_t len = 0;
	char *manifest_text = read_whole_file(FIXTURES "manifest.json", &len);
	spectra_json_value manifest;
	if (!manifest_text || !spectra_json_parse(manifest_text, len, &manifest, NULL)) {
		fprintf(stderr, "cannot read " FIXTURES "manifest.json\n");
		return 1;
	}
	const spectra_json_value *streams = spectra_json_object_get(&manifest, "streams");
	for (size_t i = 0; streams && i < streams->as.array.count; i++) {
		test_fixture(&streams->as.array.items[i]);
	}
	CHECK(streams && streams->as.array.count >= 15);
	test_odd_streams();
	spectra_json_free(&manifest);
	free(manifest_text);
	printf("%d passed, %d failed (stream reader)\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
