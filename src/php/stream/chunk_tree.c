#include "chunk_tree.h"

#include <stdlib.h>
#include <string.h>

/* A chunk is one event: far below this many values. Beyond it the rest reads as null, so a
 * huge or self-referencing array cannot make the conversion slow. */
#define MAX_NODES 100000

typedef struct {
	size_t nodes;
	spectra_json_arena *arena;
} conversion;

static void *allocate(conversion *run, size_t size)
{
	void *memory = spectra_json_arena_alloc(run->arena, size);
	if (memory) {
		memset(memory, 0, size);
	}
	return memory;
}

static bool convert(conversion *run, zval *value, spectra_json_value *out, int depth);

static bool convert_string(conversion *run, const char *chars, size_t len, spectra_json_value *out)
{
	char *copy = allocate(run, len + 1);
	if (!copy) {
		return false;
	}
	memcpy(copy, chars, len);
	copy[len] = '\0';
	out->type = SPECTRA_JSON_STRING;
	out->as.string.chars = copy;
	out->as.string.len = len;
	return true;
}

static bool convert_table(conversion *run, HashTable *table, bool as_list, spectra_json_value *out, int depth)
{
	uint32_t count = zend_hash_num_elements(table);
	if (as_list) {
		out->type = SPECTRA_JSON_ARRAY;
		out->as.array.count = 0;
		out->as.array.items = count ? allocate(run, count * sizeof(spectra_json_value)) : NULL;
		if (count && !out->as.array.items) {
			out->type = SPECTRA_JSON_NULL;
			return false;
		}
		zval *item;
		ZEND_HASH_FOREACH_VAL(table, item) {
			if (!convert(run, item, &out->as.array.items[out->as.array.count++], depth + 1)) {
				return false;
			}
		}
		ZEND_HASH_FOREACH_END();
		return true;
	}
	out->type = SPECTRA_JSON_OBJECT;
	out->as.object.count = 0;
	out->as.object.members = count ? allocate(run, count * sizeof(spectra_json_member)) : NULL;
	if (count && !out->as.object.members) {
		out->type = SPECTRA_JSON_NULL;
		return false;
	}
	zend_string *key;
	zend_ulong index;
	zval *item;
	ZEND_HASH_FOREACH_KEY_VAL_IND(table, index, key, item)
	{
		spectra_json_member *member = &out->as.object.members[out->as.object.count++];
		char digits[24];
		const char *name = key ? ZSTR_VAL(key) : digits;
		size_t name_len = key ? ZSTR_LEN(key) : (size_t) snprintf(digits, sizeof digits, ZEND_ULONG_FMT, index);
		member->key = allocate(run, name_len + 1);
		if (!member->key) {
			return false;
		}
		memcpy(member->key, name, name_len);
		member->key[name_len] = '\0';
		member->key_len = name_len;
		if (!convert(run, item, &member->value, depth + 1)) {
			return false;
		}
	}
	ZEND_HASH_FOREACH_END();
	return true;
}

/* An array or object that is not being converted already (a reference to itself). */
static bool enter(HashTable *table)
{
	if (GC_FLAGS(table) & GC_IMMUTABLE) {
		return true;
	}
	if (GC_IS_RECURSIVE(table)) {
		return false;
	}
	GC_PROTECT_RECURSION(table);
	return true;
}

static void leave(HashTable *table)
{
	if (!(GC_FLAGS(table) & GC_IMMUTABLE)) {
		GC_UNPROTECT_RECURSION(table);
	}
}

static bool convert_nested(conversion *run, HashTable *table, bool as_list, spectra_json_value *out, int depth)
{
	if (!enter(table)) {
		return true; /* null */
	}
	bool ok = convert_table(run, table, as_list, out, depth);
	leave(table);
	return ok;
}

static bool convert(conversion *run, zval *value, spectra_json_value *out, int depth)
{
	memset(out, 0, sizeof *out);
	ZVAL_DEREF(value);
	if (depth > SPECTRA_JSON_MAX_DEPTH || ++run->nodes > MAX_NODES) {
		return true; /* null */
	}
	switch (Z_TYPE_P(value)) {
	case IS_FALSE:
	case IS_TRUE:
		out->type = SPECTRA_JSON_BOOL;
		out->as.boolean = Z_TYPE_P(value) == IS_TRUE;
		return true;
	case IS_LONG:
		out->type = SPECTRA_JSON_NUMBER;
		out->as.number.value = (double) Z_LVAL_P(value);
		out->as.number.is_integer = true;
		out->as.number.integer = (int64_t) Z_LVAL_P(value);
		return true;
	case IS_DOUBLE:
		out->type = SPECTRA_JSON_NUMBER;
		out->as.number.value = Z_DVAL_P(value);
		return true;
	case IS_STRING:
		return convert_string(run, Z_STRVAL_P(value), Z_STRLEN_P(value), out);
	case IS_ARRAY:
		return convert_nested(run, Z_ARRVAL_P(value),
			zend_array_is_list(Z_ARRVAL_P(value)) && zend_hash_num_elements(Z_ARRVAL_P(value)) > 0, out, depth);
	case IS_OBJECT:
		if (Z_OBJCE_P(value) == zend_standard_class_def) {
			/* json_decode() without $associative: its properties are the members */
			return convert_nested(run, Z_OBJ_HT_P(value)->get_properties(Z_OBJ_P(value)), false, out, depth);
		}
		return true;
	default:
		return true;
	}
}

bool spectra_chunk_tree(zval *value, spectra_json_arena *arena, spectra_json_value *out)
{
	conversion run = { 0, arena };
	if (convert(&run, value, out, 0)) {
		return true;
	}
	out->type = SPECTRA_JSON_NULL; /* its parts stay in the arena until its reset */
	return false;
}
