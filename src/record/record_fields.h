/* The keys of a record, once, in the order of the PHP array that listeners, transformers,
 * span builders and recordSuccess()/recordFailure() get. Plain C.
 *
 * Derived from this table: the PHP array (src/php/publish/record_array.c: every key, its
 * order and its PHP type), the span attribute and compat-key names the native builder uses
 * (src/span/native_builder.c, src/php/span_bridge/native_input.c) and spectra_record_fields[]
 * (record.c). README.md's record-key list is compared with a real record by
 * tests/docs/readme_record.phpt.
 *
 * X(key, kind, source, span_attribute, compat_attribute)
 *   kind      how the value becomes PHP (record_array.c):
 *               TEXT          const char *, NULL -> null
 *               TRACE_ID      16 bytes -> 32 lower-case hex digits
 *               SPAN_ID       8 bytes -> 16 hex digits; NULL -> null
 *               INT           int64_t -> int
 *               INT_NONZERO   int64_t, 0 -> null
 *               INT_POSITIVE  int64_t, 0 or less -> null
 *               COUNT         int64_t, below 0 (-1 = none) -> null
 *               FLOAT         double -> float
 *               FLOAT_OR_NULL double, below 0 -> null
 *               REAL          double, NaN (not given) -> null; any other value, negative too
 *               RATE          double rounded to 2 decimals, below 0 -> null
 *               BOOL          bool
 *               TEXT_LIST     spectra_string_list -> list of strings
 *               TOOL_COUNTS   the record's tool-call counts -> [type => count], none -> null
 *               TIMESTAMP     Unix ns -> DateTimeImmutable (Carbon\CarbonImmutable when loaded)
 *               PHP_VALUE     a PHP value the RequestContext holds (not in the C record):
 *                             source is the context member; undefined -> null
 *   source    an expression of `r` (const spectra_record *), or the context member (PHP_VALUE)
 *   span_attribute    the native span's attribute for this key, NULL when the key is not one
 *                     (span ids and times, or nothing); a name ending in "." is a prefix
 *   compat_attribute  the pre-semconv key spectra.span_compat=1 adds, or NULL */
#ifndef SPECTRA_RECORD_RECORD_FIELDS_H
#define SPECTRA_RECORD_RECORD_FIELDS_H

#include <stddef.h>

