#include "json_stream.h"

#include <string.h>

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void spectra_json_stream_init(spectra_json_stream *stream, spectra_json_stream_handler handler, void *context)
{
	memset(stream, 0, sizeof *stream);
	stream->handler = handler;
	stream->context = context;
	spectra_buf_init(&stream->value);
}

void spectra_json_stream_free(spectra_json_stream *stream)
{
	spectra_buf_free(&stream->value);
}

static void keep(spectra_json_stream *stream, const char *bytes, size_t len)
{
	if (stream->oversized || len == 0) {
		return;
	}
	if (stream->value.len + len > SPECTRA_JSON_STREAM_MAX_VALUE) {
		stream->oversized = true;
		stream->value.len = 0;
		return;
	}
	if (!spectra_buf_append(&stream->value, bytes, len)) {
		stream->failed = true;
	}
}

/* Hands over the value received so far (whitespace around it trimmed) and starts the next. */
static void emit(spectra_json_stream *stream)
{
	const char *start = stream->value.data;
	size_t len = stream->value.len;
	bool dropped = stream->oversized;
	stream->value.len = 0;
	stream->oversized = false;
	stream->in_string = false;
	stream->escaped = false;
	if (dropped) {
		stream->oversized_values++;
		return;
	}
	while (len && is_space(*start)) {
		start++;
		len--;
	}
	while (len && is_space(start[len - 1])) {
		len--;
	}
	if (len == 0) {
		return;
	}
	stream->values++;
	if (!stream->handler(stream->context, start, len)) {
		stream->stopped = true;
	}
}

static void feed_lines(spectra_json_stream *stream, const char *bytes, size_t len)
{
	size_t i = 0;
	while (i < len && !stream->stopped && !stream->failed) {
		const char *newline = memchr(bytes + i, '\n', len - i);
		size_t end = newline ? (size_t) (newline - bytes) : len;
		keep(stream, bytes + i, end - i);
		i = end;
		if (newline) {
			emit(stream);
			i++;
		}
	}
}

/* Follows strings and escapes in a value of the array form; true when c closes the value. */
static bool array_byte(spectra_json_stream *stream, char c)
{
	if (stream->in_string) {
		if (stream->escaped) {
			stream->escaped = false;
		} else if (c == '\\') {
			stream->escaped = true;
		} else if (c == '"') {
			stream->in_string = false;
			return stream->depth == 0; /* a string element ends with its quote */
		}
		return false;
	}
	if (c == '"') {
		stream->in_string = true;
	} else if (c == '{' || c == '[') {
		stream->depth++;
	} else if (c == '}' || c == ']') {
		if (stream->depth > 0 && --stream->depth == 0) {
			return true;
		}
	}
	return false;
}

static void feed_array(spectra_json_stream *stream, const char *bytes, size_t len)
{
	for (size_t i = 0; i < len && !stream->stopped && !stream->failed; i++) {
		char c = bytes[i];
		bool in_value = stream->value.len > 0 || stream->oversized;
		if (stream->array_closed) {
			continue; /* after the closing bracket: nothing more to hand over */
		}
		if (!in_value) {
			if (is_space(c) || c == ',') {
				continue;
			}
			if (c == ']') {
				stream->array_closed = true;
				continue;
			}
		} else if (stream->depth == 0 && !stream->in_string && (c == ',' || c == ']' || is_space(c))) {
			/* the end of a number, true, false or null element */
			emit(stream);
			stream->array_closed = c == ']';
			continue;
		}
		/* a run of bytes inside the value, up to the next one that may matter */
		size_t run = i + 1;
		bool closed = array_byte(stream, c);
		while (!closed && run < len && bytes[run] != '"' && bytes[run] != '\\' && bytes[run] != '{' && bytes[run] != '}'
			&& bytes[run] != '[' && bytes[run] != ']'
			&& !(stream->depth == 0 && !stream->in_string && (bytes[run] == ',' || is_space(bytes[run])))) {
			stream->escaped = false; /* any byte after a backslash ends the escape */
			run++;
		}
		keep(stream, bytes + i, run - i);
		if (closed) {
			emit(stream);
		}
		i = run - 1;
	}
}

bool spectra_json_stream_feed(spectra_json_stream *stream, const char *bytes, size_t len)
{
	if (stream->stopped || stream->failed) {
		return false;
	}
	size_t i = 0;
	while (stream->form == SPECTRA_JSON_STREAM_UNKNOWN && i < len) {
		if (is_space(bytes[i])) {
			i++;
		} else if (bytes[i] == '[') {
			stream->form = SPECTRA_JSON_STREAM_ARRAY;
			i++;
		} else {
			stream->form = SPECTRA_JSON_STREAM_LINES;
		}
	}
	if (stream->form == SPECTRA_JSON_STREAM_LINES) {
		feed_lines(stream, bytes + i, len - i);
	} else if (stream->form == SPECTRA_JSON_STREAM_ARRAY) {
		feed_array(stream, bytes + i, len - i);
	}
	return !stream->stopped && !stream->failed;
}

bool spectra_json_stream_finish(spectra_json_stream *stream)
{
	if (stream->form == SPECTRA_JSON_STREAM_LINES) {
		if (!stream->stopped && !stream->failed) {
			emit(stream); /* a last line without its LF */
		}
		return !stream->failed;
	}
	if (stream->form == SPECTRA_JSON_STREAM_ARRAY) {
		bool clean = stream->array_closed && stream->value.len == 0 && !stream->oversized;
		stream->value.len = 0;
		return clean;
	}
	return true; /* nothing but whitespace */
}
