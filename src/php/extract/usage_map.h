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
	SPECTRA_READ_COUNT,  /* a count (spectra_read_count): int, float or numeric string */
	SPECTRA_READ_ITEMS,  /* the number of elements of a list; an object (one file) is 1 */
	SPECTRA_READ_LENGTH, /* the number of elements of an array, list or not */
} spectra_usage_read;

typedef struct {
	spectra_usage_quantity quantity;
	const char *paths[4];    /* dotted paths into the body, summed; NULL-terminated */
	spectra_usage_key key;   /* for SPECTRA_USAGE_KEYED */
	spectra_usage_read read; /* SPECTRA_READ_COUNT unless said */
	bool first;              /* the first path that holds a count, not the sum (two names of one count) */
} spectra_usage_mapping;

/* A list of per-part counts (Gemini's ModalityTokenCount lists): each entry's count is added
 * to the usage key its name maps to; repeated names add up. */
typedef struct {
	const char *list;
	const char *name_key;
	const char *count_key;
	struct {
		const char *name;
		spectra_usage_key key;
	} parts[4];
} spectra_usage_breakdown;

/* A list of items (content blocks, output items, tool calls, parts): which are tool calls
 * and which mark a reasoning answer. The list path may walk lists ("choices.*.message"). */
typedef struct {
	const char *list;
	/* items of these string "type"s are tool calls, counted by type; "*" is any type, "*_x" any
	 * type ending in _x */
	const char *tool_types[3];
	const char *reasoning_types[3];
	const char *untyped_tool; /* an item without a string type is a tool call of this type */
	const char *tool_key;     /* an item holding this key (null too) is a tool call of type tool_key_type */
	const char *tool_key_type;
	const char *reasoning_flag; /* an item whose bool at this key is true marks reasoning */
} spectra_usage_items;

/* One test a body's path passes. */
typedef enum {
	SPECTRA_TEST_EXISTS,    /* the path is there, whatever it holds (null too) */
	SPECTRA_TEST_ARRAY,     /* it holds an object or list */
	SPECTRA_TEST_EQUALS,    /* it holds the string value */
	SPECTRA_TEST_NOT_ARRAY, /* it is not there or holds no object or list */
} spectra_usage_test_kind;

typedef struct {
	const char *path;
	spectra_usage_test_kind kind;
	const char *value;
} spectra_usage_test;

/* A flavor row. A row whose extractor has matches() is tested by it as well; one with
 * extract() runs it after the data is read: the hand-written part of a flavor (or all of it). */
typedef struct {
	spectra_extractor extractor; /* name, operation, model type, optional hooks */
	const char *required[3];     /* the body is this flavor when all these paths exist (not null)... */
	const char *absent[2];       /* ...none of these does... */
	const char *object;          /* ...this path, when set, holds an object or list... */
	struct {
		const char *path; /* ...the string at path is value (when path is set)... */
		const char *value;
	} equals;
	spectra_usage_test either[2][3]; /* ...and, when set, all the tests of one of these sets pass */
	spectra_usage_mapping mappings[8];
	/* when set, the quantities are read only if one of these paths holds a count, and then
	 * each is set, 0 when its paths are absent (Gemini's usageMetadata) */
	const char *counted_when[3];
	const spectra_usage_breakdown *breakdowns; /* NULL-list-terminated, or NULL */
	const char *response_id;                   /* path of the response id, or NULL */
	const char *finish_reason;                 /* path of the one finish reason (not empty), or NULL */
	/* paths of the finish reasons: the first that gives a string, each of a walked list ("*"),
	 * empty strings too */
	const char *finish_reasons[2];
	const char *pricing_tier;      /* path of the service tier the call was served at, or NULL */
	const char *standard_tiers[2]; /* tier names that mean the standard tier */
	const char *reasoning_effort;  /* path of the reasoning effort the call ran at, or NULL */
	spectra_usage_items items;
} spectra_usage_flavor;

/* MINIT: the rows' gate keys (their hashes made once). */
void spectra_usage_map_startup(void);

/* The flavor a body is, or NULL. */
const spectra_usage_flavor *spectra_usage_flavor_find(HashTable *body);

/* Reads the flavor's quantities, response id, finish reasons and items into the record, then
 * runs its extract() hook. */
void spectra_usage_flavor_apply(const spectra_usage_flavor *flavor, HashTable *body, spectra_record *record);

#endif
