/* The hand-written row of usage_map.c for Gemini's long-running video operations (Veo). */
#ifndef SPECTRA_PHP_EXTRACT_GEMINI_H
#define SPECTRA_PHP_EXTRACT_GEMINI_H

#include "php.h"
#include "src/record/record.h"

bool spectra_gemini_is_video_operation(HashTable *body);
void spectra_gemini_extract_video_operation(HashTable *body, spectra_record *record);

#endif
