#include "stream_record.h"

#include <string.h>

static void copy_count(int64_t from, int64_t *to)
{
	if (from >= 0) {
		*to = from;
	}
}

static void record_usage(spectra_record *record, const spectra_stream_usage *usage)
{
	if (usage->usage_seen) {
		copy_count(usage->input_tokens, &record->prompt_tokens);
		copy_count(usage->output_tokens, &record->completion_tokens);
		copy_count(usage->cached_tokens, &record->cached_tokens);
		copy_count(usage->cache_write_tokens, &record->cache_write_tokens);
		copy_count(usage->reasoning_tokens, &record->reasoning_tokens);
		record->usage_seen = true;
		if (usage->billed_cost_usd >= 0) {
			record->billed_cost_usd = usage->billed_cost_usd;
		}
		if (usage->reasoning_tokens > 0) {
			record->is_reasoning = true;
		}
		return;
	}
	if (!record->usage_seen) {
		record->completion_tokens = spectra_stream_usage_estimated_output(usage);
		record->usage_estimated = true;
	}
}

void spectra_stream_record(spectra_record *record, const spectra_stream_usage *usage, spectra_stream_end how)
{
	record->is_streaming = true;
	record_usage(record, usage);
	if (usage->response_id && !record->response_id) {
		spectra_record_set(record, &record->response_id, usage->response_id);
	}
	if (usage->model && !record->snapshot && (!record->model || strcmp(usage->model, record->model) != 0)) {
		spectra_record_set(record, &record->snapshot, usage->model);
	}
	for (size_t i = 0; i < usage->finish_reason_count; i++) {
		if (usage->finish_reasons[i]) {
			spectra_record_add_finish_reason(record, usage->finish_reasons[i], strlen(usage->finish_reasons[i]));
		}
	}
	for (size_t i = 0; i < usage->tool_type_count; i++) {
		spectra_record_count_tool_call(record, usage->tools[i].type, strlen(usage->tools[i].type),
			usage->tools[i].count);
	}
	if (how == SPECTRA_STREAM_STOPPED) {
		spectra_record_add_finish_reason(record, SPECTRA_FINISH_STREAM_STOPPED, strlen(SPECTRA_FINISH_STREAM_STOPPED));
	} else if (how == SPECTRA_STREAM_UNFINISHED) {
		spectra_record_add_finish_reason(record, SPECTRA_FINISH_STREAM_UNFINISHED,
			strlen(SPECTRA_FINISH_STREAM_UNFINISHED));
	}
	if (usage->error_type && how != SPECTRA_STREAM_FAILED) {
		/* an error event inside a stream that was answered 200 (Anthropic's overloaded_error,
		 * Bedrock's throttlingException): the call failed */
		record->is_failed = true;
		spectra_record_set(record, &record->error_type, usage->error_type);
	}
}
