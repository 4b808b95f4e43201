/* Small readers for decoded JSON bodies (PHP arrays). They never throw and never
 * convert in place: a value of the wrong type simply reads as absent. */
#ifndef SPECTRA_PROVIDERS_ZVAL_READ_H
#define SPECTRA_PROVIDERS_ZVAL_READ_H

#include "php.h"
#include "src/record/limits.h"
#include "src/record/record.h"

/* Follows a dotted path of string keys ("usage.prompt_tokens_details.cached_tokens"). */
zval *spectra_read_path(HashTable *table, const char *path);
HashTable *spectra_read_array(HashTable *table, const char *path);
zend_string *spectra_read_string(HashTable *table, const char *path);
/* A token count: int, finite non-negative float or numeric string. Negative or
 * non-numeric values read as absent. */
bool spectra_read_count(HashTable *table, const char *path, int64_t *out);
bool spectra_read_bool(HashTable *table, const char *path, bool *out);
/* A token count read into *field, marking the record's usage as seen; false when absent
 * or not a count (spectra_read_count). */
bool spectra_read_token_count(HashTable *table, const char *path, spectra_record *record, int64_t *field);
/* A number (int or float, not a string) that is finite and from 0 to max. */
bool spectra_read_number(HashTable *table, const char *path, double max, double *out);
/* A duration in seconds: a finite number from 0 to 1e7 (115 days), int or float. */
bool spectra_read_seconds(HashTable *table, const char *path, double *out);

/* Copies a string from the body into a record field if present. */
bool spectra_read_into(HashTable *table, const char *path, spectra_record *record, char **field);

#endif
