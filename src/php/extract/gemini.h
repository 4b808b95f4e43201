/* Extractor rows for Gemini generateContent and the long-running video operations (Veo). */
#ifndef SPECTRA_PHP_EXTRACT_GEMINI_H
#define SPECTRA_PHP_EXTRACT_GEMINI_H

#include "src/php/extract/extractor.h"

extern const spectra_extractor spectra_gemini_generate_content_extractor;
extern const spectra_extractor spectra_gemini_video_operation_extractor;

#endif
