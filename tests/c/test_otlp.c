/* Unit tests for the span and OTLP stages: attribute lists, both encoders (the protobuf
 * output is decoded back with protobuf-c), merge, UTF-8 repair, the console line and the
 * collector response parser. Prints "N passed, N failed"; exits non-zero on failure. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "span/span.h"
#include "otlp/otlp.h"
#include "otlp/console.h"
#include "otlp/encode_json.h"
#include "otlp/encode_protobuf.h"
#include "otlp/utf8.h"
#include "util/json_reader.h"
#include "opentelemetry/proto/collector/trace/v1/trace_service.pb-c.h"

typedef Opentelemetry__Proto__Collector__Trace__V1__ExportTraceServiceRequest pb_request;
typedef Opentelemetry__Proto__Collector__Trace__V1__ExportTraceServiceResponse pb_response;
typedef Opentelemetry__Proto__Collector__Trace__V1__ExportTracePartialSuccess pb_partial_success;
typedef Opentelemetry__Proto__Trace__V1__Span pb_span;
typedef Opentelemetry__Proto__Common__V1__KeyValue pb_key_value;
typedef Opentelemetry__Proto__Common__V1__AnyValue pb_any_value;

#define ANY_CASE(name) OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_##name

static int passed;
static int failed;

#define CHECK(cond) check((cond), #cond, __FILE__, __LINE__)

static bool check(bool ok, const char *what, const char *file, int line)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "FAIL %s:%d: %s\n", file, line, what);
	}
	return ok;
}

static const uint8_t trace_id[16] = { 0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e,
	0x0e, 0x47, 0x36 };
static const uint8_t span_id[8] = { 0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7 };
static const uint8_t parent_id[8] = { 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04 };

#define START_NS UINT64_C(1700000000123456789)
#define END_NS (START_NS + UINT64_C(12345678))
#define BIG_DOUBLE 123456.789

static void make_resource(spectra_resource *resource)
{
	spectra_resource_init(resource);
	spectra_attr_add_string(&resource->attrs, "service.name", "checkout");
	spectra_attr_add_string(&resource->attrs, "telemetry.sdk.language", "php");
	spectra_attr_add_string(&resource->attrs, "service.name", "billing"); /* replaces */
	resource->scope_name = spectra_strdup("spectra");
	resource->scope_version = spectra_strdup("0.1.0");
}

/* A span with every attribute type, a parent, two events and an error status. */
static spectra_span *make_full_span(void)
{
	spectra_span *span = spectra_span_new();
	memcpy(span->trace_id, trace_id, 16);
	memcpy(span->span_id, span_id, 8);
	memcpy(span->parent_span_id, parent_id, 8);
	span->has_parent = true;
	span->trace_state = spectra_strdup("vendor=abc");
	span->name = spectra_strdup("chat gpt-4o");
	span->kind = SPECTRA_SPAN_KIND_CLIENT;
	span->start_time_unix_nano = START_NS;
	span->end_time_unix_nano = END_NS;
	span->status_code = SPECTRA_STATUS_ERROR;
	span->status_message = spectra_strdup("rate limited \"429\"");
	span->flags = 0x301;

	const char *finish[] = { "stop", "length" };
	spectra_attr_add_string(&span->attrs, "gen_ai.provider.name", "openai");
	spectra_attr_add_int(&span->attrs, "gen_ai.usage.input_tokens", 10);
	spectra_attr_add_int(&span->attrs, "big.negative", INT64_MIN);
	spectra_attr_add_bool(&span->attrs, "gen_ai.request.stream", true);
	spectra_attr_add_double(&span->attrs, "gen_ai.request.temperature", 0.1);
	spectra_attr_add_double(&span->attrs, "cost", BIG_DOUBLE);
	spectra_attr_add_strings(&span->attrs, "gen_ai.response.finish_reasons", finish, 2);
	spectra_attr_add_strings(&span->attrs, "empty.list", NULL, 0);
	spectra_attr_add_stringl(&span->attrs, "text", "line1\nline2\ttab\\", 16);

	spectra_span_add_event(span, "exception", START_NS + 5);
	spectra_span_event *event = spectra_span_last_event(span);
	spectra_attr_add_string(&event->attrs, "exception.type", "RateLimitError");
	spectra_attr_add_int(&event->attrs, "http.status", 429);
	spectra_span_add_event(span, "retry", START_NS + 7);
	return span;
}

/* ---- an independent, strict JSON syntax checker (util/json_reader is not used) ---------- */

typedef struct {
	const char *p;
	const char *end;
} json_in;

static void ws(json_in *in)
{
	while (in->p < in->end && strchr(" \t\r\n", *in->p) && *in->p) {
		in->p++;
	}
}

static bool value_ok(json_in *in, int depth);

static bool string_ok(json_in *in)
{
	if (in->p >= in->end || *in->p != '"') {
		return false;
	}
	in->p++;
	while (in->p < in->end) {
		unsigned char c = (unsigned char) *in->p;
		if (c == '"') {
			in->p++;
			return true;
		}
		if (c < 0x20) {
			return false;
		}
		if (c == '\\') {
			in->p++;
			if (in->p >= in->end || !strchr("\"\\/bfnrtu", *in->p) || !*in->p) {
				return false;
			}
			if (*in->p == 'u') {
				for (int i = 1; i <= 4; i++) {
					if (in->p + i >= in->end || !strchr("0123456789abcdefABCDEF", in->p[i]) || !in->p[i]) {
						return false;
					}
				}
				in->p += 4;
			}
		}
		in->p++;
	}
	return false;
}

