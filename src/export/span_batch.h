/* Span jobs handed to the exporter as deferred work: the jobs of one PHP request (or one job
 * in background mode), built into spans and encoded on the sender thread, so the request
 * thread pays for neither. A batch whose request would be over the size limit is split; a
 * span over the limit by itself is dropped alone and reported. Plain C: the delivery glue
 * (src/php/delivery/emit.c) and bench/sender_bench.c submit the same batches. */
#ifndef SPECTRA_EXPORT_SPAN_BATCH_H
#define SPECTRA_EXPORT_SPAN_BATCH_H

#include <stddef.h>

#include "../otlp/otlp.h"
#include "../span/span_job.h"
#include "queue.h"

/* A batch owning jobs (the array and each job, freed by the payload's release); NULL when
 * memory ran out, and then jobs are still the caller's. resource must outlive the batch. */
spectra_deferred_payload *spectra_span_batch_new(spectra_otlp_format format, const spectra_resource *resource,
	spectra_span_job **jobs, size_t count);

/* The bytes a batch of count jobs holds besides the jobs themselves (for the queue's cap). */
size_t spectra_span_batch_overhead(size_t count);

#endif
