/* record_wire.c writes a record's GenAI span in one pass; these tests hold it to the bytes of
 * the path it replaces: the native builder's span (spectra_span_build_genai) encoded by
 * span_wire.c, and that span packed by protobuf-c. Hundreds of generated records set or
 * leave out every field the span reads: long strings (span lengths of two and three varint
 * bytes), multi-byte and invalid UTF-8, tool-call counts (long type names too), finish
 * reasons, stop sequences, encoding formats, failures, parents, context attributes (tags,
 * metadata, trackable id, and keys the span already has) and the compat keys. A record the
 * writer declines (repair needed, a key that could repeat) must be one of those cases, and
 * the request must still be the same, built the usual way. With a path argument the requests
 * are written there for the third-party decoder check (test_decode_with_node.sh), with
 * each span's name and attribute count in path.expect. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "otlp/encode_protobuf.h"
#include "otlp/record_wire.h"
#include "otlp/span_wire.h"
#include "providers/providers.h"
#include "record/record.h"
#include "record/record_fields.h"
#include "span/native_builder.h"

/* xorshift64: a fixed sequence, so a failure reproduces */
static uint64_t rng_state = 0x2545F4914F6CDD1Dull;

static unsigned pick(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned) (rng_state % n);
}

/* What makes a record's span unfit for the one-pass writer, to check its verdicts. */
typedef struct {
	bool invalid_utf8;
	bool foreign_context_key;
	bool long_tool_type;
} hazards;

/* Text of an interesting length (empty, short, over 127, at the record's 4 KiB cap), now and
 * then with two-, three- and four-byte characters, or invalid UTF-8 (when allowed). */