static bool value_ok(json_in *in, int depth)
{
	ws(in);
	if (in->p >= in->end || depth > 100) {
		return false;
	}
	char c = *in->p;
	if (c == '{' || c == '[') {
		char close = c == '{' ? '}' : ']';
		in->p++;
		ws(in);
		if (in->p < in->end && *in->p == close) {
			in->p++;
			return true;
		}
		for (;;) {
			if (c == '{') {
				ws(in);
				if (!string_ok(in)) {
					return false;
				}
				ws(in);
				if (in->p >= in->end || *in->p++ != ':') {
					return false;
				}
			}
			if (!value_ok(in, depth + 1)) {
				return false;
			}
			ws(in);
			if (in->p < in->end && *in->p == ',') {
				in->p++;
				continue;
			}
			if (in->p < in->end && *in->p == close) {
				in->p++;
				return true;
			}
			return false;
		}
	}
	if (c == '"') {
		return string_ok(in);
	}
	for (const char *literal = "true\0false\0null\0"; *literal; literal += strlen(literal) + 1) {
		size_t len = strlen(literal);
		if ((size_t) (in->end - in->p) >= len && memcmp(in->p, literal, len) == 0) {
			in->p += len;
			return true;
		}
	}
	char *number_end;
	strtod(in->p, &number_end);
	if (number_end == in->p || c == '+' || c == '.' || number_end > in->end) {
		return false;
	}
	in->p = number_end;
	return true;
}

static bool is_valid_json(const char *text, size_t len)
{
	json_in in = { text, text + len };
	if (!value_ok(&in, 0)) {
		return false;
	}
	ws(&in);
	return in.p == in.end;
}

static size_t count_occurrences(const char *haystack, const char *needle)
{
	size_t count = 0;
	for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle)) {
		count++;
	}
	return count;
}

/* ---- protobuf decode helpers ------------------------------------------------------------ */

static pb_request *decode_request(const spectra_buf *buf)
{
	return opentelemetry__proto__collector__trace__v1__export_trace_service_request__unpack(NULL, buf->len,
		(const uint8_t *) buf->data);
}

static void free_request(pb_request *request)
{
	opentelemetry__proto__collector__trace__v1__export_trace_service_request__free_unpacked(request, NULL);
}

static const pb_any_value *pb_find(pb_key_value **pairs, size_t count, const char *key)
{
	for (size_t i = 0; i < count; i++) {
		if (strcmp(pairs[i]->key, key) == 0) {
			return pairs[i]->value;
		}
	}
	return NULL;
}

static bool bytes_equal(ProtobufCBinaryData data, const uint8_t *expected, size_t len)
{
	return data.len == len && memcmp(data.data, expected, len) == 0;
}

/* ---- tests ------------------------------------------------------------------------------ */

static void test_attr_list(void)
{
	spectra_attr_list list;
	spectra_attr_list_init(&list);
	CHECK(spectra_attr_add_string(&list, "a", "one"));
	CHECK(spectra_attr_add_int(&list, "b", 2));
	CHECK(spectra_attr_add_string(&list, "a", "uno"));
	CHECK(list.count == 2);
	const spectra_attr *a = spectra_attr_find(&list, "a");
	CHECK(a && a->type == SPECTRA_ATTR_STRING && strcmp(a->value.str, "uno") == 0);
	CHECK(list.items[0].key == a->key); /* replaced in place, order kept */

	/* a replace may change the type, and frees the old value (valgrind checks) */
	const char *items[] = { "x", NULL };
	CHECK(spectra_attr_add_strings(&list, "a", items, 2));
	a = spectra_attr_find(&list, "a");
	CHECK(a && a->type == SPECTRA_ATTR_STRING_ARRAY && a->value.strings.count == 2
		&& strcmp(a->value.strings.items[1], "") == 0);
	CHECK(spectra_attr_add_double(&list, "a", 1.5));
	CHECK(spectra_attr_find(&list, "a")->type == SPECTRA_ATTR_DOUBLE);
	CHECK(spectra_attr_add_bool(&list, "b", false));
	CHECK(spectra_attr_find(&list, "b")->type == SPECTRA_ATTR_BOOL && list.count == 2);
	CHECK(spectra_attr_find(&list, "missing") == NULL);

	for (int i = 0; i < 40; i++) { /* grows past the first capacity */
		char key[16];
		snprintf(key, sizeof(key), "k%d", i);
		CHECK(spectra_attr_add_int(&list, key, i));
	}
	CHECK(list.count == 42 && spectra_attr_find(&list, "k39")->value.integer == 39);
	CHECK(spectra_attr_add_stringl(&list, "partial", "abcdef", 3)
		&& strcmp(spectra_attr_find(&list, "partial")->value.str, "abc") == 0);
	spectra_attr_list_free(&list);
	CHECK(list.count == 0 && list.items == NULL);

	spectra_span *span = spectra_span_new();
	CHECK(span && span->kind == SPECTRA_SPAN_KIND_INTERNAL && span->status_code == SPECTRA_STATUS_UNSET);
	CHECK(spectra_span_last_event(span) == NULL);
	CHECK(spectra_span_add_event(span, "e1", 1) && spectra_span_add_event(span, "e2", 2));
	CHECK(span->event_count == 2 && strcmp(spectra_span_last_event(span)->name, "e2") == 0);
	spectra_span_free(span);
	spectra_span_free(NULL);

	spectra_resource resource;
	make_resource(&resource);
	CHECK(resource.attrs.count == 2);
	CHECK(strcmp(spectra_attr_find(&resource.attrs, "service.name")->value.str, "billing") == 0);
	spectra_resource_free(&resource);
}

