/* OTLP/HTTP binary encoding. Spans are written by span_wire.c; protobuf-c packs the scope,
 * the resource (once per process), spans whose strings need UTF-8 repair, and parses the
 * collector's response. Its message tree borrows the span's strings wherever they are
 * valid UTF-8; everything the tree itself needs comes from a per-call arena. */
#include "encode_protobuf.h"

#include <stdlib.h>
#include <string.h>

#include "span_wire.h"
#include "utf8.h"
#include "opentelemetry/proto/collector/trace/v1/trace_service.pb-c.h"

typedef Opentelemetry__Proto__Common__V1__AnyValue pb_any_value;
typedef Opentelemetry__Proto__Common__V1__ArrayValue pb_array_value;
typedef Opentelemetry__Proto__Common__V1__KeyValue pb_key_value;
typedef Opentelemetry__Proto__Common__V1__InstrumentationScope pb_scope;
typedef Opentelemetry__Proto__Resource__V1__Resource pb_resource;
typedef Opentelemetry__Proto__Trace__V1__ResourceSpans pb_resource_spans;
typedef Opentelemetry__Proto__Trace__V1__ScopeSpans pb_scope_spans;
typedef Opentelemetry__Proto__Trace__V1__Span pb_span;
typedef Opentelemetry__Proto__Trace__V1__Span__Event pb_event;
typedef Opentelemetry__Proto__Trace__V1__Status pb_status;
typedef Opentelemetry__Proto__Collector__Trace__V1__ExportTraceServiceRequest pb_request;
typedef Opentelemetry__Proto__Collector__Trace__V1__ExportTraceServiceResponse pb_response;

/* ---- arena: every allocation of one encode call, freed together ---------------------- */

typedef struct {
	void **blocks;
	size_t count;
	size_t cap;
	bool failed; /* sticky, so builders can run to the end and check once */
} pb_arena;

static void *arena_adopt(pb_arena *arena, void *block)
{
	if (!block) {
		arena->failed = true;
		return NULL;
	}
	if (arena->count == arena->cap) {
		size_t cap = arena->cap ? arena->cap * 2 : 32;
		void **grown = realloc(arena->blocks, cap * sizeof(*grown));
		if (!grown) {
			free(block);
			arena->failed = true;
			return NULL;
		}
		arena->blocks = grown;
		arena->cap = cap;
	}
	arena->blocks[arena->count++] = block;
	return block;
}

static void *arena_calloc(pb_arena *arena, size_t count, size_t size)
{
	if (count == 0 || arena->failed) {
		return NULL;
	}
	return arena_adopt(arena, calloc(count, size));
}

static void arena_free(pb_arena *arena)
{
	for (size_t i = 0; i < arena->count; i++) {
		free(arena->blocks[i]);
	}
	free(arena->blocks);
}

/* protobuf string fields must hold valid UTF-8 (strict decoders reject the whole
 * request otherwise), so invalid input is sent repaired rather than as is. */
static char *pb_string(pb_arena *arena, const char *str)
{
	if (!str) {
		return (char *) protobuf_c_empty_string;
	}
	size_t len = strlen(str);
	if (spectra_utf8_is_valid(str, len)) {
		return (char *) str; /* borrowed: pack only reads it */
	}
	spectra_buf repaired;
	spectra_buf_init(&repaired);
	if (!spectra_utf8_append_sanitized(&repaired, str, len)) {
		spectra_buf_free(&repaired);
		arena->failed = true;
		return (char *) protobuf_c_empty_string;
	}
	char *copy = arena_adopt(arena, spectra_buf_detach(&repaired, NULL));
	return copy ? copy : (char *) protobuf_c_empty_string;
}

static ProtobufCBinaryData pb_bytes(const uint8_t *bytes, size_t len)
{
	ProtobufCBinaryData data = { len, (uint8_t *) bytes };
	return data;
}

/* ---- building the message tree ------------------------------------------------------- */

