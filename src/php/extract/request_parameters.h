/* What a request body asked for: the GenAI conventions' request parameters (max tokens,
 * temperature, top_p, top_k, penalties, seed, choice count, stop sequences, encoding
 * formats) and the number of tool definitions, under the names OpenAI-style, Anthropic and
 * Gemini bodies use. Read from a captured request's body and from track()'s request option;
 * a value of the wrong type or out of range is skipped. */
#ifndef SPECTRA_PHP_EXTRACT_REQUEST_PARAMETERS_H
#define SPECTRA_PHP_EXTRACT_REQUEST_PARAMETERS_H

#include "php.h"
#include "src/record/record.h"

void spectra_read_request_parameters(spectra_record *record, HashTable *body);

#endif
