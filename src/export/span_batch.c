#include "span_batch.h"

#include <stdlib.h>

#include "../otlp/record_wire.h"
#include "../util/buf.h"

/* Deferred work for the exporter: the jobs of one request (or one job in background mode),
 * turned into spans and encoded on the sender thread. */
typedef struct {
	spectra_deferred_payload base;
	spectra_otlp_format format;
	const spectra_resource *resource;
	spectra_span_job **jobs;
	size_t count;
} span_batch;

/* Encodes spans into one body and hands it to the sink (nothing for no spans). */
static bool encode_to_sink(span_batch *batch, spectra_span **spans, size_t count, spectra_body_sink *sink)
{
	if (!count) {
		return true;
	}
	spectra_buf body;
	spectra_buf_init(&body);
	if (!spectra_otlp_encode(batch->format, batch->resource, spans, count, &body) || !body.len) {
		spectra_buf_free(&body);
		return false;
	}
	size_t len;
	char *data = spectra_buf_detach(&body, &len);
	sink->add(sink, data, len, count);
	return true;
}

/* The rare batch over max_len: each span is sized alone (its own request, so a group's
 * request is never larger than the sum of its members'); a span over max_len by itself is
 * dropped alone, the others go in groups that fit. */
static bool encode_split(span_batch *batch, spectra_span **spans, size_t count, size_t max_len, spectra_body_sink *sink)
{
	spectra_span **group = calloc(count, sizeof(*group));
	if (!group) {
		return false;
	}
	bool ok = true;
	size_t grouped = 0;
	size_t group_bytes = 0;
	for (size_t i = 0; i < count; i++) {
		spectra_buf alone;
		spectra_buf_init(&alone);
		bool sized = spectra_otlp_encode(batch->format, batch->resource, &spans[i], 1, &alone);
		size_t len = alone.len;
		spectra_buf_free(&alone);
		if (!sized) {
			ok = false;
			continue;
		}
		if (len > max_len) {
			sink->oversized(sink, len);
			continue;
		}
		if (grouped && len > max_len - group_bytes) {
			ok &= encode_to_sink(batch, group, grouped, sink);
			grouped = 0;
			group_bytes = 0;
		}
		group[grouped++] = spans[i];
		group_bytes += len;
	}
	ok &= encode_to_sink(batch, group, grouped, sink);
	free(group);
	return ok;
}

/* The span source of the common case: each job's span is built when the encoder asks for
 * it and released once written, so a batch never holds all its spans at once. Protobuf
 * takes one span at a time, so every span is built into the same borrowing span (no
 * allocation per span, nothing copied from the record); JSON holds them all, so each
 * gets its own. */
typedef struct {
	span_batch *batch;
	size_t built;
	spectra_span reuse;
} span_source;

static spectra_span *span_batch_build(void *context, size_t index)
{
	span_source *source = context;
	spectra_span_job *job = source->batch->jobs[index];
	spectra_span *span = source->batch->format == SPECTRA_OTLP_PROTOBUF
		? spectra_span_job_build_borrowing(job, &source->reuse)
		: spectra_span_job_build(job);
	source->built += span != NULL;
	return span;
}

/* The native span of a job written straight from its record (protobuf only); a span a PHP
 * builder made, or one the writer declines (UTF-8 repair, keys that could repeat), goes
 * through span_batch_build() instead. */
static spectra_span_append_result span_batch_append(void *context, size_t index, spectra_buf *out)
{
	span_source *source = context;
	spectra_span_job *job = source->batch->jobs[index];
	if (job->prebuilt || !job->record) {
		return SPECTRA_SPAN_APPEND_BUILD;
	}
	switch (spectra_record_wire_append(out, job->record, &job->context_attrs, job->legacy_attributes)) {
	case SPECTRA_RECORD_WIRE_OK:
		source->built++;
		return SPECTRA_SPAN_APPENDED;
	case SPECTRA_RECORD_WIRE_OOM:
		return SPECTRA_SPAN_APPEND_FAILED;
	case SPECTRA_RECORD_WIRE_DECLINED:
		break;
	}
	return SPECTRA_SPAN_APPEND_BUILD;
}

static void span_batch_release_span(void *context, spectra_span *span)
{
	span_source *source = context;
	if (span != &source->reuse) {
		spectra_span_free(span);
	}
}

/* The rare batch over max_len: its spans built again, all at once, to be split. */
static bool encode_oversized_batch(span_batch *batch, size_t max_len, spectra_body_sink *sink)
{
	spectra_span **spans = calloc(batch->count, sizeof(*spans));
	if (!spans) {
		return false;
	}
	size_t built = 0;
	for (size_t i = 0; i < batch->count; i++) {
		spectra_span *span = spectra_span_job_build(batch->jobs[i]);
		if (span) {
			spans[built++] = span;
		}
	}
	bool encoded = encode_split(batch, spans, built, max_len, sink);
	for (size_t i = 0; i < built; i++) {
		spectra_span_free(spans[i]);
	}
	free(spans);
	return encoded;
}

static bool span_batch_encode(spectra_deferred_payload *self, size_t max_len, spectra_body_sink *sink)
{
	span_batch *batch = (span_batch *) self;
	span_source source = { .batch = batch };
	spectra_span_init_borrowing(&source.reuse);
	spectra_span_source spans = { span_batch_build, span_batch_release_span, &source,
		batch->format == SPECTRA_OTLP_PROTOBUF ? span_batch_append : NULL };
	spectra_buf body;
	spectra_buf_init(&body);
	bool encoded = spectra_otlp_encode_built(batch->format, batch->resource, &spans, batch->count, &body);
	spectra_span_free_borrowing(&source.reuse);
	if (encoded && source.built && body.len && body.len <= max_len) {
		size_t len;
		char *data = spectra_buf_detach(&body, &len);
		sink->add(sink, data, len, source.built);
		return true;
	}
	spectra_buf_free(&body);
	if (!encoded) {
		return false;
	}
	return source.built == 0 || encode_oversized_batch(batch, max_len, sink);
}

static void span_batch_release(spectra_deferred_payload *self)
{
	span_batch *batch = (span_batch *) self;
	for (size_t i = 0; i < batch->count; i++) {
		spectra_span_job_free(batch->jobs[i]);
	}
	free(batch->jobs);
	free(batch);
}

spectra_deferred_payload *spectra_span_batch_new(spectra_otlp_format format, const spectra_resource *resource,
	spectra_span_job **jobs, size_t count)
{
	span_batch *batch = calloc(1, sizeof(*batch));
	if (!batch) {
		return NULL;
	}
	batch->base.encode = span_batch_encode;
	batch->base.release = span_batch_release;
	batch->format = format;
	batch->resource = resource;
	batch->jobs = jobs;
	batch->count = count;
	return &batch->base;
}

size_t spectra_span_batch_overhead(size_t count)
{
	return sizeof(span_batch) + count * sizeof(spectra_span_job *);
}