static void fill_any_value(pb_arena *arena, pb_any_value *value, const spectra_attr *attr)
{
	opentelemetry__proto__common__v1__any_value__init(value);
	switch (attr->type) {
	case SPECTRA_ATTR_STRING:
		value->value_case = OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_STRING_VALUE;
		value->string_value = pb_string(arena, attr->value.str);
		break;
	case SPECTRA_ATTR_BOOL:
		value->value_case = OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_BOOL_VALUE;
		value->bool_value = attr->value.boolean;
		break;
	case SPECTRA_ATTR_INT:
		value->value_case = OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_INT_VALUE;
		value->int_value = attr->value.integer;
		break;
	case SPECTRA_ATTR_DOUBLE:
		value->value_case = OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_DOUBLE_VALUE;
		value->double_value = attr->value.dbl;
		break;
	case SPECTRA_ATTR_STRING_ARRAY: {
		size_t count = attr->value.strings.count;
		pb_array_value *array = arena_calloc(arena, 1, sizeof(*array));
		pb_any_value *items = arena_calloc(arena, count, sizeof(*items));
		pb_any_value **item_ptrs = arena_calloc(arena, count, sizeof(*item_ptrs));
		if (!array || (count && (!items || !item_ptrs))) {
			arena->failed = true;
			return;
		}
		opentelemetry__proto__common__v1__array_value__init(array);
		for (size_t i = 0; i < count; i++) {
			opentelemetry__proto__common__v1__any_value__init(&items[i]);
			items[i].value_case = OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_STRING_VALUE;
			items[i].string_value = pb_string(arena, attr->value.strings.items[i]);
			item_ptrs[i] = &items[i];
		}
		array->n_values = count;
		array->values = item_ptrs;
		/* an empty array is still an array value, so it is sent rather than dropped */
		value->value_case = OPENTELEMETRY__PROTO__COMMON__V1__ANY_VALUE__VALUE_ARRAY_VALUE;
		value->array_value = array;
		break;
	}
	}
}

/* Returns the KeyValue pointer array for a repeated attributes field (NULL when empty). */
static pb_key_value **build_attributes(pb_arena *arena, const spectra_attr_list *list)
{
	size_t count = list->count;
	pb_key_value *pairs = arena_calloc(arena, count, sizeof(*pairs));
	pb_any_value *values = arena_calloc(arena, count, sizeof(*values));
	pb_key_value **pair_ptrs = arena_calloc(arena, count, sizeof(*pair_ptrs));
	if (!pairs || !values || !pair_ptrs) {
		return NULL;
	}
	for (size_t i = 0; i < count; i++) {
		const spectra_attr *attr = &list->items[i];
		opentelemetry__proto__common__v1__key_value__init(&pairs[i]);
		pairs[i].key = pb_string(arena, attr->key);
		fill_any_value(arena, &values[i], attr);
		pairs[i].value = &values[i];
		pair_ptrs[i] = &pairs[i];
	}
	return pair_ptrs;
}

static void fill_span(pb_arena *arena, pb_span *out, pb_status *status, spectra_span *span)
{
	opentelemetry__proto__trace__v1__span__init(out);
	out->trace_id = pb_bytes(span->trace_id, sizeof(span->trace_id));
	out->span_id = pb_bytes(span->span_id, sizeof(span->span_id));
	if (span->has_parent) {
		out->parent_span_id = pb_bytes(span->parent_span_id, sizeof(span->parent_span_id));
	}
	out->trace_state = pb_string(arena, span->trace_state);
	out->name = pb_string(arena, span->name);
	out->kind = (Opentelemetry__Proto__Trace__V1__Span__SpanKind) span->kind;
	out->start_time_unix_nano = span->start_time_unix_nano;
	out->end_time_unix_nano = span->end_time_unix_nano;
	out->n_attributes = span->attrs.count;
	out->attributes = build_attributes(arena, &span->attrs);
	out->flags = span->flags;

	size_t event_count = span->event_count;
	pb_event *events = arena_calloc(arena, event_count, sizeof(*events));
	pb_event **event_ptrs = arena_calloc(arena, event_count, sizeof(*event_ptrs));
	if (event_count && (!events || !event_ptrs)) {
		return;
	}
	for (size_t i = 0; i < event_count; i++) {
		const spectra_span_event *event = &span->events[i];
		opentelemetry__proto__trace__v1__span__event__init(&events[i]);
		events[i].time_unix_nano = event->time_unix_nano;
		events[i].name = pb_string(arena, event->name);
		events[i].n_attributes = event->attrs.count;
		events[i].attributes = build_attributes(arena, &event->attrs);
		event_ptrs[i] = &events[i];
	}
	out->n_events = event_count;
	out->events = event_ptrs;

	/* Status is always present (empty when UNSET), as the reference SDKs send it. */
	opentelemetry__proto__trace__v1__status__init(status);
	status->code = (Opentelemetry__Proto__Trace__V1__Status__StatusCode) span->status_code;
	status->message = pb_string(arena, span->status_message);
	out->status = status;
}

