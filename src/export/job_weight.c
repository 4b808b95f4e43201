#include "job_weight.h"

#include <string.h>

#include "../record/limits.h"

/* glibc's chunk header and alignment, about; an estimate that errs on the heavy side */
#define ALLOCATION_OVERHEAD 16u

static size_t block(size_t bytes)
{
	return bytes + ALLOCATION_OVERHEAD;
}

/* What a block weighs unless space (a record, or NULL) holds it: a record's strings and
 * lists, and a job's context attributes, may live in the record's space, which is counted
 * with the record. */
static size_t held_block(const spectra_record *space, const void *block_start, size_t bytes)
{
	return space && spectra_record_holds(space, block_start) ? 0 : block(bytes);
}

static size_t held_string(const spectra_record *space, const char *text)
{
	return text ? held_block(space, text, strlen(text) + 1) : 0;
}

static size_t list_weight(const spectra_record *record, const spectra_string_list *list)
{
	size_t bytes = list->capacity ? held_block(record, list->items, list->capacity * sizeof(char *)) : 0;
	for (size_t i = 0; i < list->count; i++) {
		bytes += held_string(record, list->items[i]);
	}
	return bytes;
}

static size_t attrs_weight(const spectra_attr_list *list, const spectra_record *space)
{
	size_t bytes = list->cap ? held_block(space, list->items, list->cap * sizeof(spectra_attr)) : 0;
	if (list->index_size) {
		bytes += block(list->index_size * sizeof(uint32_t));
	}
	for (size_t i = 0; i < list->count; i++) {
		const spectra_attr *attr = &list->items[i];
		bytes += held_string(space, attr->key);
		if (attr->type == SPECTRA_ATTR_STRING) {
			bytes += held_string(space, attr->value.str);
		} else if (attr->type == SPECTRA_ATTR_STRING_ARRAY) {
			bytes += held_block(space, attr->value.strings.items, attr->value.strings.count * sizeof(char *));
			for (size_t j = 0; j < attr->value.strings.count; j++) {
				bytes += held_string(space, attr->value.strings.items[j]);
			}
		}
	}
	return bytes;
}

static size_t span_weight(const spectra_span *span)
{
	size_t bytes = block(sizeof *span) + held_string(NULL, span->name) + held_string(NULL, span->trace_state)
		+ held_string(NULL, span->status_message) + attrs_weight(&span->attrs, NULL);
	if (span->event_count) {
		bytes += block(span->event_count * sizeof(spectra_span_event));
	}
	for (size_t i = 0; i < span->event_count; i++) {
		bytes += held_string(NULL, span->events[i].name) + attrs_weight(&span->events[i].attrs, NULL);
	}
	return bytes;
}

static size_t record_weight(const spectra_record *record)
{
	const char *const strings[] = { record->trace_state, record->provider, record->model, record->snapshot,
		record->response_id, record->model_type, record->operation, record->endpoint, record->server_address,
		record->pricing_tier, record->error_type, record->error_message, record->reasoning_effort,
		record->trackable_type, record->trackable_id, record->conversation_id, record->system_instructions,
		record->input_messages, record->output_messages };
	size_t bytes = block(sizeof *record + record->string_space_size);
	for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
		bytes += held_string(record, strings[i]);
	}
	bytes += list_weight(record, &record->finish_reasons);
	bytes += list_weight(record, &record->request_stop_sequences);
	bytes += list_weight(record, &record->request_encoding_formats);
	if (record->tool_calls) {
		bytes += held_block(record, record->tool_calls,
			spectra_record_list_capacity(record->tool_call_kinds, SPECTRA_MAX_TOOL_CALL_TYPES)
				* sizeof(spectra_tool_count));
	}
	for (size_t i = 0; i < record->tool_call_kinds; i++) {
		bytes += held_string(record, record->tool_calls[i].name);
	}
	return bytes;
}

size_t spectra_span_job_weight(const spectra_span_job *job)
{
	if (!job) {
		return 1;
	}
	/* a job in its record's space weighs nothing beyond the record's block */
	bool in_record = spectra_span_job_lives_in_record(job);
	size_t bytes =
		(in_record ? 0 : block(sizeof *job)) + attrs_weight(&job->context_attrs, in_record ? job->record : NULL);
	if (job->record && job->owns_record) {
		bytes += record_weight(job->record);
	}
	if (job->prebuilt) {
		bytes += span_weight(job->prebuilt);
	}
	return bytes;
}
