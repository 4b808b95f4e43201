/* spectra_record: one tracked AI request, in plain C. Everything the span builder and the
 * pricing need lives here, so the fast path never builds a PHP array. Strings are
 * malloc'd and owned by the record. */
#ifndef SPECTRA_RECORD_RECORD_H
#define SPECTRA_RECORD_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../providers/providers.h"
#include "usage_keys.h"

typedef struct {
	char **items;
	size_t count;
	size_t capacity; /* items allocated */
} spectra_string_list;

/* The bounds of a record's space (record.c sizes it from the records before). */
#define SPECTRA_RECORD_STRING_SPACE_MIN 48
#define SPECTRA_RECORD_STRING_SPACE_MAX 1024
/* Tool-call types the record's list has room for at first (a response has one or two); a
 * third grows the list to its cap at once. */
#define SPECTRA_RECORD_FIRST_ENTRIES 2

typedef struct {
	char *name;
	int64_t count;
} spectra_tool_count;

typedef struct {
	char id[27]; /* ULID, 26 chars + NUL */
	uint8_t trace_id[16];
	uint8_t span_id[8];
	uint8_t parent_span_id[8];
	bool has_parent;
	uint8_t trace_flags; /* W3C flags of the continued trace, or 0x01 */
	char *trace_state;   /* incoming tracestate, kept only with a valid traceparent */

	char *provider; /* as given by the caller: openai, anthropic, google, ... */
	/* its row of the provider table, resolved once when the record starts (static data, safe
	 * on any thread); NULL = unknown provider or not resolved yet */
	const spectra_provider_info *provider_info;
	char *model;    /* requested model id */
	char *snapshot; /* model that answered, when it differs */
	char *response_id;
	char *model_type; /* text, embedding, image, audio, video */
	char *operation;  /* GenAI operation: chat, text_completion, embeddings, generate_content */
	char *endpoint;   /* URL path when known */
	/* why the request's body was not read (captured requests: sent by a read callback or from a
	 * file, over the size bound, not JSON); NULL when it was, or there was none */
	char *request_body_skipped;
	char *server_address;
	int64_t server_port; /* 0 = unknown */
	char *pricing_tier;  /* NULL until resolved */

	int64_t prompt_tokens;     /* all input, cached and cache writes included */
	int64_t completion_tokens; /* all output, reasoning included */
	int64_t cached_tokens;
	int64_t cache_write_tokens;
	int64_t cache_write_1h_tokens; /* subset of cache_write_tokens with a 1-hour TTL (Anthropic) */
	int64_t reasoning_tokens;
	bool usage_seen; /* tokens came from the response or the caller */
	/* completion_tokens is an estimate from streamed text (the stream reported no usage);
	 * usage_seen stays false and the cost is not known */
	bool usage_estimated;

	double prompt_cost; /* US cents */
	double completion_cost;
	double total_cost;
	bool cost_known;
	char *cost_reason; /* why cost_known is false (no price, no usage, ...); NULL when known */
	/* what the response says the call was billed, in US dollars (OpenRouter usage.cost,
	 * Perplexity usage.cost.total_cost); it wins over the catalog's cost. -1 = none */
	double billed_cost_usd;
	double billed_input_usd, billed_output_usd; /* its input and output parts when given, -1 = none */

	uint64_t start_wall_ns; /* Unix ns at start (anchor) */
	uint64_t start_mono_ns;
	uint64_t end_mono_ns;           /* 0 while in flight */
	int64_t time_to_first_token_ms; /* -1 = none */
	double duration_seconds;        /* media duration (audio/video), -1 = none */
	int64_t input_characters;       /* -1 = none */
	int64_t image_count;            /* -1 = none */
	int64_t video_count;            /* -1 = none */
	/* quantities beyond the fields above, by genai-prices usage key (audio, image and video
	 * tokens, searches, pages...); below 0 = not reported. A value here wins over the one the
	 * pricing derives from the fields above. */
	double usage[SPECTRA_USAGE_KEY_COUNT];

	int64_t status_code; /* 0 = none */
	bool is_failed;
	char *error_type;
	char *error_message;
	spectra_string_list finish_reasons;
	bool is_reasoning;
	char *reasoning_effort;
	bool is_streaming;
	/* what the request asked for (ext/curl capture reads them from its body); NaN or -1 = not given */
	int64_t request_max_tokens;
	double request_temperature;
	double request_top_p;
	double request_top_k;
	double request_frequency_penalty;
	double request_presence_penalty;
	int64_t request_seed;
	int64_t request_choice_count;
	int64_t request_tool_count; /* tool (function) definitions offered */
	spectra_string_list request_stop_sequences;
	spectra_string_list request_encoding_formats; /* embeddings: float, base64, int8, ... */
	/* opt-in message content (spectra.capture_content), JSON in the GenAI conventions' shape;
	 * NULL when not captured */
	char *system_instructions;
	char *input_messages;
	char *output_messages;
	bool has_tool_calls;
	spectra_tool_count *tool_calls;
	size_t tool_call_kinds;        /* at most SPECTRA_MAX_TOOL_CALL_TYPES (limits.h) */
	int64_t tool_calls_dropped;    /* calls of types beyond that cap, not counted */
	size_t finish_reasons_dropped; /* beyond SPECTRA_MAX_FINISH_REASONS */
	size_t request_items_dropped;  /* stop sequences, encoding formats beyond SPECTRA_MAX_REQUEST_LIST_ITEMS */
	size_t strings_truncated;      /* string fields cut to SPECTRA_MAX_STRING_BYTES */

	char *trackable_type;
	char *trackable_id;
	char *conversation_id;
	bool completed;
	/* The strings and the first finish-reason and tool-call arrays live in a space after
	 * the record, in its allocation, as far as it has room (record.c): a typical record's
	 * sender then frees one block instead of ~15 it never allocated. */
	char *string_space;
	size_t string_space_size;
	size_t string_space_used;
	size_t space_bytes_wanted; /* stored in the space or past it, replaced ones too */
	size_t space_extra_wanted; /* of spectra_record_alloc*(): fixed sizes, not grown by a margin */
	size_t blocks_outside;     /* strings and lists malloc'd past the space, not yet freed */
} spectra_record;

