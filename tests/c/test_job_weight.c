/* The weight of a span job follows what it really holds: a job with a 100 KB attribute
 * weighs over 100 KB, a plain one far less, and every string counts. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "record/limits.h"
#include "export/job_weight.h"

static spectra_span_job *plain_job(void)
{
	spectra_record *record = spectra_record_new();
	spectra_record_set(record, &record->provider, "openai");
	spectra_record_set(record, &record->model, "gpt-4o");
	return spectra_span_job_new(record, true, false);
}

static void test_weight_follows_content(void)
{
	spectra_span_job *plain = plain_job();
	size_t plain_weight = spectra_span_job_weight(plain);
	CHECK(plain_weight >= sizeof(spectra_span_job) + sizeof(spectra_record));
	CHECK(plain_weight < 2048);

	spectra_span_job *big = plain_job();
	size_t len = 100000;
	char *value = malloc(len + 1);
	memset(value, 'x', len);
	value[len] = '\0';
	CHECK(spectra_attr_add_string(&big->context_attrs, "spectra.metadata.document", value));
	size_t big_weight = spectra_span_job_weight(big);
	CHECK(big_weight >= plain_weight + len);
	CHECK(big_weight < plain_weight + len + 1024);

	/* a long error message (a record string: cut at SPECTRA_MAX_STRING_BYTES) and finish
	 * reasons count too */
	spectra_record_set(big->record, &big->record->error_message, value);
	spectra_record_add_finish_reason(big->record, "stop", 4);
	CHECK(strlen(big->record->error_message) == SPECTRA_MAX_STRING_BYTES);
	CHECK(spectra_span_job_weight(big) >= big_weight + SPECTRA_MAX_STRING_BYTES + 4);

	/* a span a PHP builder made: its attributes count */
	spectra_span *span = spectra_span_new();
	CHECK(spectra_attr_add_string(&span->attrs, "big", value));
	spectra_span_job *prebuilt = spectra_span_job_for_span(span);
	CHECK(spectra_span_job_weight(prebuilt) >= len);

	CHECK(spectra_span_job_weight(NULL) == 1);
	free(value);
	spectra_span_job_free(plain);
	spectra_span_job_free(big);
	spectra_span_job_free(prebuilt);
}

/* Strings in the record's own space are part of its allocation: they weigh nothing more,
 * while one past the space weighs its own block. */
static void test_record_space_counted_once(void)
{
	spectra_record *record = spectra_record_new();
	spectra_span_job *job = spectra_span_job_new(record, true, false);
	/* the job itself goes in the space when it fits (the spaces grow to hold it) */
	CHECK(spectra_span_job_lives_in_record(job) == (record->string_space_size >= sizeof *job));
	size_t empty_weight = spectra_span_job_weight(job);
	CHECK(empty_weight >= sizeof(spectra_record) + record->string_space_size);
	spectra_record_set(record, &record->provider, "openai");
	spectra_record_add_finish_reason(record, "stop", 4);
	CHECK(spectra_record_holds(record, record->provider) && spectra_record_holds(record, record->finish_reasons.items));
	CHECK(spectra_span_job_weight(job) == empty_weight);
	char long_value[SPECTRA_RECORD_STRING_SPACE_MAX + 1];
	memset(long_value, 'v', sizeof long_value - 1);
	long_value[sizeof long_value - 1] = '\0';
	spectra_record_set(record, &record->model, long_value);
	CHECK(!spectra_record_holds(record, record->model));
	CHECK(spectra_span_job_weight(job) >= empty_weight + sizeof long_value);
	spectra_span_job_free(job);
	/* the space of a record made after a job was taken has room for the next job */
	spectra_record *next = spectra_record_new();
	spectra_span_job *next_job = spectra_span_job_new(next, true, false);
	CHECK(spectra_span_job_lives_in_record(next_job));
	spectra_span_job_free(next_job);
}

/* A record whose blocks are all in its space is freed in one free(): the count of blocks
 * past the space must follow every way one is made and given back (valgrind and ASan see
 * a leak if the fast path is taken with one left). */