static void test_protobuf_roundtrip(void)
{
	spectra_resource resource;
	make_resource(&resource);
	spectra_span *span = make_full_span();
	spectra_buf out;
	spectra_buf_init(&out);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_PROTOBUF, &resource, &span, 1, &out));

	pb_request *request = decode_request(&out);
	if (!CHECK(request != NULL)) {
		goto done;
	}
	CHECK(request->n_resource_spans == 1);
	Opentelemetry__Proto__Trace__V1__ResourceSpans *rs = request->resource_spans[0];
	CHECK(rs->resource && rs->resource->n_attributes == 2);
	CHECK(strcmp(rs->resource->attributes[0]->key, "service.name") == 0
		&& strcmp(rs->resource->attributes[0]->value->string_value, "billing") == 0);
	CHECK(rs->n_scope_spans == 1);
	Opentelemetry__Proto__Trace__V1__ScopeSpans *ss = rs->scope_spans[0];
	CHECK(ss->scope && strcmp(ss->scope->name, "spectra") == 0 && strcmp(ss->scope->version, "0.1.0") == 0);
	CHECK(ss->n_spans == 1);
	pb_span *s = ss->spans[0];
	CHECK(bytes_equal(s->trace_id, trace_id, 16));
	CHECK(bytes_equal(s->span_id, span_id, 8));
	CHECK(bytes_equal(s->parent_span_id, parent_id, 8));
	CHECK(strcmp(s->trace_state, "vendor=abc") == 0);
	CHECK(strcmp(s->name, "chat gpt-4o") == 0);
	CHECK(s->kind == OPENTELEMETRY__PROTO__TRACE__V1__SPAN__SPAN_KIND__SPAN_KIND_CLIENT);
	CHECK(s->start_time_unix_nano == START_NS && s->end_time_unix_nano == END_NS);
	CHECK(s->flags == 0x301);
	CHECK(s->status && s->status->code == OPENTELEMETRY__PROTO__TRACE__V1__STATUS__STATUS_CODE__STATUS_CODE_ERROR);
	CHECK(s->status && strcmp(s->status->message, "rate limited \"429\"") == 0);
	CHECK(s->n_links == 0 && s->dropped_attributes_count == 0);

	CHECK(s->n_attributes == 9);
	for (size_t i = 0; i < s->n_attributes && i < span->attrs.count; i++) {
		CHECK(strcmp(s->attributes[i]->key, span->attrs.items[i].key) == 0); /* order kept */
	}
	const pb_any_value *v = pb_find(s->attributes, s->n_attributes, "gen_ai.provider.name");
	CHECK(v && v->value_case == ANY_CASE(STRING_VALUE) && strcmp(v->string_value, "openai") == 0);
	v = pb_find(s->attributes, s->n_attributes, "gen_ai.usage.input_tokens");
	CHECK(v && v->value_case == ANY_CASE(INT_VALUE) && v->int_value == 10);
	v = pb_find(s->attributes, s->n_attributes, "big.negative");
	CHECK(v && v->value_case == ANY_CASE(INT_VALUE) && v->int_value == INT64_MIN);
	v = pb_find(s->attributes, s->n_attributes, "gen_ai.request.stream");
	CHECK(v && v->value_case == ANY_CASE(BOOL_VALUE) && v->bool_value);
	v = pb_find(s->attributes, s->n_attributes, "gen_ai.request.temperature");
	CHECK(v && v->value_case == ANY_CASE(DOUBLE_VALUE) && v->double_value == 0.1);
	v = pb_find(s->attributes, s->n_attributes, "gen_ai.response.finish_reasons");
	CHECK(v && v->value_case == ANY_CASE(ARRAY_VALUE) && v->array_value->n_values == 2
		&& strcmp(v->array_value->values[0]->string_value, "stop") == 0
		&& strcmp(v->array_value->values[1]->string_value, "length") == 0);
	v = pb_find(s->attributes, s->n_attributes, "empty.list");
	CHECK(v && v->value_case == ANY_CASE(ARRAY_VALUE) && v->array_value->n_values == 0);
	v = pb_find(s->attributes, s->n_attributes, "text");
	CHECK(v && v->value_case == ANY_CASE(STRING_VALUE) && strcmp(v->string_value, "line1\nline2\ttab\\") == 0);

	CHECK(s->n_events == 2);
	if (s->n_events == 2) {
		CHECK(strcmp(s->events[0]->name, "exception") == 0 && s->events[0]->time_unix_nano == START_NS + 5);
		CHECK(s->events[0]->n_attributes == 2);
		v = pb_find(s->events[0]->attributes, s->events[0]->n_attributes, "exception.type");
		CHECK(v && strcmp(v->string_value, "RateLimitError") == 0);
		v = pb_find(s->events[0]->attributes, s->events[0]->n_attributes, "http.status");
		CHECK(v && v->int_value == 429);
		CHECK(strcmp(s->events[1]->name, "retry") == 0 && s->events[1]->n_attributes == 0);
	}
	free_request(request);

	/* wire details the facts file pins: flags = field 16 fixed32 (tag 85 01), times fixed64 (tags 39/41) */
	CHECK(memmem(out.data, out.len, "\x85\x01\x01\x03\x00\x00", 6) != NULL);
	uint8_t start_le[9] = { 0x39 };
	for (int i = 0; i < 8; i++) {
		start_le[1 + i] = (uint8_t) (START_NS >> (8 * i));
	}
	CHECK(memmem(out.data, out.len, start_le, 9) != NULL);

done:
	spectra_buf_free(&out);
	spectra_span_free(span);
	spectra_resource_free(&resource);
}

/* The resource packed once per process must give byte-identical requests. */
static void test_prepared_resource(void)
{
	spectra_resource resource;
	make_resource(&resource);
	spectra_span *spans[3] = { make_full_span(), make_full_span(), make_full_span() };
	spectra_buf packed_each_time, prepared;
	spectra_buf_init(&packed_each_time);
	spectra_buf_init(&prepared);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_PROTOBUF, &resource, spans, 3, &packed_each_time));
	CHECK(spectra_otlp_prepare_resource(&resource) && resource.protobuf_resource_len > 0);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_PROTOBUF, &resource, spans, 3, &prepared));
	CHECK(prepared.len == packed_each_time.len && memcmp(prepared.data, packed_each_time.data, prepared.len) == 0);
	pb_request *request = decode_request(&prepared);
	CHECK(request && request->n_resource_spans == 1 && request->resource_spans[0]->resource->n_attributes == 2
		&& request->resource_spans[0]->scope_spans[0]->n_spans == 3);
	if (request) {
		opentelemetry__proto__collector__trace__v1__export_trace_service_request__free_unpacked(request, NULL);
	}
	spectra_buf_free(&packed_each_time);
	spectra_buf_free(&prepared);
	for (int i = 0; i < 3; i++) {
		spectra_span_free(spans[i]);
	}
	spectra_resource_free(&resource);
}

