/* Data-driven usage extraction: one row per provider API flavor, naming the paths that
 * identify a body of that flavor and the paths whose values make each quantity of the record
 * (summed where a provider splits a total), walked by one reader. New flavors are rows of
 * the table in usage_map.c, not code. */
#ifndef SPECTRA_PHP_EXTRACT_USAGE_MAP_H
#define SPECTRA_PHP_EXTRACT_USAGE_MAP_H

#include "php.h"
#include "src/php/extract/extractor.h"
#include "src/record/record.h"

/* The record quantities a mapping can fill. */
typedef enum {
	SPECTRA_USAGE_INPUT,          /* prompt_tokens: all input, cached and cache writes included */
	SPECTRA_USAGE_OUTPUT,         /* completion_tokens: all output, reasoning included */
	SPECTRA_USAGE_CACHE_READ,     /* cached_tokens */
	SPECTRA_USAGE_CACHE_WRITE,    /* cache_write_tokens */
	SPECTRA_USAGE_REASONING,      /* reasoning_tokens (part of the output) */
	SPECTRA_USAGE_CACHE_WRITE_1H, /* cache_write_1h_tokens (the part of the writes cached for an hour) */
	SPECTRA_USAGE_KEYED,          /* usage[key]: a genai-prices quantity (pages, ...) */
	SPECTRA_USAGE_IMAGES,         /* image_count */
	SPECTRA_USAGE_VIDEOS,         /* video_count */
	SPECTRA_USAGE_CHARACTERS,     /* input_characters */
} spectra_usage_quantity;

/* How a path gives its value. */
typedef enum {
	SPECTRA_READ_COUNT, /* a count (spectra_read_count): int, float or numeric string */
	SPECTRA_READ_ITEMS, /* the number of elements of a list; an object (one file) is 1 */
} spectra_usage_read;

typedef struct {
	spectra_usage_quantity quantity;
	const char *paths[4];    /* dotted paths into the body, summed; NULL-terminated */
	spectra_usage_key key;   /* for SPECTRA_USAGE_KEYED */
	spectra_usage_read read; /* SPECTRA_READ_COUNT unless said */
} spectra_usage_mapping;

/* A list of typed items (content blocks, output items): which types are tool calls, counted
 * by type, and which mark a reasoning answer. */
typedef struct {
	const char *list; /* path of the list; each item an object with a string "type" */
	const char *tool_types[3];
	const char *reasoning_types[3];
} spectra_usage_items;

typedef struct {
	spectra_extractor extractor; /* name, operation, model type (its functions are unused) */
	const char *required[3];     /* the body is this flavor when all these paths exist (not null)... */
	const char *absent[2];       /* ...none of these does... */
	const char *object;          /* ...this path, when set, holds an object or list... */
	struct {
		const char *path; /* ...and the string at path is value (when path is set) */
		const char *value;
	} equals;
	spectra_usage_mapping mappings[8];
	const char *response_id;   /* path of the response id, or NULL */
	const char *finish_reason; /* path of the one finish reason, or NULL */
	const char *pricing_tier;  /* path of the service tier the call was served at, or NULL */
	spectra_usage_items items;
} spectra_usage_flavor;

/* The flavor a body is, or NULL. */
const spectra_usage_flavor *spectra_usage_flavor_find(HashTable *body);

/* Reads the flavor's quantities, response id and finish reason into the record. */
void spectra_usage_flavor_apply(const spectra_usage_flavor *flavor, HashTable *body, spectra_record *record);

#endif
