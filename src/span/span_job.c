/* A span job: the finished record plus C-side extras, captured on the request thread and
 * turned into a span on whichever thread encodes it. */
#include "span_job.h"

#include <stdlib.h>

#include "native_builder.h"

spectra_span_job *spectra_span_job_new(spectra_record *record, bool owns_record, bool legacy_attributes)
{
	spectra_span_job *job = calloc(1, sizeof(*job));
	if (!job) {
		if (owns_record) {
			spectra_record_free(record);
		}
		return NULL;
	}
	spectra_attr_list_init(&job->context_attrs);
	job->record = record;
	job->owns_record = owns_record;
	job->legacy_attributes = legacy_attributes;
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
	if (job->owns_record) {
		spectra_record_free(job->record);
	}
	spectra_attr_list_free(&job->context_attrs);
	spectra_span_free(job->prebuilt);
	free(job);
}
