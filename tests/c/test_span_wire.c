/* span_wire.c writes Span messages without protobuf-c; these tests hold it to protobuf-c's
 * bytes. For hundreds of generated spans (every attribute type, zero and empty values,
 * missing and present optional fields, lengths that need 1, 2 and 3 varint bytes, events,
 * status) the direct bytes must equal protobuf-c's packing of the same message
 * (spectra_otlp_pack_span_protobuf_c). Whole requests, direct and repaired spans mixed,
 * must decode with protobuf-c and pack back to the same bytes. The third-party decoder
 * check (test_decode_with_node.sh) reads the direct writer's output as well. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "span/span.h"
#include "otlp/encode_protobuf.h"
#include "otlp/otlp.h"
#include "otlp/span_wire.h"
#include "otlp/utf8.h"
#include "opentelemetry/proto/collector/trace/v1/trace_service.pb-c.h"

typedef Opentelemetry__Proto__Collector__Trace__V1__ExportTraceServiceRequest pb_request;

/* xorshift64: a fixed sequence, so a failure reproduces */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t next_random(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static unsigned pick(unsigned n)
{
	return (unsigned) (next_random() % n);
}

/* A valid UTF-8 string of one of the interesting lengths: empty, short, over 127 (two-byte
 * varint), over 16383 (three bytes), with multi-byte characters now and then. */
static char *random_text(void)
{
	static const size_t lengths[] = { 0, 1, 5, 30, 127, 128, 300, 16383, 16384, 20000 };
	size_t len = lengths[pick(10)];
	if (len > 1000 && pick(4) != 0) {
		len = 40;
	}
	char *text = malloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		text[i] = (char) ('a' + pick(26));
	}
	if (len >= 3 && pick(3) == 0) {
		memcpy(text + len - 3, "\xE2\x82\xAC", 3); /* EUR sign */
	}
	text[len] = '\0';
	return text;
}

static void add_random_attrs(spectra_attr_list *list, unsigned max)
{
	static const int64_t ints[] = { 0, 1, -1, 127, 128, 300, INT64_MAX, INT64_MIN, -4096 };
	static const double doubles[] = { 0.0, -0.0, 1.5, -273.15, 1e300, 0.0356025 };
	unsigned count = pick(max + 1);
	for (unsigned i = 0; i < count; i++) {
		char key[32];
		if (pick(20) == 0) {
			key[0] = '\0'; /* an empty key is left out of the KeyValue */
		} else {
			snprintf(key, sizeof key, "attr.%u.%u", i, pick(1000));
		}
		switch (pick(6)) {
		case 0: {
			char *text = random_text();
			spectra_attr_add_string(list, key, text);
			free(text);
			break;
		}
		case 1:
			spectra_attr_add_bool(list, key, pick(2) == 0);
			break;
		case 2:
			spectra_attr_add_int(list, key, pick(2) ? ints[pick(9)] : (int64_t) next_random());
			break;
		case 3:
			spectra_attr_add_double(list, key, pick(4) ? doubles[pick(6)] : NAN);
			break;
		default: {
			char *items[4];
			unsigned n = pick(5);
			for (unsigned j = 0; j < n; j++) {
				items[j] = random_text();
			}
			spectra_attr_add_strings(list, key, (const char *const *) items, n);
			for (unsigned j = 0; j < n; j++) {
				free(items[j]);
			}
			break;
		}
		}
	}
}

static spectra_span *random_span(void)
{
	spectra_span *span = spectra_span_new();
	for (int i = 0; i < 16; i++) {
		span->trace_id[i] = (uint8_t) next_random();
	}
	for (int i = 0; i < 8; i++) {
		span->span_id[i] = (uint8_t) next_random();
		span->parent_span_id[i] = (uint8_t) next_random();
	}
	span->has_parent = pick(2) == 0;
	if (pick(3) == 0) {
		span->trace_state = random_text();
	}
	if (pick(8) != 0) {
		span->name = random_text();
	}
	static const int kinds[] = { 0, SPECTRA_SPAN_KIND_INTERNAL, SPECTRA_SPAN_KIND_CLIENT, 5, -1 };
	span->kind = kinds[pick(5)];
	span->start_time_unix_nano = pick(6) ? next_random() : 0;
	span->end_time_unix_nano = pick(6) ? next_random() : 0;
	add_random_attrs(&span->attrs, 30);
	unsigned events = pick(4);
	for (unsigned i = 0; i < events; i++) {
		char *name = pick(5) ? random_text() : NULL;
		spectra_span_add_event(span, name, pick(4) ? next_random() : 0);
		free(name);
		add_random_attrs(&spectra_span_last_event(span)->attrs, 4);
	}
	static const int codes[] = { SPECTRA_STATUS_UNSET, SPECTRA_STATUS_OK, SPECTRA_STATUS_ERROR };
	span->status_code = codes[pick(3)];
	if (pick(3) == 0) {
		span->status_message = random_text();
	}
	span->flags = pick(3) ? (uint32_t) next_random() : 0;
	return span;
}

