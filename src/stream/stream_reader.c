#include "stream_reader.h"

#include <string.h>

static bool on_sse_event(void *context, const spectra_sse_event *event)
{
	spectra_stream_reader *reader = context;
	spectra_stream_usage_event(&reader->usage, event->type, event->type_len, event->data, event->data_len);
	return true;
}

static bool on_json_value(void *context, const char *value, size_t len)
{
	spectra_stream_reader *reader = context;
	spectra_stream_usage_event(&reader->usage, NULL, 0, value, len);
	return true;
}

static bool on_event_stream_message(void *context, const spectra_event_stream_message *message)
{
	spectra_stream_reader *reader = context;
	if (message->message_type && message->message_type_len == 9 && memcmp(message->message_type, "exception", 9) == 0) {
		/* a modelStreamErrorException, throttlingException...: the stream failed */
		if (!reader->usage.error_type && message->exception_type) {
			size_t len = message->exception_type_len;
			reader->usage.error_type = spectra_strndup(message->exception_type,
				len < SPECTRA_MAX_STRING_BYTES ? len : SPECTRA_MAX_STRING_BYTES);
		}
		reader->usage.events++;
		return true;
	}
	spectra_stream_usage_event(&reader->usage, message->event_type, message->event_type_len, message->payload,
		message->payload_len);
	return true;
}

void spectra_stream_reader_init(spectra_stream_reader *reader)
{
	memset(reader, 0, sizeof *reader);
	spectra_stream_usage_init(&reader->usage);
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void choose_framing(spectra_stream_reader *reader, unsigned char first)
{
	if (first == 0x00) {
		reader->framing = SPECTRA_STREAM_FRAMING_EVENT_STREAM;
		spectra_event_stream_init(&reader->parser.events, on_event_stream_message, reader);
	} else if (first == '{' || first == '[') {
		reader->framing = SPECTRA_STREAM_FRAMING_JSON;
		spectra_json_stream_init(&reader->parser.json, on_json_value, reader);
	} else {
		reader->framing = SPECTRA_STREAM_FRAMING_SSE;
		spectra_sse_init(&reader->parser.sse, on_sse_event, reader);
	}
}

void spectra_stream_reader_feed(spectra_stream_reader *reader, const char *bytes, size_t len)
{
	if (reader->finished || len == 0) {
		return;
	}
	reader->bytes += len;
	if (reader->framing == SPECTRA_STREAM_FRAMING_UNKNOWN) {
		/* whitespace before the first event means nothing in any of the three framings */
		size_t skip = 0;
		while (skip < len && is_space((unsigned char) bytes[skip])) {
			skip++;
		}
		if (skip == len) {
			return;
		}
		choose_framing(reader, (unsigned char) bytes[skip]);
		bytes += skip;
		len -= skip;
	}
	switch (reader->framing) {
	case SPECTRA_STREAM_FRAMING_SSE:
		spectra_sse_feed(&reader->parser.sse, bytes, len);
		break;
	case SPECTRA_STREAM_FRAMING_JSON:
		spectra_json_stream_feed(&reader->parser.json, bytes, len);
		break;
	case SPECTRA_STREAM_FRAMING_EVENT_STREAM:
		spectra_event_stream_feed(&reader->parser.events, bytes, len);
		break;
	case SPECTRA_STREAM_FRAMING_UNKNOWN:
		break;
	}
}

void spectra_stream_reader_finish(spectra_stream_reader *reader)
{
	if (reader->finished) {
		return;
	}
	reader->finished = true;
	switch (reader->framing) {
	case SPECTRA_STREAM_FRAMING_SSE:
		reader->ended_cleanly = spectra_sse_finish(&reader->parser.sse);
		reader->dropped_events = reader->parser.sse.oversized_events;
		break;
	case SPECTRA_STREAM_FRAMING_JSON:
		reader->ended_cleanly = spectra_json_stream_finish(&reader->parser.json);
		reader->dropped_events = reader->parser.json.oversized_values;
		break;
	case SPECTRA_STREAM_FRAMING_EVENT_STREAM:
		reader->ended_cleanly = spectra_event_stream_finish(&reader->parser.events);
		reader->dropped_events = reader->parser.events.bad_messages;
		reader->framing_lost = reader->parser.events.framing_lost;
		break;
	case SPECTRA_STREAM_FRAMING_UNKNOWN:
		reader->ended_cleanly = true;
		break;
	}
}

void spectra_stream_reader_free(spectra_stream_reader *reader)
{
	switch (reader->framing) {
	case SPECTRA_STREAM_FRAMING_SSE:
		spectra_sse_free(&reader->parser.sse);
		break;
	case SPECTRA_STREAM_FRAMING_JSON:
		spectra_json_stream_free(&reader->parser.json);
		break;
	case SPECTRA_STREAM_FRAMING_EVENT_STREAM:
		spectra_event_stream_free(&reader->parser.events);
		break;
	case SPECTRA_STREAM_FRAMING_UNKNOWN:
		break;
	}
	reader->framing = SPECTRA_STREAM_FRAMING_UNKNOWN;
	spectra_stream_usage_free(&reader->usage);
}

const char *spectra_stream_framing_name(spectra_stream_framing framing)
{
	switch (framing) {
	case SPECTRA_STREAM_FRAMING_SSE:
		return "sse";
	case SPECTRA_STREAM_FRAMING_JSON:
		return "json";
	case SPECTRA_STREAM_FRAMING_EVENT_STREAM:
		return "event-stream";
	case SPECTRA_STREAM_FRAMING_UNKNOWN:
		break;
	}
	return "none";
}
