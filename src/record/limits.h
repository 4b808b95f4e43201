/* The limits of one record, in one place (README "Limits"). Plain C.
 *
 * Anything an application or a provider response can make arbitrarily large is capped
 * here, so no input makes the request path slower than linear. What goes over a cap is
 * dropped and counted, never rejected: the call is still recorded, and the pipeline gives
 * one warning per record that says how much was dropped and which limit applied. */
#ifndef SPECTRA_RECORD_LIMITS_H
#define SPECTRA_RECORD_LIMITS_H

#include <stdint.h>

/* Distinct tags of one record (global tags and per-call tags together); later tags are
 * dropped. The same cap holds for the request's global tags. */
#define SPECTRA_MAX_TAGS 128

/* Scalar metadata values exported as spectra.metadata.<key> span attributes by the native
 * builder; the record's `metadata` array keeps every key. */
#define SPECTRA_MAX_METADATA_ATTRIBUTES 128

/* Distinct tool-call types counted in one record (read from the provider's response);
 * calls of further types are dropped (has_tool_calls stays true). */
#define SPECTRA_MAX_TOOL_CALL_TYPES 64

/* Bytes of one string of a record (provider, model, ids, endpoint, server address, error
 * type and message, finish reasons, tool-call types, conversation and trackable ids, tier):
 * longer ones are cut at a UTF-8 character boundary and counted. */
#define SPECTRA_MAX_STRING_BYTES 4096

/* Finish reasons of one record (one per choice of the response); later ones are dropped
 * and counted. */
#define SPECTRA_MAX_FINISH_REASONS 128

/* Items of a list the request gave (stop sequences, encoding formats); later ones are
 * dropped and counted. Providers allow 4 (OpenAI) to a few dozen stop sequences. */
#define SPECTRA_MAX_REQUEST_LIST_ITEMS 64

/* A token count above this is not a real usage and reads as absent; it also keeps sums
 * of a few counts far from INT64_MAX. */
#define SPECTRA_MAX_TOKEN_COUNT INT64_C(9000000000000000)

/* A pricing-file price (US cents per 1M tokens, or per unit) above this is an error:
 * 1e9 cents is $10M per unit, and the cap keeps every cost finite. */
#define SPECTRA_MAX_PRICE_CENTS 1e9

/* A cost a response reports as billed (OpenRouter's usage.cost) above this many US dollars
 * for one call is not a real bill and reads as absent. */
#define SPECTRA_MAX_BILLED_USD 1e6

#endif