/* Wire tags of the length-delimited fields 1 and 2 (field << 3 | wire type 2). */
enum { FIELD_1_LEN = 0x0A, FIELD_2_LEN = 0x12 };

bool spectra_otlp_pack_span_protobuf_c(spectra_span *span, spectra_buf *out)
{
	pb_arena arena = { 0 };
	pb_span message;
	pb_status status;
	fill_span(&arena, &message, &status, span);
	bool ok = false;
	if (!arena.failed) {
		size_t size = protobuf_c_message_get_packed_size(&message.base);
		if (spectra_buf_reserve(out, size)) {
			out->len += protobuf_c_message_pack(&message.base, (uint8_t *) out->data + out->len);
			out->data[out->len] = '\0';
			ok = true;
		}
	}
	arena_free(&arena);
	return ok;
}

/* Appends one span as a ScopeSpans.spans field: written by span_wire.c, or packed by
 * protobuf-c when one of its strings needs UTF-8 repair. */
static bool append_span(spectra_buf *out, spectra_span *span, spectra_span_wire_scratch *scratch)
{
	scratch->count = scratch->next = 0;
	size_t size = 0;
	spectra_span_wire_status status = spectra_span_wire_size(span, scratch, &size);
	if (status == SPECTRA_SPAN_WIRE_OK) {
		if (!spectra_buf_reserve(out, 1 + 10 + size)) {
			return false;
		}
		uint8_t *start = (uint8_t *) out->data + out->len;
		uint8_t *cursor = spectra_wire_put_header(start, FIELD_2_LEN, size);
		cursor = spectra_span_wire_write(span, scratch, cursor);
		out->len += (size_t) (cursor - start);
		return true;
	}
	if (status != SPECTRA_SPAN_WIRE_NOT_UTF8) {
		return false;
	}
	spectra_buf packed;
	spectra_buf_init(&packed);
	bool ok = spectra_otlp_pack_span_protobuf_c(span, &packed) && spectra_buf_reserve(out, 1 + 10 + packed.len);
	if (ok) {
		uint8_t *start = (uint8_t *) out->data + out->len;
		uint8_t *cursor = spectra_wire_put_header(start, FIELD_2_LEN, packed.len);
		memcpy(cursor, packed.data, packed.len);
		out->len += (size_t) (cursor - start) + packed.len;
	}
	spectra_buf_free(&packed);
	return ok;
}

/* The envelope head before the spans: request.resource_spans, resource_spans.resource (+
 * the resource), resource_spans.scope_spans and scope_spans.scope (+ the scope), whose
 * lengths depend on the spans' total length. */
typedef struct {
	size_t len;
	size_t resource_spans_size;
	size_t scope_spans_size;
} envelope_head;

static envelope_head head_for(size_t resource_size, size_t scope_size, size_t spans_len)
{
	envelope_head head;
	head.scope_spans_size = 1 + spectra_wire_varint_size(scope_size) + scope_size + spans_len;
	head.resource_spans_size = 1 + spectra_wire_varint_size(resource_size) + resource_size + 1
		+ spectra_wire_varint_size(head.scope_spans_size) + head.scope_spans_size;
	head.len = 1 + spectra_wire_varint_size(head.resource_spans_size) + head.resource_spans_size - spans_len;
	return head;
}