/* clang-format off */
#define SPECTRA_RECORD_FIELDS(X) \
	X(id, TEXT, r->id, NULL, "spectra.request_id") \
	X(trace_id, TRACE_ID, r->trace_id, NULL, NULL) \
	X(span_id, SPAN_ID, r->span_id, NULL, NULL) \
	X(parent_span_id, SPAN_ID, r->has_parent ? r->parent_span_id : NULL, NULL, NULL) \
	X(response_id, TEXT, r->response_id, "gen_ai.response.id", NULL) \
	X(provider, TEXT, r->provider, "gen_ai.provider.name", "gen_ai.system") \
	X(model, TEXT, r->model, "gen_ai.request.model", NULL) \
	X(snapshot, TEXT, r->snapshot, "gen_ai.response.model", NULL) \
	X(model_type, TEXT, r->model_type, "spectra.model_type", NULL) \
	X(operation, TEXT, r->operation, "gen_ai.operation.name", NULL) \
	X(endpoint, TEXT, r->endpoint, NULL, NULL) \
	X(request_body_skipped, TEXT, r->request_body_skipped, "spectra.request.body_skipped", NULL) \
	X(server_address, TEXT, r->server_address, "server.address", NULL) \
	X(server_port, INT_POSITIVE, r->server_port, "server.port", NULL) \
	X(pricing_tier, TEXT, r->pricing_tier, "spectra.pricing_tier", NULL) \
	X(prompt_tokens, INT, r->prompt_tokens, "gen_ai.usage.input_tokens", "gen_ai.usage.prompt_tokens") \
	X(completion_tokens, INT, r->completion_tokens, "gen_ai.usage.output_tokens", "gen_ai.usage.completion_tokens") \
	X(cached_tokens, INT, r->cached_tokens, "gen_ai.usage.cache_read.input_tokens", NULL) \
	X(cache_write_tokens, INT, r->cache_write_tokens, "gen_ai.usage.cache_creation.input_tokens", NULL) \
	X(reasoning_tokens, INT, r->reasoning_tokens, "gen_ai.usage.reasoning.output_tokens", \
		"gen_ai.usage.reasoning_tokens") \
	X(total_tokens, INT, spectra_record_total_tokens(r), NULL, "gen_ai.usage.total_tokens") \
	X(usage_estimated, BOOL, r->usage_estimated, "spectra.usage.estimated", NULL) \
	X(prompt_cost, FLOAT, r->prompt_cost, "spectra.cost.input_cents", NULL) \
	X(completion_cost, FLOAT, r->completion_cost, "spectra.cost.output_cents", NULL) \
	X(total_cost_in_cents, FLOAT, r->total_cost, "spectra.cost.total_cents", "spectra.cost_cents") \
	X(currency, TEXT, "USD", "spectra.cost.currency", NULL) \
	X(cost_known, BOOL, r->cost_known, "spectra.cost.known", NULL) \
	X(cost_reason, TEXT, r->cost_reason, "spectra.cost.reason", NULL) \
	X(latency_ms, INT, spectra_record_latency_ms_int(r), NULL, "spectra.latency_ms") \
	X(time_to_first_token_ms, COUNT, r->time_to_first_token_ms, "gen_ai.response.time_to_first_chunk", NULL) \
	X(tokens_per_second, RATE, spectra_record_tokens_per_second(r), NULL, NULL) \
	X(duration_seconds, FLOAT_OR_NULL, r->duration_seconds, NULL, NULL) \
	X(input_characters, COUNT, r->input_characters, NULL, NULL) \
	X(image_count, COUNT, r->image_count, NULL, NULL) \
	X(video_count, COUNT, r->video_count, NULL, NULL) \
	X(status_code, INT_NONZERO, r->status_code, NULL, "http.response.status_code") \
	X(is_failed, BOOL, r->is_failed, NULL, NULL) \
	X(error_type, TEXT, r->error_type, "error.type", NULL) \
	X(error_message, TEXT, r->error_message, NULL, NULL) \
	X(finish_reason, TEXT, r->finish_reasons.count ? r->finish_reasons.items[0] : NULL, NULL, \
		"gen_ai.response.finish_reason") \
	X(finish_reasons, TEXT_LIST, r->finish_reasons, "gen_ai.response.finish_reasons", NULL) \
	X(is_reasoning, BOOL, r->is_reasoning, NULL, NULL) \
	X(reasoning_effort, TEXT, r->reasoning_effort, "spectra.reasoning_effort", NULL) \
	X(is_streaming, BOOL, r->is_streaming, "gen_ai.request.stream", NULL) \
	X(request_max_tokens, COUNT, r->request_max_tokens, "gen_ai.request.max_tokens", NULL) \
	X(request_temperature, REAL, r->request_temperature, "gen_ai.request.temperature", NULL) \
	X(request_top_p, REAL, r->request_top_p, "gen_ai.request.top_p", NULL) \
	X(request_top_k, REAL, r->request_top_k, "gen_ai.request.top_k", NULL) \
	X(request_frequency_penalty, REAL, r->request_frequency_penalty, "gen_ai.request.frequency_penalty", NULL) \
	X(request_presence_penalty, REAL, r->request_presence_penalty, "gen_ai.request.presence_penalty", NULL) \
	X(request_seed, COUNT, r->request_seed, "gen_ai.request.seed", NULL) \
	X(request_choice_count, COUNT, r->request_choice_count, "gen_ai.request.choice.count", NULL) \
	X(request_tool_count, COUNT, r->request_tool_count, "spectra.request.tool_count", NULL) \
	X(request_stop_sequences, TEXT_LIST, r->request_stop_sequences, "gen_ai.request.stop_sequences", NULL) \
	X(request_encoding_formats, TEXT_LIST, r->request_encoding_formats, "gen_ai.request.encoding_formats", NULL) \
	X(system_instructions, TEXT, r->system_instructions, "gen_ai.system_instructions", NULL) \
	X(input_messages, TEXT, r->input_messages, "gen_ai.input.messages", NULL) \
	X(output_messages, TEXT, r->output_messages, "gen_ai.output.messages", NULL) \
	X(has_tool_calls, BOOL, r->has_tool_calls, NULL, NULL) \
	X(tool_call_counts, TOOL_COUNTS, r, "spectra.tool_calls.", NULL) \
	X(tags, PHP_VALUE, tags, "spectra.tags", NULL) \
	X(metadata, PHP_VALUE, metadata, "spectra.metadata.", NULL) \
	X(trackable_type, TEXT, r->trackable_type, "spectra.trackable.type", NULL) \
	X(trackable_id, PHP_VALUE, trackable_id, "spectra.trackable.id", NULL) \
	X(conversation_id, TEXT, r->conversation_id, "gen_ai.conversation.id", NULL) \
	X(started_at, TIMESTAMP, r->start_wall_ns, NULL, NULL) \
	X(completed_at, TIMESTAMP, spectra_record_end_wall_ns(r), NULL, NULL)
/* clang-format on */

#define SPECTRA_RECORD_FIELD_INDEX(key, kind, source, span_attribute, compat_attribute) SPECTRA_FIELD_##key,

typedef enum { SPECTRA_RECORD_FIELDS(SPECTRA_RECORD_FIELD_INDEX) SPECTRA_RECORD_FIELD_COUNT } spectra_record_field;

typedef struct {
	const char *key;
	const char *span_attribute;   /* NULL = none */
	const char *compat_attribute; /* NULL = none */
} spectra_record_field_info;

/* One entry per key, in table order (indexed by spectra_record_field). */
extern const spectra_record_field_info spectra_record_fields[SPECTRA_RECORD_FIELD_COUNT];

/* The span attribute / compat key of a record key: SPECTRA_SPAN_ATTR(model) is
 * "gen_ai.request.model". */
#define SPECTRA_SPAN_ATTR(key) (spectra_record_fields[SPECTRA_FIELD_##key].span_attribute)
#define SPECTRA_COMPAT_ATTR(key) (spectra_record_fields[SPECTRA_FIELD_##key].compat_attribute)
#define SPECTRA_SPAN_ATTR_LEN(key) ((size_t) SPECTRA_SPAN_ATTR_LEN_##key)
#define SPECTRA_COMPAT_ATTR_LEN(key) ((size_t) SPECTRA_COMPAT_ATTR_LEN_##key)

/* The names' strlen() as compile-time constants, so that a writer given one copies a fixed
 * number of bytes (the one-pass span writer: a key's copy becomes a few moves). sizeof of a
 * name that is NULL is that of a pointer: a length never read. */
#define SPECTRA_RECORD_FIELD_NAME_LENS(key, kind, source, span_attribute, compat_attribute) \
	SPECTRA_SPAN_ATTR_LEN_##key = sizeof(span_attribute) - 1, \
	SPECTRA_COMPAT_ATTR_LEN_##key = sizeof(compat_attribute) - 1,

enum { SPECTRA_RECORD_FIELDS(SPECTRA_RECORD_FIELD_NAME_LENS) };

#endif
