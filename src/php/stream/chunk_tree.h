/* A PHP value handed to Spectra::stream() as a chunk (a decoded event: an array, or a
 * stdClass from json_decode) as the plain-C JSON tree the stream readers take, without
 * encoding it to text and parsing it back. */
#ifndef SPECTRA_PHP_STREAM_CHUNK_TREE_H
#define SPECTRA_PHP_STREAM_CHUNK_TREE_H

#include "php.h"
#include "src/util/json_reader.h"

/* Fills *out, its parts in arena (gone with the arena's next reset). Lists become arrays,
 * other arrays and stdClass objects become objects (integer keys as decimal text), other
 * objects and resources null; anything deeper than SPECTRA_JSON_MAX_DEPTH is cut off as
 * null. False when memory ran out (*out is then null). */
bool spectra_chunk_tree(zval *value, spectra_json_arena *arena, spectra_json_value *out);

#endif