/* A GenAI span's usual encoded size, to guess the envelope's length varints before the
 * spans are written. */
#define TYPICAL_SPAN_BYTES 1200

/* The request around the spans: its three envelope levels (request, ResourceSpans,
 * ScopeSpans) are written here with lengths computed once, where a generic packer would
 * size each span's attributes again at every level above it. The spans are written first,
 * so each can be released as soon as it is written, after room for the head as long as a
 * typical batch of span_count spans needs. The head is written last; only when the guess
 * was wrong (the real varints are shorter or longer) do the spans move to meet it. */
static bool encode_spans(const spectra_resource *resource, spectra_span *const *spans,
	const spectra_span_source *source, size_t span_count, spectra_buf *out)
{
	pb_arena arena = { 0 };
	pb_resource pb_res;
	opentelemetry__proto__resource__v1__resource__init(&pb_res);
	if (!resource->protobuf_resource) {
		pb_res.n_attributes = resource->attrs.count;
		pb_res.attributes = build_attributes(&arena, &resource->attrs);
	}
	pb_scope scope;
	opentelemetry__proto__common__v1__instrumentation_scope__init(&scope);
	scope.name = pb_string(&arena, resource->scope_name);
	scope.version = pb_string(&arena, resource->scope_version);
	size_t resource_size = resource->protobuf_resource ? resource->protobuf_resource_len
													   : protobuf_c_message_get_packed_size(&pb_res.base);
	size_t scope_size = protobuf_c_message_get_packed_size(&scope.base);
	size_t head_room = head_for(resource_size, scope_size, span_count * TYPICAL_SPAN_BYTES).len;

	size_t start = out->len;
	bool ok = !arena.failed && spectra_buf_reserve(out, head_room + span_count * TYPICAL_SPAN_BYTES);
	size_t written = 0;
	spectra_span_wire_scratch scratch;
	spectra_span_wire_scratch_init(&scratch);
	if (ok) {
		out->len += head_room;
	}
	for (size_t i = 0; i < span_count; i++) {
		/* a span the source writes itself needs no spectra_span */
		spectra_span_append_result appended =
			!spans && ok && source->append ? source->append(source->context, i, out) : SPECTRA_SPAN_APPEND_BUILD;
		if (appended != SPECTRA_SPAN_APPEND_BUILD) {
			ok = appended == SPECTRA_SPAN_APPENDED;
			written += ok;
			continue;
		}
		/* after a failure a source's spans are not built at all: nothing will be sent */
		spectra_span *span = spans ? spans[i] : ok ? source->build(source->context, i) : NULL;
		if (!span) {
			continue;
		}
		ok = ok && append_span(out, span, &scratch);
		written++;
		if (!spans) {
			source->release(source->context, span);
		}
	}
	spectra_span_wire_scratch_free(&scratch);
	size_t spans_len = ok ? out->len - start - head_room : 0;
	envelope_head real = head_for(resource_size, scope_size, spans_len);
	if (ok && written && real.len > head_room) {
		ok = spectra_buf_reserve(out, real.len - head_room);
	}
	if (ok && written) {
		uint8_t *head = (uint8_t *) out->data + start;
		if (real.len != head_room) {
			memmove(head + real.len, head + head_room, spans_len);
		}
		uint8_t *cursor = head;
		cursor = spectra_wire_put_header(cursor, FIELD_1_LEN, real.resource_spans_size); /* request.resource_spans */
		cursor = spectra_wire_put_header(cursor, FIELD_1_LEN, resource_size);            /* resource_spans.resource */
		if (resource->protobuf_resource) {
			memcpy(cursor, resource->protobuf_resource, resource_size);
			cursor += resource_size;
		} else {
			cursor += protobuf_c_message_pack(&pb_res.base, cursor);
		}
		cursor = spectra_wire_put_header(cursor, FIELD_2_LEN, real.scope_spans_size); /* resource_spans.scope_spans */
		cursor = spectra_wire_put_header(cursor, FIELD_1_LEN, scope_size);            /* scope_spans.scope */
		cursor += protobuf_c_message_pack(&scope.base, cursor);
		out->len = start + real.len + spans_len;
	} else {
		/* nothing to send (no empty envelopes), or OOM: the buffer keeps its length */
		out->len = start;
	}
	if (out->data) {
		out->data[out->len] = '\0';
	}
	arena_free(&arena);
	return ok;
}