/* The direct writer's bytes for one span, as a buffer (empty on failure). */
static bool write_direct(const spectra_span *span, spectra_buf *out)
{
	spectra_span_wire_scratch scratch;
	spectra_span_wire_scratch_init(&scratch);
	size_t size = 0;
	bool ok = spectra_span_wire_size(span, &scratch, &size) == SPECTRA_SPAN_WIRE_OK && spectra_buf_reserve(out, size);
	if (ok) {
		uint8_t *start = (uint8_t *) out->data + out->len;
		uint8_t *end = spectra_span_wire_write(span, &scratch, start);
		out->len += (size_t) (end - start);
		ok = (size_t) (end - start) == size && scratch.next == scratch.count;
	}
	spectra_span_wire_scratch_free(&scratch);
	return ok;
}

static void test_generated_spans_match_protobuf_c(void)
{
	int mismatches = 0;
	for (int i = 0; i < 600; i++) {
		spectra_span *span = random_span();
		spectra_buf direct, reference;
		spectra_buf_init(&direct);
		spectra_buf_init(&reference);
		bool written = write_direct(span, &direct);
		bool packed = spectra_otlp_pack_span_protobuf_c(span, &reference);
		if (!written || !packed || direct.len != reference.len
			|| memcmp(direct.data, reference.data, direct.len) != 0) {
			if (mismatches++ < 3) {
				fprintf(stderr, "span %d: direct %zu bytes, protobuf-c %zu bytes\n", i, direct.len, reference.len);
			}
		}
		spectra_buf_free(&direct);
		spectra_buf_free(&reference);
		spectra_span_free(span);
	}
	CHECK(mismatches == 0);
}

/* The GenAI span the native builder makes (shape of bench/encode_bench.c), byte for byte. */
static void test_genai_span_matches_protobuf_c(void)
{
	static const char *const reasons[] = { "tool_calls" };
	spectra_span *span = spectra_span_new();
	memset(span->trace_id, 0x4b, 16);
	memset(span->span_id, 0x11, 8);
	span->flags = 0x101;
	span->name = spectra_strdup("chat gpt-4o-mini");
	span->kind = SPECTRA_SPAN_KIND_CLIENT;
	span->start_time_unix_nano = UINT64_C(1760000000123456789);
	span->end_time_unix_nano = UINT64_C(1760000000965570376);
	spectra_attr_add_string(&span->attrs, "gen_ai.operation.name", "chat");
	spectra_attr_add_strings(&span->attrs, "gen_ai.response.finish_reasons", reasons, 1);
	spectra_attr_add_int(&span->attrs, "gen_ai.usage.input_tokens", 1873);
	spectra_attr_add_double(&span->attrs, "spectra.cost.total_cents", 0.0356025);
	spectra_attr_add_bool(&span->attrs, "spectra.cost.known", true);
	spectra_buf direct, reference;
	spectra_buf_init(&direct);
	spectra_buf_init(&reference);
	CHECK(write_direct(span, &direct));
	CHECK(spectra_otlp_pack_span_protobuf_c(span, &reference));
	CHECK(direct.len == reference.len && memcmp(direct.data, reference.data, direct.len) == 0);
	spectra_buf_free(&direct);
	spectra_buf_free(&reference);
	spectra_span_free(span);
}

/* A string that needs repair sends the span the protobuf-c way and leaves the scratch as
 * it was, so the spans around it are still written directly. */