static void test_protobuf_root_span_and_defaults(void)
{
	spectra_resource resource;
	spectra_resource_init(&resource);
	spectra_span *span = spectra_span_new();
	memcpy(span->trace_id, trace_id, 16);
	memcpy(span->span_id, span_id, 8);
	span->name = spectra_strdup("embeddings");
	spectra_buf out;
	spectra_buf_init(&out);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_PROTOBUF, &resource, &span, 1, &out));
	pb_request *request = decode_request(&out);
	if (CHECK(request != NULL)) {
		pb_span *s = request->resource_spans[0]->scope_spans[0]->spans[0];
		CHECK(s->parent_span_id.len == 0);
		CHECK(strcmp(s->trace_state, "") == 0);
		CHECK(s->flags == 0 && s->n_events == 0 && s->n_attributes == 0);
		CHECK(s->status && s->status->code == 0 && strcmp(s->status->message, "") == 0);
		CHECK(s->kind == OPENTELEMETRY__PROTO__TRACE__V1__SPAN__SPAN_KIND__SPAN_KIND_INTERNAL);
		CHECK(strcmp(request->resource_spans[0]->scope_spans[0]->scope->name, "") == 0);
		free_request(request);
	}
	/* flags 0 is not written at all */
	CHECK(memmem(out.data, out.len, "\x85\x01", 2) == NULL);

	/* zero spans: no empty envelope */
	spectra_buf empty;
	spectra_buf_init(&empty);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_PROTOBUF, &resource, NULL, 0, &empty) && empty.len == 0);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_JSON, &resource, NULL, 0, &empty));
	CHECK(empty.data && strcmp(empty.data, "{\"resourceSpans\":[]}") == 0);
	spectra_buf_free(&empty);

	spectra_buf_free(&out);
	spectra_span_free(span);
	spectra_resource_free(&resource);
}

static void test_json_encoding(void)
{
	spectra_resource resource;
	make_resource(&resource);
	spectra_span *span = make_full_span();
	spectra_attr_add_double(&span->attrs, "nan", NAN);
	spectra_attr_add_double(&span->attrs, "inf", -INFINITY);
	int failed_before = failed;
	spectra_buf out;
	spectra_buf_init(&out);
	CHECK(spectra_buf_append_str(&out, "prefix|")); /* encode appends */
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_JSON, &resource, &span, 1, &out));
	CHECK(strncmp(out.data, "prefix|", 7) == 0);
	const char *json = out.data + 7;
	size_t json_len = out.len - 7;
	CHECK(strlen(json) == json_len);
	CHECK(is_valid_json(json, json_len));

	const char *expected[] = {
		"{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"billing\"}}",
		"\"scopeSpans\":[{\"scope\":{\"name\":\"spectra\",\"version\":\"0.1.0\"},\"spans\":[{",
		"\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"",
		"\"spanId\":\"00f067aa0ba902b7\"",
		"\"parentSpanId\":\"deadbeef01020304\"",
		"\"traceState\":\"vendor=abc\"",
		"\"flags\":769",
		"\"name\":\"chat gpt-4o\"",
		"\"kind\":3",
		"\"startTimeUnixNano\":\"1700000000123456789\"",
		"\"endTimeUnixNano\":\"1700000000135802467\"",
		"{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"10\"}}",
		"{\"key\":\"big.negative\",\"value\":{\"intValue\":\"-9223372036854775808\"}}",
		"{\"key\":\"gen_ai.request.stream\",\"value\":{\"boolValue\":true}}",
		"{\"key\":\"gen_ai.request.temperature\",\"value\":{\"doubleValue\":0.1}}",
		"{\"key\":\"cost\",\"value\":{\"doubleValue\":123456.789}}",
		"{\"key\":\"gen_ai.response.finish_reasons\",\"value\":{\"arrayValue\":{\"values\":[{\"stringValue\":\"stop\"},{\"stringValue\":\"length\"}]}}}",
		"{\"key\":\"empty.list\",\"value\":{\"arrayValue\":{}}}",
		"{\"key\":\"text\",\"value\":{\"stringValue\":\"line1\\nline2\\ttab\\\\\"}}",
		"{\"key\":\"nan\",\"value\":{\"doubleValue\":\"NaN\"}}",
		"{\"key\":\"inf\",\"value\":{\"doubleValue\":\"-Infinity\"}}",
		"\"events\":[{\"timeUnixNano\":\"1700000000123456794\",\"name\":\"exception\",\"attributes\":[",
		"{\"timeUnixNano\":\"1700000000123456796\",\"name\":\"retry\"}]",
		"\"status\":{\"message\":\"rate limited \\\"429\\\"\",\"code\":2}}]}]}]}",
	};
	for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); i++) {
		if (!CHECK(strstr(json, expected[i]) != NULL)) {
			fprintf(stderr, "  missing: %s\n", expected[i]);
		}
	}
	/* no proto field names, no enum names */
	CHECK(strstr(json, "\"resource_spans\"") == NULL && strstr(json, "\"trace_id\"") == NULL
		&& strstr(json, "\"start_time_unix_nano\"") == NULL);
	CHECK(strstr(json, "SPAN_KIND") == NULL && strstr(json, "STATUS_CODE") == NULL);
	if (failed != failed_before) {
		fprintf(stderr, "  json: %s\n", json);
	}

	/* UNSET status with no message is an empty object */
	span->status_code = SPECTRA_STATUS_UNSET;
	free(span->status_message);
	span->status_message = NULL;
	spectra_buf second;
	spectra_buf_init(&second);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_JSON, &resource, &span, 1, &second));
	CHECK(strstr(second.data, "\"status\":{}}") != NULL && is_valid_json(second.data, second.len));
	spectra_buf_free(&second);

	spectra_buf_free(&out);
	spectra_span_free(span);
	spectra_resource_free(&resource);
}

