/* Per-call options of track()/startRequest() and the checks shared with the setters.
 * Errors name the argument: TypeError for a wrong type, ValueError for a bad value. */
#ifndef SPECTRA_CAPTURE_OPTIONS_H
#define SPECTRA_CAPTURE_OPTIONS_H

#include "php.h"
#include "src/php/capture/context_object.h"

/* Merges options into a started context. arg_num is the position of $options. */
bool spectra_options_apply(spectra_context_object *context, HashTable *options, uint32_t options_arg_num);

/* Appends a tag to a list unless it is already there; a list already holding
 * SPECTRA_MAX_TAGS tags (src/record/limits.h) keeps them and counts the tag in *dropped. */
void spectra_options_add_tag(zval *tags, zend_string *tag, size_t *dropped);
/* Merges an array of tags into a list (as spectra_options_add_tag). Each must be a string
 * (else TypeError) without NUL bytes (else ValueError); false when one is not. */
bool spectra_options_merge_tags(zval *tags, size_t *dropped, HashTable *new_tags, uint32_t arg_num, const char *what);
bool spectra_options_check_tier(zend_string *tier, uint32_t arg_num);
bool spectra_options_check_usage(HashTable *usage, uint32_t arg_num);
/* A trackable id is a string or an int. */
bool spectra_options_check_trackable_id(zval *id, uint32_t arg_num, const char *what);

#endif
