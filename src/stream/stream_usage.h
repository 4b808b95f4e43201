/* What a streamed AI response says about itself, gathered event by event: token usage,
 * response id, answering model, finish reasons, tool calls by type, an error. Each event is
 * the JSON text of one SSE data field, one NDJSON line or one event-stream payload, with its
 * event name when the framing has one (SSE "event:", Bedrock ":event-type"). The provider's
 * stream format is told by the events themselves:
 *   - OpenAI chat chunks ("chat.completion.chunk"), also Azure, Groq (x_groq.usage), Mistral,
 *     xAI, DeepSeek, OpenRouter, Together, Fireworks: usage in the last chunk when the request
 *     asked for it (stream_options.include_usage);
 *   - OpenAI Responses: response.completed / response.incomplete / response.failed;
 *   - Anthropic: message_start (input usage), content_block_start (tool_use),
 *     message_delta (stop reason, cumulative output usage), error;
 *   - Gemini / Vertex: the last usageMetadata, candidates' finish reasons and function calls;
 *   - Bedrock ConverseStream: contentBlockStart (toolUse), messageStop, metadata (usage);
 *     InvokeModelWithResponseStream: "chunk" events whose "bytes" member is the base64 of
 *     the model's own event (Anthropic's, for Claude), read as that event;
 *   - Cohere v2: message-start, tool-call-start, message-end (billed units);
 *   - Ollama: the object with "done": true (prompt_eval_count, eval_count).
 * Token totals follow the GenAI conventions of the rest of the record: input includes cache
 * reads and writes, output includes reasoning. Plain C. */
#ifndef SPECTRA_STREAM_STREAM_USAGE_H
#define SPECTRA_STREAM_STREAM_USAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../record/limits.h"
#include "../util/buf.h"
#include "../util/json_reader.h"
#include "delta_skim.h"

typedef struct {
	char *type;
	int64_t count;
} spectra_stream_tool_count;

typedef struct {
	int64_t input_tokens; /* -1 = not reported */
	int64_t output_tokens;
	int64_t cached_tokens;
	int64_t cache_write_tokens;
	int64_t reasoning_tokens;
	bool usage_seen;
	/* what the stream says the call was billed, in US dollars (OpenRouter's usage.cost,
	 * Perplexity's usage.cost.total_cost), -1 = not said */
	double billed_cost_usd;
	char *response_id; /* malloc'd, NULL = none */
	char *model;
	char *error_type; /* an error event of the stream */
	char *finish_reasons[SPECTRA_MAX_FINISH_REASONS];
	size_t finish_reason_count;
	spectra_stream_tool_count tools[SPECTRA_MAX_TOOL_CALL_TYPES];
	size_t tool_type_count;
	/* Unicode characters of generated text and tool-call arguments in the deltas: the base of
	 * the estimate when the stream reports no usage (spectra_stream_usage_estimated_output) */
	int64_t output_chars;
	/* The answer's text (the first choice or candidate; no reasoning, no tool arguments), kept
	 * only for opt-in content capture (spectra_stream_usage_keep_answer), at most answer_limit
	 * bytes cut at a character; answer_cut says bytes were left out. */
	spectra_buf answer;
	size_t answer_limit; /* 0 = the answer is not kept */
	bool answer_cut;
	size_t events;                /* events read */
	size_t bad_events;            /* events that were not JSON */
	bool completed;               /* the stream said it ended (final usage, message_stop, done, [DONE]) */
	spectra_json_arena arena;     /* the tree of each event (parsed here, or built by the caller of
	                           * spectra_stream_usage_value), reset after the event */
	bool no_skim;                 /* read every event in full (the fuzz harness compares both ways) */
	spectra_delta_memo skim_memo; /* the last text delta skimmed, for the next one */
} spectra_stream_usage;

void spectra_stream_usage_init(spectra_stream_usage *usage);
void spectra_stream_usage_free(spectra_stream_usage *usage);

/* Keeps the answer's text, at most limit bytes (content capture). Every event is then read in
 * full: the skims count characters without decoding them. */
void spectra_stream_usage_keep_answer(spectra_stream_usage *usage, size_t limit);

/* Reads one event. event_name may be NULL (no framing name, or SSE's default "message"). */
void spectra_stream_usage_event(spectra_stream_usage *usage, const char *event_name, size_t name_len, const char *json,
	size_t json_len);

/* The same for an event already decoded into a JSON tree (a PHP array handed over as a
 * chunk, converted by the caller); root is only read. */
void spectra_stream_usage_value(spectra_stream_usage *usage, const char *event_name, size_t name_len,
	const spectra_json_value *root);

/* The characters of generated text as the estimate counts them: UTF-8 lead bytes (a stray
 * byte of invalid UTF-8 counts as one). */
int64_t spectra_stream_characters(const char *text, size_t len);
/* Adds that many characters of generated text to output_chars (saturating). */
void spectra_stream_usage_add_text(spectra_stream_usage *usage, int64_t chars);

/* Output tokens estimated from the streamed text, for a stream that reported no usage: one
 * token per four characters, rounded up (OpenAI's rule of thumb for English text; other
 * languages and code tokenize denser, so it is a floor more than a measure). */
int64_t spectra_stream_usage_estimated_output(const spectra_stream_usage *usage);

#endif