static char *random_text(hazards *h)
{
	static const size_t lengths[] = { 0, 1, 7, 40, 127, 128, 300, 4096, 5000 };
	size_t len = lengths[pick(9)];
	if (len >= 4096 && pick(3) != 0) {
		len = 20;
	}
	char *text = malloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		text[i] = (char) ('a' + pick(26));
	}
	/* the multi-byte tail, and invalid bytes among the ASCII before it only (next to a lead
	 * byte a stray continuation byte could make a valid character) */
	size_t ascii = len;
	if (len >= 12 && pick(3) == 0) {
		ascii = len - 12;
		memcpy(text + ascii, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xEF\xBF\xBF", 12); /* e-acute, EUR, emoji, U+FFFF */
	}
	if (h && ascii >= 4 && pick(6) == 0) {
		static const char *const invalid[] = { "\x80", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF" };
		const char *bad = invalid[pick(5)];
		size_t bad_len = strlen(bad);
		/* within the record's 4 KiB cap, so that the record keeps it */
		size_t places = ascii - bad_len + 1 < 4000 ? ascii - bad_len + 1 : 4000;
		memcpy(text + pick((unsigned) places), bad, bad_len);
		h->invalid_utf8 = true;
	}
	text[len] = '\0';
	return text;
}

static void maybe_set(spectra_record *r, char **field, hazards *h)
{
	if (pick(3) != 0) {
		char *text = random_text(h);
		spectra_record_set(r, field, text);
		free(text);
	}
}

static void add_items(spectra_record *r, spectra_string_list *list, hazards *h, bool finish_reasons)
{
	static const unsigned counts[] = { 0, 0, 1, 2, 3, 64 };
	unsigned count = counts[pick(6)];
	for (unsigned i = 0; i < count; i++) {
		char *text = random_text(h);
		if (finish_reasons) {
			spectra_record_add_finish_reason(r, text, strlen(text));
		} else {
			spectra_record_add_request_item(r, list, text, strlen(text));
		}
		free(text);
	}
}

static void add_tool_calls(spectra_record *r, hazards *h)
{
	static const char *const types[] = { "function", "web_search", "code_interpreter", "file_search", "mcp" };
	unsigned kinds = pick(4) == 0 ? pick(8) : pick(2);
	for (unsigned i = 0; i < kinds; i++) {
		if (h && pick(2) == 0) {
			char name[200];
			size_t len = 100 + pick(100);
			memset(name, 'a' + (int) i, len);
			spectra_record_count_tool_call(r, name, len, 1 + pick(5));
			/* a key over the cut could equal another one: the writer leaves those to the list */
			h->long_tool_type |= len >= 140;
		} else if (h && pick(6) == 0) {
			spectra_record_count_tool_call(r, "fn\xC3(", 5, 1); /* a lead byte without its continuation */
			h->invalid_utf8 = true;
		} else {
			const char *type = types[pick(5)];
			spectra_record_count_tool_call(r, type, strlen(type), 1 + pick(300));
		}
	}
}

static int64_t random_count(void)
{
	static const int64_t counts[] = { -1, -1, 0, 1, 127, 128, 4096, INT64_C(9000000000000000) };
	return counts[pick(8)];
}

static double random_real(void)
{
	static const double reals[] = { NAN, NAN, 0.0, -0.0, 0.7, 1.0, -2.5, 1e300 };
	return reals[pick(8)];
}

/* h = NULL: only valid UTF-8, and no tool-call type long enough to be cut. */
static spectra_record *random_record(unsigned seq, hazards *h)
{
	spectra_record *r = spectra_record_new();
	for (int i = 0; i < 16; i++) {
		r->trace_id[i] = (uint8_t) pick(256);
	}
	for (int i = 0; i < 8; i++) {
		r->span_id[i] = (uint8_t) pick(256);
	}
	snprintf(r->id, sizeof r->id, "01JD8Y6ZQ4S3X9T7W2K%07u", seq);
	if (pick(3) == 0) {
		r->has_parent = true;
		for (int i = 0; i < 8; i++) {
			r->parent_span_id[i] = (uint8_t) pick(256);
		}
		r->trace_flags = (uint8_t) pick(2);
		maybe_set(r, &r->trace_state, h);
	} else {
		r->trace_flags = 1;
	}
	static const char *const providers[] = { "openai", "anthropic", "google", "mistral", "my-gateway" };
	spectra_record_set(r, &r->provider, providers[pick(5)]);
	if (pick(2)) {
		r->provider_info = spectra_provider_find(r->provider, strlen(r->provider));
	}
	static const char *const operations[] = { NULL, NULL, "chat", "embeddings", "text_completion", "" };
	spectra_record_set(r, &r->operation, operations[pick(6)]);
	static const char *const model_types[] = { NULL, "text", "embedding", "image" };
	spectra_record_set(r, &r->model_type, model_types[pick(4)]);
	maybe_set(r, &r->model, h);
	maybe_set(r, &r->snapshot, h);
	maybe_set(r, &r->response_id, h);
	maybe_set(r, &r->conversation_id, h);
	maybe_set(r, &r->server_address, h);
	r->server_port = pick(2) ? 443 : pick(2) ? 0 : 65535;
	maybe_set(r, &r->pricing_tier, h);
	maybe_set(r, &r->cost_reason, h);
	maybe_set(r, &r->request_body_skipped, h);
	maybe_set(r, &r->reasoning_effort, h);
	maybe_set(r, &r->trackable_type, h);
	add_items(r, &r->finish_reasons, h, true);
	add_items(r, &r->request_stop_sequences, h, false);
	add_items(r, &r->request_encoding_formats, h, false);
	add_tool_calls(r, h);
	r->usage_seen = pick(4) != 0;
	r->usage_estimated = pick(6) == 0;
	r->prompt_tokens = random_count() & INT64_MAX;
	r->completion_tokens = pick(3) ? random_count() & INT64_MAX : 0;
	r->cached_tokens = pick(2) ? random_count() & INT64_MAX : 0;
	r->cache_write_tokens = pick(2) ? random_count() & INT64_MAX : 0;
	r->reasoning_tokens = pick(2) ? random_count() & INT64_MAX : 0;
	r->prompt_cost = pick(2) ? 0.0108825 : 0.0;
	r->completion_cost = pick(2) ? 0.02472 : 1e-300;
	r->total_cost = r->prompt_cost + r->completion_cost;
	r->cost_known = pick(2);
	r->is_streaming = pick(2);
	r->time_to_first_token_ms = pick(2) ? random_count() : -1;
	r->request_max_tokens = random_count();
	r->request_seed = random_count();
	r->request_choice_count = random_count();
	r->request_tool_count = random_count();
	r->request_temperature = random_real();
	r->request_top_p = random_real();
	r->request_top_k = random_real();
	r->request_frequency_penalty = random_real();
	r->request_presence_penalty = random_real();
	r->status_code = pick(2) ? 0 : pick(2) ? 200 : 429;
	r->is_failed = pick(4) == 0;
	if (r->is_failed) {
		maybe_set(r, &r->error_type, h);
		maybe_set(r, &r->error_message, h);
	}
	r->start_wall_ns = pick(8) ? UINT64_C(1760000000123456789) + seq : 0;
	r->start_mono_ns = 1000000000u + seq;
	r->end_mono_ns = r->start_mono_ns + pick(1000000000);
	r->completed = true;
	return r;
}

/* Tags, metadata and a trackable id as the delivery adds them, now and then a key the span
 * already has (a PHP caller's metadata cannot make one, but the writer must not trust that). */
static void add_context(spectra_attr_list *context, hazards *h)
{
	if (pick(3) == 0) {
		return;
	}
	/* the text's hazards count once it is used */
	hazards text_hazards = { 0 };
	char *text = random_text(h ? &text_hazards : NULL);
	bool text_used = false;
	if (pick(2)) {
		spectra_attr_add_string(context, "spectra.trackable.id", text);
		text_used = true;
	}
	const char *tags[] = { "summaries", text, "batch-nightly" };
	unsigned tag_count = 1 + pick(3);
	if (pick(2)) {
		spectra_attr_add_strings(context, "spectra.tags", tags, tag_count);
		text_used |= tag_count > 1;
	}
	unsigned metadata = pick(4) == 0 ? 40 : pick(4);
	for (unsigned i = 0; i < metadata; i++) {
		char key[64];
		snprintf(key, sizeof key, "spectra.metadata.key_%u", i);
		switch (pick(4)) {
		case 0:
			spectra_attr_add_string(context, key, text);
			text_used = true;
			break;
		case 1:
			spectra_attr_add_int(context, key, random_count());
			break;
		case 2:
			spectra_attr_add_double(context, key, 0.25 * i);
			break;
		default:
			spectra_attr_add_bool(context, key, i % 2);
			break;
		}
	}
	if (h && pick(3) == 0) {
		spectra_attr_add_string(context, "gen_ai.request.model", "overridden");
		h->foreign_context_key = true;
	}
	if (h && text_used) {
		h->invalid_utf8 |= text_hazards.invalid_utf8;
	}
	free(text);
}

static void make_resource(spectra_resource *resource)
{
	spectra_resource_init(resource);
	resource->scope_name = spectra_strdup("spectra");
	resource->scope_version = spectra_strdup("0.1.0");
	spectra_attr_add_string(&resource->attrs, "service.name", "checkout-api");
	spectra_attr_add_int(&resource->attrs, "process.pid", 48213);
	CHECK(spectra_otlp_prepare_resource(resource));
}

/* A bump arena a context list may take its memory from, as a job's takes from its record's
 * space: small, so that larger contexts also spill into the list's own storage. */
typedef struct {
	char bytes[384];
	size_t used;
} arena;

static void *arena_take(void *context, size_t size, size_t align)
{
	arena *a = context;
	size_t at = (a->used + align - 1) & ~(align - 1);
	if (at > sizeof a->bytes || size > sizeof a->bytes - at) {
		return NULL;
	}
	a->used = at + size;
	return a->bytes + at;
}

/* One record, its context and compat flag, as a span job holds them. */
typedef struct {
	spectra_record *record;
	spectra_attr_list context;
	bool legacy;
	arena *context_arena; /* what the context took its memory from, or NULL */
} job;

typedef struct {
	job *jobs;
	size_t declined;
} batch;

static spectra_span *build_span(void *context, size_t index)
{
	job *j = &((batch *) context)->jobs[index];
	return spectra_span_build_genai(j->record, &j->context, j->legacy);
}

static void release_span(void *context, spectra_span *span)
{
	(void) context;
	spectra_span_free(span);
}

/* As span_batch.c: written in one pass, or built when the writer declines. */
static spectra_span_append_result append_span(void *context, size_t index, spectra_buf *out)
{
	batch *b = context;
	job *j = &b->jobs[index];
	switch (spectra_record_wire_append(out, j->record, &j->context, j->legacy)) {
	case SPECTRA_RECORD_WIRE_OK:
		return SPECTRA_SPAN_APPENDED;
	case SPECTRA_RECORD_WIRE_DECLINED:
		b->declined++;
		return SPECTRA_SPAN_APPEND_BUILD;
	case SPECTRA_RECORD_WIRE_OOM:
		break;
	}
	return SPECTRA_SPAN_APPEND_FAILED;
}

static bool same_bytes(const spectra_buf *a, const spectra_buf *b)
{
	return a->len == b->len && (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

/* One span: the writer's verdict matches the record's hazards, and its bytes (a
 * ScopeSpans.spans field) are protobuf-c's packing of the native span behind the same tag. */
static bool check_one(const job *j, const hazards *h)
{
	spectra_span *span = spectra_span_build_genai(j->record, &j->context, j->legacy);
	spectra_buf direct, packed, reference;
	spectra_buf_init(&direct);
	spectra_buf_init(&packed);
	spectra_buf_init(&reference);
	spectra_buf_append(&direct, "x", 1); /* written after what the buffer holds */
	spectra_record_wire_status status = spectra_record_wire_append(&direct, j->record, &j->context, j->legacy);
	bool ok = true;
	bool hazardous = h->invalid_utf8 || h->foreign_context_key || h->long_tool_type;
	if (status == SPECTRA_RECORD_WIRE_OK) {
		ok &= CHECK(!h->invalid_utf8 && !h->foreign_context_key);
		CHECK(spectra_otlp_pack_span_protobuf_c(span, &packed));
		uint8_t head[16];
		head[0] = 'x';
		uint8_t *end = spectra_wire_put_header(head + 1, 0x12, packed.len);
		spectra_buf_append(&reference, head, (size_t) (end - head));
		spectra_buf_append(&reference, packed.data, packed.len);
		ok &= CHECK(same_bytes(&direct, &reference));
	} else {
		ok &= CHECK(status == SPECTRA_RECORD_WIRE_DECLINED && hazardous);
		ok &= CHECK(direct.len == 1);
	}
	spectra_buf_free(&direct);
	spectra_buf_free(&packed);
	spectra_buf_free(&reference);
	spectra_span_free(span);
	return ok;
}

/* Requests of 1 to 8 records: the one-pass source (span_batch.c's) against spans built and
 * encoded by span_wire.c; the spans it declines fall back within the same request. */
static void test_random_records(const char *dump_path)
{
	spectra_resource resource;
	make_resource(&resource);
	FILE *dump = dump_path ? fopen(dump_path, "wb") : NULL;
	FILE *expect = NULL;
	if (dump_path) {
		char expect_path[4096];
		snprintf(expect_path, sizeof expect_path, "%s.expect", dump_path);
		expect = fopen(expect_path, "w");
		CHECK(dump && expect);
	}
	size_t records = 0, declined = 0, three_byte_spans = 0, taken_items = 0, spilled = 0;
	for (unsigned round = 0; round < 400; round++) {
		size_t count = 1 + pick(8);
		job jobs[8];
		hazards h[8];
		spectra_span *spans[8];
		spectra_attr_list plain[8];
		for (size_t i = 0; i < count; i++) {
			memset(&h[i], 0, sizeof h[i]);
			/* one record in five may hold what the writer must decline */
			hazards *maybe = pick(5) == 0 ? &h[i] : NULL;
			jobs[i].record = random_record((unsigned) records++, maybe);
			/* the reference span's context: the same attributes (the generator replayed) in a
			 * list of its own, so that a context the arena corrupted cannot match it */
			uint64_t replay = rng_state;
			hazards scratch = h[i];
			spectra_attr_list_init(&plain[i]);
			add_context(&plain[i], maybe ? &scratch : NULL);
			rng_state = replay;
			spectra_attr_list_init(&jobs[i].context);
			/* every other context in an arena (a job's in its record's space), in part or whole */
			jobs[i].context_arena = records % 2 ? calloc(1, sizeof(arena)) : NULL;
			if (jobs[i].context_arena) {
				spectra_attr_list_take_from(&jobs[i].context, arena_take, jobs[i].context_arena);
				if (records % 4 == 1) { /* (no pick(): the generator must replay as it did) */
					spectra_attr_list_reserve(&jobs[i].context, 1 + records % 7, 0);
				}
			}
			add_context(&jobs[i].context, maybe);
			taken_items += jobs[i].context.items_taken;
			spilled += jobs[i].context_arena && jobs[i].context.chunks;
			jobs[i].legacy = pick(3) == 0;
			spans[i] = spectra_span_build_genai(jobs[i].record, &plain[i], jobs[i].legacy);
			bool valid = check_one(&jobs[i], &h[i]);
			if (!valid) {
				fprintf(stderr, "     record %zu of round %u\n", i, round);
			}
		}
		batch b = { jobs, 0 };
		spectra_span_source source = { build_span, release_span, &b, append_span };
		spectra_buf one_pass, reference;
		spectra_buf_init(&one_pass);
		spectra_buf_init(&reference);
		CHECK(spectra_otlp_encode_protobuf_built(&resource, &source, count, &one_pass));
		CHECK(spectra_otlp_encode_protobuf(&resource, spans, count, &reference));
		if (!CHECK(same_bytes(&one_pass, &reference))) {
			fprintf(stderr, "     round %u: %zu vs %zu bytes\n", round, one_pass.len, reference.len);
		}
		declined += b.declined;
		if (dump && b.declined == 0) {
			/* concatenated requests merge their resourceSpans (one per request) */
			fwrite(one_pass.data, 1, one_pass.len, dump);
			for (size_t i = 0; i < count; i++) {
				fprintf(expect, "%zu %s\n", spans[i]->attrs.count, spans[i]->name ? spans[i]->name : "");
			}
		}
		for (size_t i = 0; i < count; i++) {
			spectra_buf packed;
			spectra_buf_init(&packed);
			spectra_otlp_pack_span_protobuf_c(spans[i], &packed);
			three_byte_spans += spectra_wire_varint_size(packed.len) >= 3;
			spectra_buf_free(&packed);
			spectra_span_free(spans[i]);
			spectra_record_free(jobs[i].record);
			spectra_attr_list_free(&jobs[i].context);
			spectra_attr_list_free(&plain[i]);
			free(jobs[i].context_arena);
		}
		spectra_buf_free(&one_pass);
		spectra_buf_free(&reference);
	}
	/* the cases the comparison must have seen */
	CHECK(declined > 0 && declined < records / 2);
	CHECK(three_byte_spans > 0);
	/* contexts wholly in their arena and contexts that spilled out of it were both seen */
	CHECK(taken_items > records / 16 && spilled > records / 16);
	printf("%zu records, %zu declined, %zu spans over 16 KiB\n", records, declined, three_byte_spans);
	if (dump) {
		fclose(dump);
		fclose(expect);
	}
	spectra_resource_free(&resource);
}

/* The sender bench's record: the writer takes it, and its bytes are the native span's. */
static void test_typical_record(void)
{
	spectra_record *r = spectra_record_new();
	spectra_record_set(r, &r->provider, "openai");
	r->provider_info = spectra_provider_find("openai", 6);
	spectra_record_set(r, &r->model, "gpt-4o-mini");
	spectra_record_set(r, &r->snapshot, "gpt-4o-mini-2024-07-18");
	spectra_record_add_finish_reason(r, "tool_calls", 10);
	spectra_record_count_tool_call(r, "function", 8, 2);
	r->usage_seen = true;
	r->prompt_tokens = 1873;
	r->start_wall_ns = UINT64_C(1760000000123456789);
	r->trace_flags = 1;
	job j = { r, { 0 }, false, NULL };
	spectra_attr_list_init(&j.context);
	const char *tags[] = { "summaries", "batch-nightly" };
	spectra_attr_add_strings(&j.context, "spectra.tags", tags, 2);
	spectra_attr_add_int(&j.context, "spectra.metadata.document_id", 90211);
	hazards none = { 0 };
	CHECK(check_one(&j, &none));
	spectra_buf out;
	spectra_buf_init(&out);
	CHECK(spectra_record_wire_append(&out, r, &j.context, false) == SPECTRA_RECORD_WIRE_OK);
	spectra_buf_free(&out);
	spectra_attr_list_free(&j.context);
	spectra_record_free(r);
}

/* Every short length of a value and of a context key (the writer copies up to 32 bytes in
 * overlapping word moves, by length class): the bytes stay the native span's. */
static void test_every_short_length(void)
{
	char text[81];
	char key[120];
	for (size_t len = 0; len <= 80; len++) {
		for (size_t i = 0; i < len; i++) {
			text[i] = (char) ('a' + (i * 7 + len) % 26);
		}
		text[len] = '\0';
		spectra_record *r = spectra_record_new();
		spectra_record_set(r, &r->provider, "openai");
		spectra_record_set(r, &r->model, text);
		spectra_record_set(r, &r->response_id, text);
		spectra_record_add_finish_reason(r, text, len);
		job j = { r, { 0 }, len % 2 == 1, NULL };
		spectra_attr_list_init(&j.context);
		/* (a bare "spectra.metadata." is no context key: the writer declines it) */
		snprintf(key, sizeof key, "spectra.metadata.%s", len ? text : "k");
		spectra_attr_add_string(&j.context, key, text);
		hazards none = { 0 };
		CHECK(check_one(&j, &none));
		spectra_attr_list_free(&j.context);
		spectra_record_free(r);
	}
}

/* A name and its compile-time length, each key's (NULL names have none to check). */
#define NAME_LENGTHS(key, kind, source, span_attribute, compat_attribute) \
	{ SPECTRA_SPAN_ATTR(key), SPECTRA_SPAN_ATTR_LEN(key), SPECTRA_COMPAT_ATTR(key), SPECTRA_COMPAT_ATTR_LEN(key) },

/* The writer trusts the table's attribute names to be ASCII, short, and its lengths. */
static void test_table_names(void)
{
	const struct {
		const char *span;
		size_t span_len;
		const char *compat;
		size_t compat_len;
	} lengths[] = { SPECTRA_RECORD_FIELDS(NAME_LENGTHS) };
	CHECK(sizeof lengths / sizeof lengths[0] == SPECTRA_RECORD_FIELD_COUNT);
	for (size_t i = 0; i < SPECTRA_RECORD_FIELD_COUNT; i++) {
		const spectra_record_field_info *field = &spectra_record_fields[i];
		const char *names[] = { field->span_attribute, field->compat_attribute };
		CHECK(lengths[i].span == field->span_attribute && lengths[i].compat == field->compat_attribute);
		CHECK(!field->span_attribute || strlen(field->span_attribute) == lengths[i].span_len);
		CHECK(!field->compat_attribute || strlen(field->compat_attribute) == lengths[i].compat_len);
		/* and 1 to 63 bytes long (record_wire.c's TABLE_KEY_MAX: one-byte lengths) */
		CHECK(!field->span_attribute || (lengths[i].span_len >= 1 && lengths[i].span_len <= 63));
		CHECK(!field->compat_attribute || (lengths[i].compat_len >= 1 && lengths[i].compat_len <= 63));
		for (size_t n = 0; n < 2; n++) {
			for (const char *c = names[n]; c && *c; c++) {
				CHECK((unsigned char) *c < 0x80);
			}
		}
	}
}

int main(int argc, char **argv)
{
	test_table_names();
	test_typical_record();
	test_every_short_length();
	test_random_records(argc > 1 ? argv[1] : NULL);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
