/* A span job: the finished record plus C-side extras, captured on the request thread and
 * turned into a span on whichever thread encodes it. */
#include "span_job.h"

#include <stdlib.h>
#include <string.h>

#include "native_builder.h"

/* The context attributes of a job that lives in its record go there too while it has room:
 * freeing the job then frees nothing for them (on the sender thread, memory another thread
 * allocated, which costs far more than a bump in the record's space). */
static void *take_from_record(void *record, size_t size, size_t align)
{
	return spectra_record_alloc_in_space(record, size, align);
}

spectra_span_job *spectra_span_job_new(spectra_record *record, bool owns_record, bool legacy_attributes)
{
	/* a job that owns its record lives in the record's space while it has room: the sender
	 * then frees one block for both (memory another thread allocated: a costly free) */
	spectra_span_job *job = owns_record && record
		? spectra_record_alloc(record, sizeof(*job), _Alignof(spectra_span_job))
		: malloc(sizeof(*job));
	if (!job) {
		if (owns_record) {
			spectra_record_free(record);
		}
		return NULL;
	}
	memset(job, 0, sizeof(*job));
	spectra_attr_list_init(&job->context_attrs);
	job->record = record;
	job->owns_record = owns_record;
	job->legacy_attributes = legacy_attributes;
	if (spectra_span_job_lives_in_record(job)) {
		spectra_attr_list_take_from(&job->context_attrs, take_from_record, record);
	}
	return job;
}

spectra_span_job *spectra_span_job_for_span(spectra_span *span)
{
	spectra_span_job *job = calloc(1, sizeof(*job));
	if (!job) {
		spectra_span_free(span);
		return NULL;
	}
	spectra_attr_list_init(&job->context_attrs);
	job->prebuilt = span;
	return job;
}

spectra_span *spectra_span_job_build(spectra_span_job *job)
{
	if (job->prebuilt) {
		spectra_span *span = job->prebuilt;
		job->prebuilt = NULL;
		return span;
	}
	return job->record ? spectra_span_build_genai(job->record, &job->context_attrs, job->legacy_attributes) : NULL;
}

spectra_span *spectra_span_job_build_borrowing(spectra_span_job *job, spectra_span *reuse)
{
	if (job->prebuilt || !job->record) {
		return spectra_span_job_build(job);
	}
	spectra_span_clear_borrowing(reuse);
	spectra_span_build_genai_into(reuse, job->record, &job->context_attrs, job->legacy_attributes);
	return reuse;
}

void spectra_span_job_free(spectra_span_job *job)
{
	if (!job) {
		return;
	}
	spectra_record *owned = job->owns_record ? job->record : NULL;
	bool in_record = spectra_span_job_lives_in_record(job);
	spectra_attr_list_free(&job->context_attrs);
	spectra_span_free(job->prebuilt);
	if (!in_record) {
		free(job);
	}
	spectra_record_free(owned); /* last: it may hold the job */
}

bool spectra_span_job_lives_in_record(const spectra_span_job *job)
{
	return job->owns_record && job->record && spectra_record_holds(job->record, job);
}
