/* The hand-written row of usage_map.c for Replicate predictions. */
#ifndef SPECTRA_PHP_EXTRACT_REPLICATE_H
#define SPECTRA_PHP_EXTRACT_REPLICATE_H

#include "php.h"
#include "src/record/record.h"

bool spectra_replicate_is_prediction(HashTable *body);
void spectra_replicate_extract_prediction(HashTable *body, spectra_record *record);

#endif