spectra_record *spectra_record_new(void);
void spectra_record_free(spectra_record *record);
/* Whether block (a string or list of the record) is in the record's space, i.e. part of
 * the record's own allocation rather than one of its own. */
bool spectra_record_holds(const spectra_record *record, const void *block);
/* size bytes (aligned to align, a power of two) that live and die with the record: in its
 * space while it has room, else malloc'd (spectra_record_holds() tells which; free() only
 * the latter). The span job of a record it owns goes there: one block fewer to free. */
void *spectra_record_alloc(spectra_record *record, size_t size, size_t align);
/* The same in the space only: NULL when it has no room (the next record's space is still
 * sized to hold it, as for spectra_record_alloc(), unless it is over half the largest space). */
void *spectra_record_alloc_in_space(spectra_record *record, size_t size, size_t align);
/* How many entries the tool-call list of count entries has room for. */
size_t spectra_record_list_capacity(size_t count, size_t max_entries);

/* Replace a string field of record with a copy (NULL clears). A value longer than
 * SPECTRA_MAX_STRING_BYTES (limits.h) is cut at a UTF-8 character boundary and counted in
 * strings_truncated. */
void spectra_record_set(spectra_record *record, char **field, const char *value);
void spectra_record_setl(spectra_record *record, char **field, const char *value, size_t len);
/* The same without the SPECTRA_MAX_STRING_BYTES cut, for message content: its JSON must stay
 * whole, and the caller bounds it (spectra.capture_content_max_bytes). */
void spectra_record_set_content(spectra_record *record, char **field, const char *value, size_t len);
/* A finish reason beyond SPECTRA_MAX_FINISH_REASONS is counted in finish_reasons_dropped. */
void spectra_record_add_finish_reason(spectra_record *record, const char *reason, size_t len);
/* Adds one stop sequence or encoding format of the request to its list; beyond
 * SPECTRA_MAX_REQUEST_LIST_ITEMS it is counted in request_items_dropped. */
void spectra_record_add_request_item(spectra_record *record, spectra_string_list *list, const char *value, size_t len);
/* Adds n calls of a type (saturating). A type beyond SPECTRA_MAX_TOOL_CALL_TYPES is not
 * stored: its calls go to tool_calls_dropped (has_tool_calls is still set). */
void spectra_record_count_tool_call(spectra_record *record, const char *type, size_t len, int64_t n);
/* Makes the token counts consistent: none below 0, cached <= prompt, cache writes <=
 * prompt - cached, 1-hour writes <= cache writes, reasoning <= completion. */
void spectra_record_clamp_usage(spectra_record *record);

/* Derived values. */
double spectra_record_latency_ms(const spectra_record *record);
/* Latency in whole milliseconds (rounded, clamped to int64). */
int64_t spectra_record_latency_ms_int(const spectra_record *record);
/* prompt + completion, saturating at INT64_MAX. */
int64_t spectra_record_total_tokens(const spectra_record *record);
double spectra_record_tokens_per_second(const spectra_record *record); /* -1 = n/a */
uint64_t spectra_record_end_wall_ns(const spectra_record *record);

#endif