static void test_double_text(void)
{
	struct {
		double value;
		const char *text;
	} cases[] = {
		{ 0.1, "0.1" },
		{ -2.5, "-2.5" },
		{ 3.0, "3" },
		{ 1e300, "1e+300" },
		{ -1.5e-7, "-1.5e-07" },
		{ 0.30000000000000004, "0.30000000000000004" },
		{ NAN, "NaN" },
		{ INFINITY, "Infinity" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		spectra_buf out;
		spectra_buf_init(&out);
		CHECK(spectra_otlp_append_double(&out, cases[i].value));
		if (!CHECK(out.data && strcmp(out.data, cases[i].text) == 0)) {
			fprintf(stderr, "  got %s, want %s\n", out.data, cases[i].text);
		}
		spectra_buf_free(&out);
	}
	/* a comma locale must not leak into JSON numbers (skipped where none is installed) */
	const char *locales[] = { "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "ru_RU.UTF-8", NULL };
	for (size_t i = 0; locales[i]; i++) {
		if (setlocale(LC_NUMERIC, locales[i])) {
			spectra_buf out;
			spectra_buf_init(&out);
			CHECK(spectra_otlp_append_double(&out, 1234.5) && strcmp(out.data, "1234.5") == 0);
			spectra_buf_free(&out);
			break;
		}
	}
	setlocale(LC_NUMERIC, "C");
}

static void test_merge(void)
{
	spectra_resource resource;
	make_resource(&resource);
	spectra_span *spans[3];
	for (int i = 0; i < 3; i++) {
		spans[i] = make_full_span();
		spans[i]->span_id[7] = (uint8_t) i;
	}

	for (int format = SPECTRA_OTLP_PROTOBUF; format <= SPECTRA_OTLP_JSON; format++) {
		spectra_buf parts[4];
		for (int i = 0; i < 4; i++) {
			spectra_buf_init(&parts[i]);
		}
		/* parts: 1 span, 2 spans, 0 spans (empty request), and again 0 spans at the end */
		CHECK(spectra_otlp_encode(format, &resource, &spans[0], 1, &parts[0]));
		CHECK(spectra_otlp_encode(format, &resource, &spans[1], 2, &parts[1]));
		CHECK(spectra_otlp_encode(format, &resource, NULL, 0, &parts[2]));
		spectra_buf merged;
		spectra_buf_init(&merged);
		CHECK(spectra_otlp_merge(format, parts, 3, &merged));

		if (format == SPECTRA_OTLP_PROTOBUF) {
			CHECK(merged.len == parts[0].len + parts[1].len);
			pb_request *request = decode_request(&merged);
			if (CHECK(request != NULL)) {
				CHECK(request->n_resource_spans == 2);
				size_t total = 0;
				for (size_t i = 0; i < request->n_resource_spans; i++) {
					total += request->resource_spans[i]->scope_spans[0]->n_spans;
				}
				CHECK(total == 3);
				CHECK(request->resource_spans[1]->scope_spans[0]->spans[1]->span_id.data[7] == 2);
				free_request(request);
			}
		} else {
			CHECK(is_valid_json(merged.data, merged.len));
			CHECK(count_occurrences(merged.data, "\"resourceSpans\"") == 1);
			CHECK(count_occurrences(merged.data, "\"scopeSpans\"") == 2);
			CHECK(count_occurrences(merged.data, "\"spanId\"") == 3);
			CHECK(strstr(merged.data, "\"spanId\":\"00f067aa0ba90202\"") != NULL);
			CHECK(strncmp(merged.data, "{\"resourceSpans\":[{\"resource\"", 29) == 0);

			/* pretty-printed parts are accepted; a part of another shape is refused */
			spectra_buf pretty[2];
			spectra_buf_init(&pretty[0]);
			spectra_buf_init(&pretty[1]);
			spectra_buf_append_str(&pretty[0], " {\n  \"resourceSpans\" : [ {\"a\":1} ,{\"b\":[]}\n ]\n}\n");
			spectra_buf_append_str(&pretty[1], "{\"resourceSpans\":[{\"c\":\"]}\"}]}");
			spectra_buf joined;
			spectra_buf_init(&joined);
			CHECK(spectra_otlp_merge(SPECTRA_OTLP_JSON, pretty, 2, &joined));
			CHECK(
				joined.data && strcmp(joined.data, "{\"resourceSpans\":[{\"a\":1} ,{\"b\":[]},{\"c\":\"]}\"}]}") == 0);
			size_t len_before = joined.len;
			spectra_buf_free(&pretty[1]);
			spectra_buf_append_str(&pretty[1], "{\"resourceSpans\":[],\"extra\":1}");
			CHECK(!spectra_otlp_merge(SPECTRA_OTLP_JSON, pretty, 2, &joined) && joined.len == len_before);
			spectra_buf_free(&pretty[1]);
			spectra_buf_append_str(&pretty[1], "{\"resourceSpans\":[{]}");
			CHECK(!spectra_otlp_merge(SPECTRA_OTLP_JSON, pretty, 2, &joined) && joined.len == len_before);
			spectra_buf_free(&joined);
			spectra_buf_free(&pretty[0]);
			spectra_buf_free(&pretty[1]);
		}
		spectra_buf none;
		spectra_buf_init(&none);
		CHECK(spectra_otlp_merge(format, parts, 0, &none));
		CHECK(format == SPECTRA_OTLP_PROTOBUF ? none.len == 0 : strcmp(none.data, "{\"resourceSpans\":[]}") == 0);
		spectra_buf_free(&none);
		spectra_buf_free(&merged);
		for (int i = 0; i < 4; i++) {
			spectra_buf_free(&parts[i]);
		}
	}
	for (int i = 0; i < 3; i++) {
		spectra_span_free(spans[i]);
	}
	spectra_resource_free(&resource);
}

/* The source ranges merge splices, and the lenient mode the response reader uses. */
static bool slice_is(const char *text, const spectra_json_value *value, const char *expected)
{
	size_t len = strlen(expected);
	return value->end >= value->start && value->end - value->start == len
		&& memcmp(text + value->start, expected, len) == 0;
}

static void test_json_reader_for_otlp(void)
{
	spectra_json_value root;
	const char *text = "\xEF\xBB\xBF {\"k\" : [ \"a\\\"]\" , -1.5e3,{\"x\":[]} ,null ], \"t\":true}\n";
	if (CHECK(spectra_json_parse(text, strlen(text), &root, NULL))) {
		CHECK(root.start == 4 && root.end == strlen(text) - 1);
		const spectra_json_value *k = spectra_json_object_get(&root, "k");
		CHECK(k && slice_is(text, k, "[ \"a\\\"]\" , -1.5e3,{\"x\":[]} ,null ]"));
		if (k && k->as.array.count == 4) {
			CHECK(slice_is(text, &k->as.array.items[0], "\"a\\\"]\""));
			CHECK(slice_is(text, &k->as.array.items[1], "-1.5e3"));
			CHECK(slice_is(text, &k->as.array.items[2], "{\"x\":[]}"));
			CHECK(slice_is(text, &k->as.array.items[2].as.object.members[0].value, "[]"));
			CHECK(slice_is(text, &k->as.array.items[3], "null"));
		}
		CHECK(slice_is(text, spectra_json_object_get(&root, "t"), "true"));
		spectra_json_free(&root);
	}

	/* lenient: bad bytes kept, unpaired surrogate escapes become U+FFFD, the rest strict */
	struct {
		const char *in;
		const char *out;
		bool strict_ok;
	} lenient[] = {
		{ "\"raw \xFF\xC0\xAF\"", "raw \xFF\xC0\xAF", false },
		{ "\"\\ud800\"", "\xEF\xBF\xBD", false },
		{ "\"\\udc00x\"", "\xEF\xBF\xBDx", false },
		{ "\"\\ud800\\u0041\"",
			"\xEF\xBF\xBD"
			"A",
			false },
		{ "\"\\ud800\\ud83d\\ude00\"", "\xEF\xBF\xBD\xF0\x9F\x98\x80", false },
		{ "\"\\ud83d\\ude00\"", "\xF0\x9F\x98\x80", true },
	};
	for (size_t i = 0; i < sizeof lenient / sizeof lenient[0]; i++) {
		const char *in = lenient[i].in;
		CHECK(spectra_json_parse(in, strlen(in), &root, NULL) == lenient[i].strict_ok);
		spectra_json_free(&root);
		bool ok = spectra_json_parse_ex(in, strlen(in), SPECTRA_JSON_ALLOW_INVALID_UTF8, &root, NULL);
		if (!CHECK(ok && root.type == SPECTRA_JSON_STRING && strcmp(root.as.string.chars, lenient[i].out) == 0)) {
			fprintf(stderr, "  lenient case %zu\n", i);
		}
		spectra_json_free(&root);
	}
	const char *still_bad[] = { "\"\\ud800\\u12\"", "\"a\tb\"", "[1,]", "\"\\x\"" };
	for (size_t i = 0; i < sizeof still_bad / sizeof still_bad[0]; i++) {
		CHECK(!spectra_json_parse_ex(still_bad[i], strlen(still_bad[i]), SPECTRA_JSON_ALLOW_INVALID_UTF8, &root, NULL));
	}
}

/* Parts of any other shape than {"resourceSpans":[...]} are refused, leaving out unchanged. */
static void test_merge_json_shapes(void)
{
	const char *refused[] = {
		"",
		" ",
		"{}",
		"[]",
		"null",
		"{\"resourceSpans\":{}}",
		"{\"resourceSpans\":null}",
		"{\"resourcespans\":[]}",
		"{\"resourceSpans\":[],\"resourceSpans\":[]}",
		"{\"extra\":1,\"resourceSpans\":[]}",
		"{\"resourceSpans\":[]} {}",
		"{\"resourceSpans\":[]",
		"{\"resourceSpans\":[1,]}",
		"\xEF\xBB\xBF{\"resourceSpans\":[]}",
		"{\"resourceSpans\":[\"\xFF\"]}",
	};
	spectra_buf good;
	spectra_buf_init(&good);
	spectra_buf_append_str(&good, "{\"resourceSpans\":[{\"g\":1}]}");
	spectra_buf out;
	spectra_buf_init(&out);
	spectra_buf_append_str(&out, "prefix");
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		spectra_buf parts[2] = { good, { (char *) refused[i], strlen(refused[i]), strlen(refused[i]) } };
		if (!CHECK(!spectra_otlp_merge_json(parts, 2, &out) && strcmp(out.data, "prefix") == 0)) {
			fprintf(stderr, "  refused case %zu: %s\n", i, refused[i]);
		}
	}
	spectra_buf null_part = { NULL, 0, 0 };
	CHECK(!spectra_otlp_merge_json(&null_part, 1, &out) && strcmp(out.data, "prefix") == 0);

	/* parts need no NUL terminator; empty arrays add nothing; items keep their own text */
	const char *sliced = "{\"resourceSpans\":[{\"s\":\"\\u00e9\"}]}GARBAGE";
	spectra_buf parts[3] = {
		{ (char *) sliced, strlen(sliced) - 7, strlen(sliced) },
		{ (char *) "\t{ \"resourceSpans\" : [ ] }\r\n", 28, 28 },
		good,
	};
	CHECK(spectra_otlp_merge_json(parts, 3, &out));
	CHECK(strcmp(out.data, "prefix{\"resourceSpans\":[{\"s\":\"\\u00e9\"},{\"g\":1}]}") == 0);
	spectra_buf_free(&out);
	spectra_buf_free(&good);
}

static void test_utf8(void)
{
	/* maximal subparts each become one U+FFFD */
	struct {
		const char *in;
		size_t len;
		const char *out;
	} cases[] = {
		{ "plain", 5, "plain" },
		{ "caf\xC3\xA9 \xF0\x9F\x98\x80", 10, "caf\xC3\xA9 \xF0\x9F\x98\x80" },
		{ "a\xFF"
		  "b",
			3,
			"a\xEF\xBF\xBD"
			"b" },
		{ "\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD" },                 /* overlong: two bad bytes */
		{ "\xED\xA0\x80", 3, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" }, /* surrogate */
		{ "\xF0\x9F\x98"
		  "x",
			4,
			"\xEF\xBF\xBD"
			"x" },                                                                     /* truncated 4-byte */
		{ "\xF4\x90\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" }, /* > U+10FFFF */
		{ "end\xE2\x82", 5, "end\xEF\xBF\xBD" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		spectra_buf out;
		spectra_buf_init(&out);
		CHECK(spectra_utf8_append_sanitized(&out, cases[i].in, cases[i].len));
		if (!CHECK(out.len == strlen(cases[i].out) && memcmp(out.data, cases[i].out, out.len) == 0)) {
			fprintf(stderr, "  utf8 case %zu\n", i);
		}
		CHECK(spectra_utf8_is_valid(out.data, out.len));
		CHECK(spectra_utf8_is_valid(cases[i].in, cases[i].len) == (strcmp(cases[i].in, cases[i].out) == 0));
		spectra_buf_free(&out);
	}

	spectra_buf escaped;
	spectra_buf_init(&escaped);
	CHECK(spectra_utf8_append_json_string(&escaped, "\"\x01\x7F\xE2\x80\xA8/\xFF", 8));
	CHECK(strcmp(escaped.data, "\"\\\"\\u0001\\u007f\\u2028/\xEF\xBF\xBD\"") == 0);
	spectra_buf_free(&escaped);

	/* invalid UTF-8 in every kind of string reaches neither output */
	spectra_resource resource;
	spectra_resource_init(&resource);
	spectra_attr_add_string(&resource.attrs, "host\xFF", "box\xC3");
	resource.scope_name = spectra_strdup("scope\xE0\x80");
	spectra_span *span = make_full_span();
	free(span->name);
	span->name = spectra_strdup("chat \xFFmodel");
	free(span->status_message);
	span->status_message = spectra_strdup("bad \xED\xBF\xBF");
	spectra_attr_add_string(&span->attrs, "gen_ai.prompt", "hi \xF8\x88\x80\x80\x80 there");
	const char *items[] = { "ok", "\x80" };
	spectra_attr_add_strings(&span->attrs, "list", items, 2);
	spectra_attr_add_string(&span->events[0].attrs, "msg", "\xC1\xBF");

	spectra_buf json;
	spectra_buf_init(&json);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_JSON, &resource, &span, 1, &json));
	CHECK(is_valid_json(json.data, json.len));
	CHECK(spectra_utf8_is_valid(json.data, json.len));
	CHECK(strstr(json.data, "\"name\":\"chat \xEF\xBF\xBDmodel\"") != NULL);
	CHECK(strstr(json.data, "\"key\":\"host\xEF\xBF\xBD\",\"value\":{\"stringValue\":\"box\xEF\xBF\xBD\"}") != NULL);
	spectra_buf_free(&json);

	spectra_buf pb;
	spectra_buf_init(&pb);
	CHECK(spectra_otlp_encode(SPECTRA_OTLP_PROTOBUF, &resource, &span, 1, &pb));
	pb_request *request = decode_request(&pb);
	if (CHECK(request != NULL)) {
		Opentelemetry__Proto__Trace__V1__ResourceSpans *rs = request->resource_spans[0];
		pb_span *s = rs->scope_spans[0]->spans[0];
		CHECK(strcmp(s->name, "chat \xEF\xBF\xBDmodel") == 0);
		CHECK(strcmp(rs->resource->attributes[0]->key, "host\xEF\xBF\xBD") == 0);
		CHECK(strcmp(rs->resource->attributes[0]->value->string_value, "box\xEF\xBF\xBD") == 0);
		CHECK(strcmp(rs->scope_spans[0]->scope->name, "scope\xEF\xBF\xBD\xEF\xBF\xBD") == 0);
		CHECK(strcmp(s->status->message, "bad \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD") == 0);
		const pb_any_value *v = pb_find(s->attributes, s->n_attributes, "list");
		CHECK(v && strcmp(v->array_value->values[1]->string_value, "\xEF\xBF\xBD") == 0);
		/* every string in the message is valid UTF-8 */
		bool all_valid = spectra_utf8_is_valid(s->name, strlen(s->name));
		for (size_t i = 0; i < s->n_attributes; i++) {
			all_valid = all_valid && spectra_utf8_is_valid(s->attributes[i]->key, strlen(s->attributes[i]->key));
			if (s->attributes[i]->value->value_case == ANY_CASE(STRING_VALUE)) {
				const char *str = s->attributes[i]->value->string_value;
				all_valid = all_valid && spectra_utf8_is_valid(str, strlen(str));
			}
		}
		const pb_any_value *msg = pb_find(s->events[0]->attributes, s->events[0]->n_attributes, "msg");
		all_valid = all_valid && msg && strcmp(msg->string_value, "\xEF\xBF\xBD\xEF\xBF\xBD") == 0;
		CHECK(all_valid);
		free_request(request);
	}
	spectra_buf_free(&pb);
	spectra_span_free(span);
	spectra_resource_free(&resource);
}

static void test_console(void)
{
	spectra_span *span = make_full_span();
	spectra_attr_add_string(&span->attrs, "odd key=", "v");
	spectra_buf out;
	spectra_buf_init(&out);
	CHECK(spectra_otlp_format_console(span, &out));
	const char *expected =
		"span chat gpt-4o trace=4bf92f3577b34da6a3ce929d0e0e4736 span=00f067aa0ba902b7 parent=deadbeef01020304"
		" kind=CLIENT status=ERROR status_message=\"rate limited \\\"429\\\"\" duration_ms=12.345"
		" events=[\"exception\",\"retry\"]"
		" gen_ai.provider.name=\"openai\" gen_ai.usage.input_tokens=10 big.negative=-9223372036854775808"
		" gen_ai.request.stream=true gen_ai.request.temperature=0.1 cost=123456.789"
		" gen_ai.response.finish_reasons=[\"stop\",\"length\"] empty.list=[] text=\"line1\\nline2\\ttab\\\\\""
		" \"odd key=\"=\"v\"";
	if (!CHECK(out.data && strcmp(out.data, expected) == 0)) {
		fprintf(stderr, "  got:  %s\n  want: %s\n", out.data, expected);
	}
	CHECK(strchr(out.data, '\n') == NULL);
	spectra_buf_free(&out);

	spectra_span *root = spectra_span_new();
	root->name = spectra_strdup("bad\nname");
	root->start_time_unix_nano = 2000000;
	root->end_time_unix_nano = 1000000;
	root->kind = 9;
	CHECK(spectra_otlp_format_console(root, &out));
	CHECK(strstr(out.data, "span \"bad\\nname\" trace=0000") == out.data);
	CHECK(strstr(out.data, " parent=- kind=9 status=UNSET duration_ms=-1.000") != NULL);
	spectra_buf_free(&out);
	spectra_span_free(root);
	spectra_span_free(span);
}

static void check_response(spectra_otlp_format format, const char *body, size_t len, bool expect_ok,
	int64_t expect_rejected, const char *expect_message, int line)
{
	int64_t rejected = -99;
	char *message = (char *) "sentinel";
	bool ok = spectra_otlp_parse_response(format, body, len, &rejected, &message);
	bool good = ok == expect_ok && (!ok || rejected == expect_rejected)
		&& (expect_message ? message && strcmp(message, expect_message) == 0 : message == NULL);
	if (!check(good, "parse_response", __FILE__, line)) {
		fprintf(stderr, "  format %d body %.*s: ok=%d rejected=%lld message=%s\n", format, (int) len, body, ok,
			(long long) rejected, message ? message : "(null)");
	}
	free(message);
}

#define RESPONSE(format, body, ok, rejected, message) \
	check_response(format, body, sizeof(body) - 1, ok, rejected, message, __LINE__)

static void test_parse_response(void)
{
	/* protobuf */
	check_response(SPECTRA_OTLP_PROTOBUF, NULL, 0, true, 0, NULL, __LINE__);
	RESPONSE(SPECTRA_OTLP_PROTOBUF, "", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_PROTOBUF, "\x0A\x00", true, 0, NULL); /* partial_success present but empty */

	pb_partial_success partial = OPENTELEMETRY__PROTO__COLLECTOR__TRACE__V1__EXPORT_TRACE_PARTIAL_SUCCESS__INIT;
	partial.rejected_spans = 3;
	partial.error_message = (char *) "3 spans had no name";
	pb_response response = OPENTELEMETRY__PROTO__COLLECTOR__TRACE__V1__EXPORT_TRACE_SERVICE_RESPONSE__INIT;
	response.partial_success = &partial;
	uint8_t packed[128];
	size_t packed_len = protobuf_c_message_pack(&response.base, packed);
	check_response(SPECTRA_OTLP_PROTOBUF, (const char *) packed, packed_len, true, 3, "3 spans had no name", __LINE__);

	partial.rejected_spans = 0;
	partial.error_message = (char *) "warning only";
	packed_len = protobuf_c_message_pack(&response.base, packed);
	check_response(SPECTRA_OTLP_PROTOBUF, (const char *) packed, packed_len, true, 0, "warning only", __LINE__);

	RESPONSE(SPECTRA_OTLP_PROTOBUF, "\x0A\x05\x08\x02", false, 0, NULL);        /* truncated */
	RESPONSE(SPECTRA_OTLP_PROTOBUF, "\xFF\xFF\xFF\xFF", false, 0, NULL);        /* garbage */
	RESPONSE(SPECTRA_OTLP_PROTOBUF, "{\"partialSuccess\":{}}", false, 0, NULL); /* JSON sent as protobuf */

	/* JSON */
	check_response(SPECTRA_OTLP_JSON, NULL, 0, true, 0, NULL, __LINE__);
	RESPONSE(SPECTRA_OTLP_JSON, "", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, " \r\n", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{}", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{}}", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":null}", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":\"5\",\"errorMessage\":\"too big\"}}", true, 5,
		"too big");
	RESPONSE(SPECTRA_OTLP_JSON,
		" { \"other\" : [1, {\"x\": null}, \"s\"], \"partialSuccess\" : { \"errorMessage\" : \"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\"\","
		" \"rejectedSpans\" : 7 , \"future\": {\"deep\": [true, false, -1.5e3]} } } ",
		true, 7, "caf\xC3\xA9 \xF0\x9F\x98\x80 \"q\"");
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":0,\"errorMessage\":\"warn\"}}", true, 0,
		"warn");
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"errorMessage\":\"lone \\ud800 x\"}}", true, 0,
		"lone \xEF\xBF\xBD x");
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"errorMessage\":\"raw \xFF\"}}", true, 0, "raw \xEF\xBF\xBD");
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":\"9223372036854775807\"}}", true, INT64_MAX,
		NULL);

	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":\"abc\"}}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":1.5}}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":\"99999999999999999999\"}}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":2}} trailing", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "[1,2]", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"a\":tru}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"a\":\"unterminated}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"a\":01}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"a\":1,}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "\x0A\x02\x08\x03", false, 0, NULL); /* protobuf sent as JSON */

	/* field types, nulls and repeated keys (the last one wins) */
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":-3}}", true, -3, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":\"007\"}}", true, 7, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":null,\"errorMessage\":null}}", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"errorMessage\":\"\"}}", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":4,\"rejectedSpans\":\"6\"}}", true, 6, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"errorMessage\":\"a\",\"errorMessage\":null}}", true, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON,
		"{\"partialSuccess\":{\"rejectedSpans\":1,\"errorMessage\":\"a\"},\"partialSuccess\":{\"errorMessage\":\"b\"}}",
		true, 1, "b");
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":\"x\",\"rejectedSpans\":1}}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":true}}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":\" 5\"}}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"rejectedSpans\":1e2}}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"errorMessage\":5}}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":3}", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "null", false, 0, NULL);
	RESPONSE(SPECTRA_OTLP_JSON, "{\"partialSuccess\":{\"errorMessage\":\"x\\ud800\\u0041 \xC0\xAF\"}}", true, 0,
		"x\xEF\xBF\xBD"
		"A \xEF\xBF\xBD\xEF\xBF\xBD");

	/* nesting deeper than the reader allows is refused rather than recursing on */
	spectra_buf deep;
	spectra_buf_init(&deep);
	spectra_buf_append_str(&deep, "{\"x\":");
	for (int i = 0; i < 10000; i++) {
		spectra_buf_append_char(&deep, '[');
	}
	check_response(SPECTRA_OTLP_JSON, deep.data, deep.len, false, 0, NULL, __LINE__);
	spectra_buf_free(&deep);
}

int main(void)
{
	test_attr_list();
	test_protobuf_roundtrip();
	test_protobuf_root_span_and_defaults();
	test_prepared_resource();
	test_json_encoding();
	test_double_text();
	test_merge();
	test_json_reader_for_otlp();
	test_merge_json_shapes();
	test_utf8();
	test_console();
	test_parse_response();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