static void test_invalid_utf8_falls_back(void)
{
	spectra_span *span = spectra_span_new();
	span->name = spectra_strdup("ok");
	spectra_attr_add_string(&span->attrs, "bad", "caf\xE9");
	spectra_span_wire_scratch scratch;
	spectra_span_wire_scratch_init(&scratch);
	size_t size = 0;
	CHECK(spectra_span_wire_size(span, &scratch, &size) == SPECTRA_SPAN_WIRE_NOT_UTF8);
	CHECK(scratch.count == 0);
	spectra_span_wire_scratch_free(&scratch);
	spectra_span_free(span);
}

/* Whole requests: protobuf-c decodes them and packs them back to the very same bytes. */
static void test_requests_round_trip(void)
{
	spectra_resource resource;
	spectra_resource_init(&resource);
	spectra_attr_add_string(&resource.attrs, "service.name", "checkout");
	resource.scope_name = spectra_strdup("spectra");
	resource.scope_version = spectra_strdup("0.1.0");
	CHECK(spectra_otlp_prepare_resource(&resource));
	int mismatches = 0;
	/* one span's attribute of these sizes makes the envelope's length varints longer or
	 * shorter than the encoder's guess, so the spans move up, down or not at all */
	static const size_t big_sizes[] = { 0, 100, 5000, 20000, 300000, 2500000 };
	char *big = malloc(2500001);
	memset(big, 'b', 2500000);
	for (int round = 0; round < 48; round++) {
		size_t count = round % 3 ? 1 + pick(12) : 1;
		spectra_span *spans[12];
		for (size_t i = 0; i < count; i++) {
			spans[i] = random_span();
			if (pick(5) == 0) {
				spectra_attr_add_string(&spans[i]->attrs, "needs.repair", "\xFF\xFEok");
			}
		}
		size_t big_len = big_sizes[round % 6];
		big[big_len] = '\0';
		spectra_attr_add_string(&spans[0]->attrs, "big", big);
		big[big_len] = 'b';
		/* the request is appended after what the buffer holds */
		size_t before = round % 2 ? 3 : 0;
		spectra_buf buffer;
		spectra_buf_init(&buffer);
		spectra_buf_append(&buffer, "pre", before);
		bool encoded =
			spectra_otlp_encode_protobuf(&resource, spans, count, &buffer) && memcmp(buffer.data, "pre", before) == 0;
		spectra_buf body = { buffer.data + before, buffer.len - before, 0 };
		pb_request *request = encoded
			? opentelemetry__proto__collector__trace__v1__export_trace_service_request__unpack(NULL, body.len,
				(const uint8_t *) body.data)
			: NULL;
		bool same = false;
		if (request && request->n_resource_spans == 1 && request->resource_spans[0]->n_scope_spans == 1
			&& request->resource_spans[0]->scope_spans[0]->n_spans == count) {
			size_t size = protobuf_c_message_get_packed_size(&request->base);
			uint8_t *repacked = malloc(size ? size : 1);
			protobuf_c_message_pack(&request->base, repacked);
			same = size == body.len && memcmp(repacked, body.data, size) == 0;
			free(repacked);
		}
		if (!same && mismatches++ < 3) {
			fprintf(stderr, "request %d (%zu spans, %zu bytes) does not round-trip\n", round, count, body.len);
		}
		if (request) {
			opentelemetry__proto__collector__trace__v1__export_trace_service_request__free_unpacked(request, NULL);
		}
		spectra_buf_free(&buffer);
		for (size_t i = 0; i < count; i++) {
			spectra_span_free(spans[i]);
		}
	}
	CHECK(mismatches == 0);
	free(big);
	spectra_resource_free(&resource);
}

/* spectra_otlp_encode_built: spans made on demand (one skipped) and freed as they are
 * written encode to the very bytes spectra_otlp_encode gives for the same spans, in both
 * formats; a batch whose spans are all skipped is 0 bytes. */
typedef struct {
	uint64_t seed;
	size_t skip;
} rebuild_context;

static spectra_span *rebuild_span(void *context, size_t index)
{
	rebuild_context *rebuild = context;
	if (index == rebuild->skip) {
		return NULL;
	}
	rng_state = rebuild->seed + index * 0x9E3779B97F4A7C15ull;
	return random_span();
}

static void release_rebuilt(void *context, spectra_span *span)
{
	(void) context;
	spectra_span_free(span);
}

