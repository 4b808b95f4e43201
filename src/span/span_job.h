/* A span job: what the delivery hands to the sender thread. Either a finished record plus
 * its C-side extras (built into a span there), or a span a PHP builder already made.
 * Plain C: created on the request thread, built and freed on any thread. */
#ifndef SPECTRA_SPAN_SPAN_JOB_H
#define SPECTRA_SPAN_SPAN_JOB_H

#include <stdbool.h>

#include "../record/record.h"
#include "span.h"

typedef struct {
	spectra_record *record;
	bool owns_record;
	spectra_attr_list context_attrs; /* spectra.tags, spectra.metadata.*, spectra.trackable.id */
	bool legacy_attributes;          /* spectra.span_compat */
	spectra_span *prebuilt;
} spectra_span_job;

/* Takes the record (freed with the job when owns_record). NULL on OOM (an owned record is
 * freed then too). Fill context_attrs afterwards: a job in its record's space keeps them
 * there while the space has room (spectra_attr_list_take_from()). */
spectra_span_job *spectra_span_job_new(spectra_record *record, bool owns_record, bool legacy_attributes);
/* Takes the span; NULL on OOM (the span is freed). */
spectra_span_job *spectra_span_job_for_span(spectra_span *span);
/* The job's span (the prebuilt one handed over, or built now); the caller frees it. */
spectra_span *spectra_span_job_build(spectra_span_job *job);
/* The job's span without allocating one: built into reuse (a borrowing span, see
 * spectra_span_init_borrowing(), cleared here), valid while the job is alive and until
 * reuse is cleared again. A prebuilt span is handed over as it is, and is the caller's to
 * free: tell them apart by comparing with reuse. NULL when the job has no span. */
spectra_span *spectra_span_job_build_borrowing(spectra_span_job *job, spectra_span *reuse);
void spectra_span_job_free(spectra_span_job *job);
/* Whether the job is in its record's space (part of the record's allocation). */
bool spectra_span_job_lives_in_record(const spectra_span_job *job);

#endif
