/* Extractor rows for OpenAI shapes (and the OpenAI-compatible providers speaking them): chat completions,
 * completions, the Responses API, images, transcriptions. */
#ifndef SPECTRA_PHP_EXTRACT_OPENAI_H
#define SPECTRA_PHP_EXTRACT_OPENAI_H

#include "src/php/extract/extractor.h"

extern const spectra_extractor spectra_openai_chat_extractor;
extern const spectra_extractor spectra_openai_completion_extractor;
extern const spectra_extractor spectra_openai_responses_extractor;
extern const spectra_extractor spectra_openai_images_extractor;
extern const spectra_extractor spectra_openai_transcription_extractor;

#endif