static void test_built_matches_array(void)
{
	spectra_resource resource;
	spectra_resource_init(&resource);
	spectra_attr_add_string(&resource.attrs, "service.name", "checkout");
	resource.scope_name = spectra_strdup("spectra");
	CHECK(spectra_otlp_prepare_resource(&resource));
	static const spectra_otlp_format formats[] = { SPECTRA_OTLP_PROTOBUF, SPECTRA_OTLP_JSON };
	int mismatches = 0;
	for (int round = 0; round < 20; round++) {
		rebuild_context rebuild = { 0x1234567ull + (uint64_t) round, (size_t) round % 7 };
		spectra_span_source source = { rebuild_span, release_rebuilt, &rebuild, NULL };
		size_t count = 1 + (size_t) round % 9;
		spectra_span *spans[9];
		size_t kept = 0;
		for (size_t i = 0; i < count; i++) {
			spectra_span *span = rebuild_span(&rebuild, i);
			if (span) {
				spans[kept++] = span;
			}
		}
		for (int f = 0; f < 2; f++) {
			spectra_buf from_array, built;
			spectra_buf_init(&from_array);
			spectra_buf_init(&built);
			bool ok = spectra_otlp_encode(formats[f], &resource, spans, kept, &from_array)
				&& spectra_otlp_encode_built(formats[f], &resource, &source, count, &built);
			if (!ok || from_array.len != built.len || memcmp(from_array.data, built.data, built.len) != 0) {
				mismatches++;
			}
			spectra_buf_free(&from_array);
			spectra_buf_free(&built);
		}
		for (size_t i = 0; i < kept; i++) {
			spectra_span_free(spans[i]);
		}
	}
	CHECK(mismatches == 0);
	rebuild_context all_skipped = { 1, 0 };
	spectra_span_source skipping = { rebuild_span, release_rebuilt, &all_skipped, NULL };
	spectra_buf empty;
	spectra_buf_init(&empty);
	CHECK(spectra_otlp_encode_built(SPECTRA_OTLP_PROTOBUF, &resource, &skipping, 1, &empty));
	CHECK(empty.len == 0);
	spectra_buf_free(&empty);
	spectra_resource_free(&resource);
}

/* The word-at-a-time ASCII fast path of spectra_utf8_is_valid against a character-by-
 * character walk, for every length up to 40 with non-ASCII bytes (valid or not) anywhere. */
static bool utf8_valid_slowly(const char *s, size_t len)
{
	for (size_t pos = 0; pos < len;) {
		uint32_t codepoint;
		size_t consumed;
		if (!spectra_utf8_decode(s + pos, len - pos, &codepoint, &consumed)) {
			return false;
		}
		pos += consumed;
	}
	return true;
}

static void test_utf8_fast_path(void)
{
	static const char *const inserts[] = { "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xFF", "\xC3", "\x80" };
	int mismatches = 0;
	char text[48];
	for (size_t len = 0; len <= 40; len++) {
		for (int round = 0; round < 60; round++) {
			memset(text, 'a', sizeof text);
			if (round > 0 && len > 0) {
				const char *insert = inserts[pick(6)];
				size_t insert_len = strlen(insert);
				size_t at = pick((unsigned) len);
				memcpy(text + at, insert, at + insert_len <= len ? insert_len : len - at);
			}
			if (spectra_utf8_is_valid(text, len) != utf8_valid_slowly(text, len)) {
				mismatches++;
			}
		}
	}
	CHECK(mismatches == 0);
}

/* spectra_utf8_is_ascii against a bytewise look, with a high-bit byte at every position of
 * every length up to 40 (and just outside the string, where it must not be seen). */
static void test_utf8_ascii_shortcut(void)
{
	int mismatches = 0;
	char text[48];
	for (size_t len = 0; len <= 40; len++) {
		for (size_t at = 0; at <= len; at++) {
			memset(text, 'a', sizeof text);
			text[at] = (char) 0x80;
			bool ascii = at == len;
			mismatches += spectra_utf8_is_ascii(text, len) != ascii;
			text[at] = (char) 0xFF;
			mismatches += spectra_utf8_is_ascii(text, len) != ascii;
		}
	}
	CHECK(mismatches == 0);
}

int main(void)
{
	test_utf8_fast_path();
	test_utf8_ascii_shortcut();
	test_generated_spans_match_protobuf_c();
	test_genai_span_matches_protobuf_c();
	test_invalid_utf8_falls_back();
	test_requests_round_trip();
	test_built_matches_array();
	return check_summary();
}
