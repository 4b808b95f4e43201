#include "curl_stream.h"

#include <string.h>

#include "src/stream/sse.h"
#include "src/stream/stream_usage.h"

bool spectra_curl_stream_is_sse(const char *bytes, size_t len)
{
	while (len && (*bytes == '\n' || *bytes == '\r' || *bytes == ' ')) {
		bytes++;
		len--;
	}
	return (len >= 5 && memcmp(bytes, "data:", 5) == 0) || (len >= 6 && memcmp(bytes, "event:", 6) == 0)
		|| (len >= 1 && bytes[0] == ':');
}

static bool on_event(void *context, const spectra_sse_event *event)
{
	bool named = event->type_len && !(event->type_len == 7 && memcmp(event->type, "message", 7) == 0);
	spectra_stream_usage_event(context, named ? event->type : NULL, named ? event->type_len : 0, event->data,
		event->data_len);
	return true;
}

static void set_count(int64_t value, int64_t *field, bool *seen)
{
	if (value >= 0) {
		*field = value;
		*seen = true;
	}
}

void spectra_curl_stream_read(spectra_record *record, const char *bytes, size_t len)
{
	spectra_stream_usage usage;
	spectra_stream_usage_init(&usage);
	spectra_sse_parser parser;
	spectra_sse_init(&parser, on_event, &usage);
	spectra_sse_feed(&parser, bytes, len);
	spectra_sse_finish(&parser);
	spectra_sse_free(&parser);

	bool seen = false;
	set_count(usage.input_tokens, &record->prompt_tokens, &seen);
	set_count(usage.output_tokens, &record->completion_tokens, &seen);
	set_count(usage.cached_tokens, &record->cached_tokens, &seen);
	set_count(usage.cache_write_tokens, &record->cache_write_tokens, &seen);
	set_count(usage.reasoning_tokens, &record->reasoning_tokens, &seen);
	if (seen || usage.usage_seen) {
		record->usage_seen = true;
	}
	if (usage.response_id) {
		spectra_record_set(record, &record->response_id, usage.response_id);
	}
	if (usage.model) {
		if (!record->model || !*record->model) {
			spectra_record_set(record, &record->model, usage.model);
		} else if (strcmp(record->model, usage.model) != 0) {
			spectra_record_set(record, &record->snapshot, usage.model);
		}
	}
	for (size_t i = 0; i < usage.finish_reason_count; i++) {
		spectra_record_add_finish_reason(record, usage.finish_reasons[i], strlen(usage.finish_reasons[i]));
	}
	for (size_t i = 0; i < usage.tool_type_count; i++) {
		spectra_record_count_tool_call(record, usage.tools[i].type, strlen(usage.tools[i].type), usage.tools[i].count);
	}
	if (usage.error_type) {
		record->is_failed = true;
		spectra_record_set(record, &record->error_type, usage.error_type);
	}
	spectra_stream_usage_free(&usage);
}
