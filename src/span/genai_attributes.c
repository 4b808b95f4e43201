/* The GenAI span's attributes from the record: the GenAI semantic conventions (README "The
 * span") with cost in the spectra.* namespace. The names come from the record-key table
 * (src/record/record_fields.h); which attributes a span gets, and when, is decided here. */
#include "genai_attributes.h"

#include <string.h>

#include "../providers/providers.h"
#include "../record/record_fields.h"

/* A key and its length, as the writers take them */
#define COMPAT_KEY(field) SPECTRA_COMPAT_ATTR(field), SPECTRA_COMPAT_ATTR_LEN(field)

const char *spectra_genai_provider_name(const spectra_record *record)
{
	const spectra_provider_info *info = record->provider_info
		? record->provider_info
		: spectra_provider_find(record->provider, strlen(record->provider));
	return info ? info->genai_name : record->provider;
}

const char *spectra_genai_operation(const spectra_record *record)
{
	if (record->operation) {
		return record->operation;
	}
	if (record->model_type && strcmp(record->model_type, "embedding") == 0) {
		return "embeddings";
	}
	return "chat";
}

const char *spectra_genai_status_message(const spectra_record *record)
{
	if (!record->is_failed) {
		return NULL;
	}
	return record->error_message ? record->error_message : "request failed";
}

void spectra_genai_attributes(const spectra_record *record, const char *operation,
	const spectra_genai_attr_writer *writer, void *context)
{
	spectra_genai_attributes_inline(record, operation, writer, context);
}

void spectra_genai_legacy_attributes(const spectra_record *record, const spectra_genai_attr_writer *writer,
	void *context)
{
	/* Spectra's pre-semconv keys, for dashboards built on the PHP package */
	writer->string(context, COMPAT_KEY(provider), record->provider, false);
	writer->integer(context, COMPAT_KEY(prompt_tokens), record->prompt_tokens);
	writer->integer(context, COMPAT_KEY(completion_tokens), record->completion_tokens);
	writer->integer(context, COMPAT_KEY(total_tokens), spectra_record_total_tokens(record));
	writer->real(context, COMPAT_KEY(total_cost_in_cents), record->total_cost);
	writer->string(context, COMPAT_KEY(id), record->id, false);
	writer->integer(context, COMPAT_KEY(latency_ms), spectra_record_latency_ms_int(record));
	if (record->status_code) {
		writer->integer(context, COMPAT_KEY(status_code), record->status_code);
	}
	if (record->finish_reasons.count) {
		writer->string(context, COMPAT_KEY(finish_reason), record->finish_reasons.items[0], false);
	}
	if (record->reasoning_tokens > 0) {
		writer->integer(context, COMPAT_KEY(reasoning_tokens), record->reasoning_tokens);
	}
}
