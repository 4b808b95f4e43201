/* Extractor rows for Anthropic Messages. */
#ifndef SPECTRA_PHP_EXTRACT_ANTHROPIC_H
#define SPECTRA_PHP_EXTRACT_ANTHROPIC_H

#include "src/php/extract/extractor.h"

extern const spectra_extractor spectra_anthropic_messages_extractor;

#endif
