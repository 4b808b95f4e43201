/* Opt-in message content (spectra.capture_content=1): a request's system instructions and
 * input messages and a response's output messages, in the structure of the GenAI semantic
 * conventions (gen_ai.system_instructions, gen_ai.input.messages, gen_ai.output.messages:
 * one JSON string each; parts of type text, tool_call and tool_call_response), read from the
 * bodies of OpenAI chat and Responses, Anthropic Messages and Gemini generateContent.
 *
 * Each attribute holds at most max_bytes of JSON. A longer one has its texts cut first (at a
 * UTF-8 character, marked with "…"), then its oldest messages dropped, so it stays valid JSON
 * in the order the messages were sent; what still does not fit is left out. */
#ifndef SPECTRA_PHP_CONTENT_MESSAGES_H
#define SPECTRA_PHP_CONTENT_MESSAGES_H

#include "php.h"
#include "src/record/record.h"
#include "src/stream/stream_usage.h"

/* spectra.capture_content_max_bytes, at least 256 */
size_t spectra_content_max_bytes(void);

void spectra_content_from_request(spectra_record *record, HashTable *body, size_t max_bytes);
void spectra_content_from_response(spectra_record *record, HashTable *body, size_t max_bytes);
/* A stream about to be read: with content capture on, its reader keeps the answer's text. */
void spectra_content_stream_start(spectra_stream_usage *usage);
/* The stream read: the kept answer with the record's first finish reason becomes the output
 * message. Tool calls and reasoning of a stream are left out. */
void spectra_content_from_stream(spectra_record *record, const spectra_stream_usage *usage);

#endif