static void test_blocks_outside_counted(void)
{
	spectra_record *record = spectra_record_new();
	spectra_record_set(record, &record->provider, "openai");
	spectra_record_add_finish_reason(record, "stop", 4);
	CHECK(record->blocks_outside == 0);
	char long_value[SPECTRA_RECORD_STRING_SPACE_MAX + 1];
	memset(long_value, 'v', sizeof long_value - 1);
	long_value[sizeof long_value - 1] = '\0';
	spectra_record_set(record, &record->model, long_value);
	CHECK(record->blocks_outside == 1); /* a string past the space */
	spectra_record_set(record, &record->model, NULL);
	CHECK(record->blocks_outside == 0); /* given back when replaced */
	/* a list grown past its first array, and tool calls past theirs, in a full space */
	spectra_record_set(record, &record->snapshot, long_value);
	for (int i = 0; i < 9; i++) {
		char reason[16];
		int len = snprintf(reason, sizeof reason, "reason-%d", i);
		spectra_record_add_finish_reason(record, reason, (size_t) len);
		char type[16];
		len = snprintf(type, sizeof type, "type-%d", i);
		spectra_record_count_tool_call(record, type, (size_t) len, 1);
	}
	/* at least the snapshot and the grown finish-reason and tool-call arrays (a grown array
	 * is always malloc'd; the ones it replaced were given back), plus any name that found
	 * the space full */
	CHECK(record->blocks_outside >= 3);
	spectra_record_free(record);

	spectra_record *small = spectra_record_new();
	spectra_record_set(small, &small->model, "gpt-4o-mini");
	CHECK(small->blocks_outside == 0 && spectra_record_holds(small, small->model));
	spectra_record_free(small);
}

/* A job in its record's space keeps its context attributes there too while the space has
 * room: they read back, weigh nothing more than the space, and are freed with the record
 * (valgrind: no leak, no double free). A context too large for the space goes to the list's
 * own storage, and a job that does not own its record takes nothing from it. */
static void test_context_in_record_space(void)
{
	/* a record before with the same context, so that this one's space is sized for it */
	for (int round = 0; round < 2; round++) {
		spectra_span_job *job = plain_job();
		size_t record_weight = spectra_span_job_weight(job);
		spectra_attr_list *context = &job->context_attrs;
		const char *tags[] = { "summaries", "batch-nightly" };
		CHECK(spectra_attr_list_reserve(context, 3, 0));
		CHECK(spectra_attr_add_string(context, "spectra.trackable.id", "42"));
		CHECK(spectra_attr_add_strings(context, "spectra.tags", tags, 2));
		CHECK(spectra_attr_add_int(context, "spectra.metadata.document_id", 90211));
		if (round == 1) {
			const spectra_attr *tag_list = spectra_attr_find(context, "spectra.tags");
			CHECK(spectra_span_job_lives_in_record(job) && context->items_taken && context->chunks == NULL);
			CHECK(spectra_record_holds(job->record, context->items)
				&& spectra_record_holds(job->record, tag_list->value.strings.items)
				&& spectra_record_holds(job->record, tag_list->value.strings.items[1]));
			CHECK(strcmp(tag_list->value.strings.items[1], "batch-nightly") == 0);
			/* the space was allocated with the record: the context adds nothing to it */
			CHECK(spectra_span_job_weight(job) == record_weight);
			/* past the item array's room: moved out of the space into a malloc'd one */
			for (int i = 0; i < 40; i++) {
				char key[40];
				snprintf(key, sizeof key, "spectra.metadata.k%d", i);
				CHECK(spectra_attr_add_int(context, key, i));
			}
			CHECK(context->count == 43 && spectra_attr_find(context, "spectra.metadata.k39")->value.integer == 39);
			CHECK(strcmp(spectra_attr_find(context, "spectra.trackable.id")->value.str, "42") == 0);
			CHECK(!spectra_record_holds(job->record, context->items) && !context->items_taken);
			CHECK(spectra_span_job_weight(job) > record_weight + 40 * sizeof(spectra_attr));
		}
		spectra_span_job_free(job);
	}

	spectra_span_job *big = plain_job();
	char value[SPECTRA_RECORD_STRING_SPACE_MAX + 1];
	memset(value, 'c', sizeof value - 1);
	value[sizeof value - 1] = '\0';
	size_t big_before = spectra_span_job_weight(big);
	CHECK(spectra_attr_add_string(&big->context_attrs, "spectra.metadata.note", value));
	const spectra_attr *note = spectra_attr_find(&big->context_attrs, "spectra.metadata.note");
	CHECK(note && !spectra_record_holds(big->record, note->value.str) && note->value.str_len == sizeof value - 1);
	CHECK(spectra_span_job_weight(big) >= big_before + sizeof value);
	spectra_span_job_free(big);

	spectra_record *shared = spectra_record_new();
	spectra_span_job *borrowing = spectra_span_job_new(shared, false, false);
	CHECK(spectra_attr_add_string(&borrowing->context_attrs, "spectra.trackable.id", "7"));
	CHECK(!borrowing->context_attrs.items_taken
		&& !spectra_record_holds(shared, spectra_attr_find(&borrowing->context_attrs, "spectra.trackable.id")->key));
	spectra_span_job_free(borrowing);
	spectra_record_free(shared);
}

int main(void)
{
	test_weight_follows_content();
	test_record_space_counted_once();
	test_blocks_outside_counted();
	test_context_in_record_space();
	return check_summary();
}
