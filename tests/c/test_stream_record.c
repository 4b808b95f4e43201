/* A stream's usage written into its record (src/stream/stream_record.c): reported usage
 * as it is, the estimate when there is none, the finish reason of a stream that did not run
 * to its end, an error event as a failure. */
#include "record/record.h"
#include "stream/stream_record.h"
#include "stream/stream_usage.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static const char *const chat_chunk =
	"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-2024-08-06\","
	"\"choices\":[{\"index\":0,\"delta\":{\"content\":\"abcdefghij\"},\"finish_reason\":null}]}";

static void feed(spectra_stream_usage *usage, const char *json)
{
	spectra_stream_usage_event(usage, NULL, 0, json, strlen(json));
}

static void test_reported_usage(void)
{
	spectra_stream_usage usage;
	spectra_stream_usage_init(&usage);
	feed(&usage, chat_chunk);
	feed(&usage,
		"{\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":20,"
		"\"total_tokens\":50,\"completion_tokens_details\":{\"reasoning_tokens\":8}}}");
	spectra_record *record = spectra_record_new();
	spectra_record_set(record, &record->model, "gpt-4o");
	spectra_stream_record(record, &usage, SPECTRA_STREAM_ENDED);
	CHECK(record->usage_seen && !record->usage_estimated && record->is_streaming);
	CHECK(record->prompt_tokens == 30 && record->completion_tokens == 20 && record->reasoning_tokens == 8);
	CHECK(record->is_reasoning && !record->is_failed && record->finish_reasons.count == 0);
	CHECK_STR(record->response_id, "chatcmpl-1");
	CHECK_STR(record->snapshot, "gpt-4o-2024-08-06");
	spectra_record_free(record);
	spectra_stream_usage_free(&usage);
}

static void test_estimate_and_endings(void)
{
	spectra_stream_usage usage;
	spectra_stream_usage_init(&usage);
	feed(&usage, chat_chunk); /* 10 characters, no usage */
	spectra_record *record = spectra_record_new();
	spectra_record_set(record, &record->model, "gpt-4o-2024-08-06");
	spectra_stream_record(record, &usage, SPECTRA_STREAM_STOPPED);
	CHECK(!record->usage_seen && record->usage_estimated && record->completion_tokens == 3); /* ceil(10 / 4) */
	CHECK(record->prompt_tokens == 0 && !record->snapshot); /* the answering model is the requested one */
	CHECK(record->finish_reasons.count == 1);
	CHECK_STR(record->finish_reasons.items[0], SPECTRA_FINISH_STREAM_STOPPED);
	spectra_record_free(record);

	record = spectra_record_new();
	spectra_stream_record(record, &usage, SPECTRA_STREAM_UNFINISHED);
	CHECK(record->finish_reasons.count == 1);
	CHECK_STR(record->finish_reasons.items[0], SPECTRA_FINISH_STREAM_UNFINISHED);
	spectra_record_free(record);

	/* usage given by the caller (setUsage) before the stream ended is not replaced by an estimate */
	record = spectra_record_new();
	record->usage_seen = true;
	record->completion_tokens = 99;
	spectra_stream_record(record, &usage, SPECTRA_STREAM_ENDED);
	CHECK(record->completion_tokens == 99 && !record->usage_estimated);
	spectra_record_free(record);
	spectra_stream_usage_free(&usage);
}

static void test_error_event(void)
{
	spectra_stream_usage usage;
	spectra_stream_usage_init(&usage);
	feed(&usage,
		"{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude-haiku-4-5-20251001\",\"usage\":"
		"{\"input_tokens\":12,\"output_tokens\":1}}}");
	feed(&usage, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
	spectra_record *record = spectra_record_new();
	spectra_stream_record(record, &usage, SPECTRA_STREAM_ENDED);
	CHECK(record->is_failed && record->prompt_tokens == 12 && record->usage_seen);
	CHECK_STR(record->error_type, "overloaded_error");
	spectra_record_free(record);

	/* when the source threw, the failure comes from its exception, not from the stream */
	record = spectra_record_new();
	spectra_stream_record(record, &usage, SPECTRA_STREAM_FAILED);
	CHECK(!record->is_failed && !record->error_type);
	spectra_record_free(record);
	spectra_stream_usage_free(&usage);
}

int main(void)
{
	test_reported_usage();
	test_estimate_and_endings();
	test_error_event();
	printf("%d passed, %d failed (stream record)\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
