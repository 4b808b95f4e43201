/* Usage extraction: a decoded provider body (PHP array) -> the record. One flavor row per
 * provider endpoint shape (usage_map.c), tried in table order; each says whether a body is
 * its shape. New providers and endpoints slot in as rows of that table. */
#ifndef SPECTRA_PROVIDERS_EXTRACT_H
#define SPECTRA_PROVIDERS_EXTRACT_H

#include "php.h"
#include "src/php/extract/extractor.h"
#include "src/record/record.h"

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

/* The extract stage of a finished call: whatever the callback returned (array, toArray(),
 * JsonSerializable, JSON string, PSR-7 response) read into the record. NULL/null: nothing. */
void spectra_extract_response(spectra_record *record, zval *response);

#endif
