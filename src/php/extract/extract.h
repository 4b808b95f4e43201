/* Usage extraction: a decoded provider body (PHP array) -> the record. One extractor per
 * provider endpoint shape, tried in table order; each says whether a body is its shape.
 * New providers and endpoints slot in as rows of the table in extract.c. */
#ifndef SPECTRA_PROVIDERS_EXTRACT_H
#define SPECTRA_PROVIDERS_EXTRACT_H

#include "php.h"
#include "src/record/record.h"

typedef struct {
	const char *name;       /* "openai.chat_completions" */
	const char *operation;  /* GenAI operation name it implies */
	const char *model_type; /* text, embedding, ... */
	bool (*matches)(HashTable *body);
	void (*extract)(HashTable *body, spectra_record *record);
} spectra_extractor;

/* Extractors of each provider file. */
extern const spectra_extractor spectra_openai_chat_extractor;
extern const spectra_extractor spectra_openai_completion_extractor;
extern const spectra_extractor spectra_openai_responses_extractor;
extern const spectra_extractor spectra_openai_embeddings_extractor;
extern const spectra_extractor spectra_anthropic_messages_extractor;
extern const spectra_extractor spectra_gemini_generate_content_extractor;

/* Finds the extractor for a body and applies it (plus the model/snapshot rule).
 * Returns the extractor used, or NULL when the shape is unknown (then only a generic
 * `usage` block is read). */
const spectra_extractor *spectra_extract_body(spectra_record *record, HashTable *body);

/* Caller-given usage (recordSuccess $usage, RequestContext::setUsage): GenAI semantics,
 * with the aliases prompt_tokens|input_tokens, completion_tokens|output_tokens,
 * cached_tokens|cache_read_input_tokens, cache_write_tokens|cache_creation_input_tokens,
 * reasoning_tokens. Returns false if a present value is not a non-negative count. */
bool spectra_apply_usage(spectra_record *record, HashTable *usage, const char **bad_key);

/* Normalises the callback's return value into an array body: arrays as is, toArray(),
 * JsonSerializable, a JSON string, a PSR-7 response (status code read too). `body` is
 * set to an array or left UNDEF. Never throws: user code that throws here is reported
 * as one warning. */
void spectra_response_to_body(zval *response, zval *body, spectra_record *record);

#endif
