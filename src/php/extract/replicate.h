/* Extractor row for Replicate predictions. */
#ifndef SPECTRA_PHP_EXTRACT_REPLICATE_H
#define SPECTRA_PHP_EXTRACT_REPLICATE_H

#include "src/php/extract/extractor.h"

extern const spectra_extractor spectra_replicate_prediction_extractor;

#endif