bool spectra_otlp_encode_protobuf(const spectra_resource *resource, spectra_span *const *spans, size_t span_count,
	spectra_buf *out)
{
	return span_count == 0 || encode_spans(resource, spans, NULL, span_count, out);
}

bool spectra_otlp_encode_protobuf_built(const spectra_resource *resource, const spectra_span_source *source,
	size_t span_count, spectra_buf *out)
{
	return span_count == 0 || encode_spans(resource, NULL, source, span_count, out);
}

bool spectra_otlp_prepare_resource(spectra_resource *resource)
{
	free(resource->protobuf_resource);
	resource->protobuf_resource = NULL;
	resource->protobuf_resource_len = 0;
	pb_arena arena = { 0 };
	pb_resource pb_res;
	opentelemetry__proto__resource__v1__resource__init(&pb_res);
	pb_res.n_attributes = resource->attrs.count;
	pb_res.attributes = build_attributes(&arena, &resource->attrs);
	bool ok = false;
	if (!arena.failed) {
		size_t size = protobuf_c_message_get_packed_size(&pb_res.base);
		uint8_t *bytes = malloc(size ? size : 1);
		if (bytes) {
			protobuf_c_message_pack(&pb_res.base, bytes);
			resource->protobuf_resource = bytes;
			resource->protobuf_resource_len = size;
			ok = true;
		}
	}
	arena_free(&arena);
	return ok;
}

/* ---- merge and response ---------------------------------------------------------------- */

bool spectra_otlp_merge_protobuf(const spectra_buf *parts, size_t part_count, spectra_buf *out)
{
	/* ExportTraceServiceRequest has a single repeated field, and protobuf parsers merge
	 * repeated fields across concatenated messages, so joining the bytes joins the lists. */
	size_t total = 0;
	for (size_t i = 0; i < part_count; i++) {
		total += parts[i].len;
	}
	if (!spectra_buf_reserve(out, total)) {
		return false;
	}
	for (size_t i = 0; i < part_count; i++) {
		spectra_buf_append(out, parts[i].data, parts[i].len); /* reserved: cannot fail */
	}
	return true;
}

bool spectra_otlp_parse_response_protobuf(const char *body, size_t len, int64_t *rejected_spans_out,
	char **error_message_out)
{
	*rejected_spans_out = 0;
	*error_message_out = NULL;
	if (len == 0) {
		return true; /* partial_success unset: the server accepted everything */
	}
	pb_response *response = opentelemetry__proto__collector__trace__v1__export_trace_service_response__unpack(NULL, len,
		(const uint8_t *) body);
	if (!response) {
		return false;
	}
	bool ok = true;
	if (response->partial_success) {
		*rejected_spans_out = response->partial_success->rejected_spans;
		const char *message = response->partial_success->error_message;
		if (message && *message) {
			/* the message ends up in logs: repair it like anything else we emit */
			spectra_buf repaired;
			spectra_buf_init(&repaired);
			if (spectra_utf8_append_sanitized(&repaired, message, strlen(message))) {
				*error_message_out = spectra_buf_detach(&repaired, NULL);
			} else {
				spectra_buf_free(&repaired);
				*rejected_spans_out = 0;
				ok = false;
			}
		}
	}
	opentelemetry__proto__collector__trace__v1__export_trace_service_response__free_unpacked(response, NULL);
	return ok;
}
