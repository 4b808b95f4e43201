/* The hand-written parts of the OpenAI flavor rows of usage_map.c (and the OpenAI-compatible
 * providers speaking them). */
#ifndef SPECTRA_PHP_EXTRACT_OPENAI_H
#define SPECTRA_PHP_EXTRACT_OPENAI_H

#include "php.h"
#include "src/record/record.h"

/* Chat completions and completions, after the row's paths: xAI's and Perplexity's output
 * beside completion_tokens, OpenRouter's and Perplexity's billed cost. */
void spectra_openai_chat_usage(HashTable *body, spectra_record *record);

/* Audio transcriptions and translations, a hand-written row. */
bool spectra_openai_is_transcription(HashTable *body);
void spectra_openai_extract_transcription(HashTable *body, spectra_record *record);

#endif
