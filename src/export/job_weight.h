/* What a span job weighs against the sender queue's byte cap: the heap memory it holds
 * while it waits (its record's strings, its attributes, a prebuilt span), so the cap bounds
 * memory whatever the size of each span. Plain C. */
#ifndef SPECTRA_EXPORT_JOB_WEIGHT_H
#define SPECTRA_EXPORT_JOB_WEIGHT_H

#include <stddef.h>

#include "../span/span_job.h"

/* Bytes held by the job, each allocation counted with a malloc header; never 0. */
size_t spectra_span_job_weight(const spectra_span_job *job);

#endif
