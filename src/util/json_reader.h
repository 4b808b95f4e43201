/* A small strict JSON reader (RFC 8259) in plain C: parses a whole document into a tree of
 * malloc'd values, each remembering the line it starts on so that callers can report
 * "file:line: reason", and the byte range of its source text so that callers can copy a
 * value verbatim. Meant for configuration files, small request parts and response bodies.
 *
 * Strict means: no comments, no trailing commas, no single quotes, no NaN/Infinity, no
 * leading zeros, no raw control characters in strings, valid UTF-8 only, nothing after the
 * document. A leading UTF-8 byte order mark is skipped. Duplicate object keys are kept as
 * they are (callers that care check them; spectra_json_object_get returns the first). */
#ifndef SPECTRA_UTIL_JSON_READER_H
#define SPECTRA_UTIL_JSON_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Deeper documents are rejected rather than risking the C stack. */
#define SPECTRA_JSON_MAX_DEPTH 128

typedef enum {
	SPECTRA_JSON_NULL = 0,
	SPECTRA_JSON_BOOL,
	SPECTRA_JSON_NUMBER,
	SPECTRA_JSON_STRING,
	SPECTRA_JSON_ARRAY,
	SPECTRA_JSON_OBJECT,
} spectra_json_type;

typedef struct spectra_json_value spectra_json_value;
typedef struct spectra_json_member spectra_json_member;

struct spectra_json_value {
	spectra_json_type type;
	int line; /* 1-based line of the value's first character */
	/* The value's source is text[start, end) of the parsed text (a string's includes its
	 * quotes, a container's its brackets); offsets count a skipped byte order mark. */
	size_t start;
	size_t end;
	union {
		bool boolean;
		struct {
			double value;
			bool is_integer; /* no fraction or exponent, and fits int64 */
			int64_t integer; /* valid when is_integer */
		} number;
		struct {
			/* UTF-8 (see SPECTRA_JSON_ALLOW_INVALID_UTF8), NUL-terminated; may contain NUL
			 * bytes from \u0000 */
			char *chars;
			size_t len;
		} string;
		struct {
			spectra_json_value *items;
			size_t count;
		} array;
		struct {
			spectra_json_member *members; /* in document order */
			size_t count;
		} object;
	} as;
};

struct spectra_json_member {
	char *key; /* UTF-8, NUL-terminated */
	size_t key_len;
	int line; /* line of the key */
	spectra_json_value value;
};

typedef struct {
	int line;
	char reason[160];
} spectra_json_error;

/* Options for spectra_json_parse_ex. */
enum {
	/* For text written by other programs, where a bad byte should not cost the whole
	 * document: bytes in strings and keys that are not well-formed UTF-8 are kept as they
	 * are (the caller repairs what it uses), and \u escapes of unpaired surrogates decode
	 * to U+FFFD. Everything else stays strict. */
	SPECTRA_JSON_ALLOW_INVALID_UTF8 = 1u << 0,
};

/* Parses text[0, len). On success fills *root (release it with spectra_json_free) and returns
 * true. On failure returns false, leaves *root as JSON null and fills *error (may be NULL). */
bool spectra_json_parse(const char *text, size_t len, spectra_json_value *root, spectra_json_error *error);

/* The same with options: flags is 0 or SPECTRA_JSON_ALLOW_INVALID_UTF8. */
bool spectra_json_parse_ex(const char *text, size_t len, unsigned flags, spectra_json_value *root,
	spectra_json_error *error);

/* Frees everything the value owns (not the value itself) and resets it to null. */
void spectra_json_free(spectra_json_value *value);

/* The bytes a JSON string holds as they are, nothing to decode or check: printable ASCII but
 * the quote and the backslash. */
extern const bool spectra_json_plain_byte[256];

/* An arena for readers that parse many small documents one after another (the events of a
 * stream): the values of a document parsed into it live in its blocks, released all at once
 * by spectra_json_arena_reset() instead of one free() per value. Such a root is never passed
 * to spectra_json_free(). */
typedef struct spectra_json_arena_block spectra_json_arena_block;
typedef struct {
	spectra_json_arena_block *blocks; /* newest first */
	spectra_buf scratch;              /* string decoding, kept across documents */
} spectra_json_arena;

void spectra_json_arena_init(spectra_json_arena *arena);
/* Forgets every value parsed into the arena; keeps one block for the next document. */
void spectra_json_arena_reset(spectra_json_arena *arena);
void spectra_json_arena_free(spectra_json_arena *arena);
/* size bytes from the arena (aligned for any value), for a caller building a tree itself; NULL
 * when memory ran out. */
void *spectra_json_arena_alloc(spectra_json_arena *arena, size_t size);
/* spectra_json_parse_ex with the values in arena. */
bool spectra_json_parse_in(spectra_json_arena *arena, const char *text, size_t len, unsigned flags,
	spectra_json_value *root, spectra_json_error *error);

/* The first member named key, or NULL (also when object is not an object). */
const spectra_json_value *spectra_json_object_get(const spectra_json_value *object, const char *key);

/* "null", "boolean", "number", "string", "array" or "object", for error messages. */
const char *spectra_json_type_name(spectra_json_type type);

#endif
