#include "zval_read.h"

#include <math.h>
#include <string.h>

zval *spectra_read_path(HashTable *table, const char *path)
{
	zval *current = NULL;
	HashTable *scope = table;
	const char *segment = path;
	while (scope) {
		const char *dot = strchr(segment, '.');
		size_t len = dot ? (size_t) (dot - segment) : strlen(segment);
		current = zend_symtable_str_find(scope, segment, len);
		if (!current) {
			return NULL;
		}
		ZVAL_DEREF(current);
		if (!dot) {
			return current;
		}
		scope = Z_TYPE_P(current) == IS_ARRAY ? Z_ARRVAL_P(current) : NULL;
		segment = dot + 1;
	}
	return NULL;
}

HashTable *spectra_read_array(HashTable *table, const char *path)
{
	zval *value = spectra_read_path(table, path);
	return value && Z_TYPE_P(value) == IS_ARRAY ? Z_ARRVAL_P(value) : NULL;
}

zend_string *spectra_read_string(HashTable *table, const char *path)
{
	zval *value = spectra_read_path(table, path);
	return value && Z_TYPE_P(value) == IS_STRING ? Z_STR_P(value) : NULL;
}

bool spectra_read_count(HashTable *table, const char *path, int64_t *out)
{
	zval *value = spectra_read_path(table, path);
	if (!value) {
		return false;
	}
	switch (Z_TYPE_P(value)) {
	case IS_LONG:
		/* above 9e15 no real usage exists; the cap keeps sums of a few counts in int64 */
		if (Z_LVAL_P(value) < 0 || Z_LVAL_P(value) > SPECTRA_MAX_TOKEN_COUNT) {
			return false;
		}
		*out = Z_LVAL_P(value);
		return true;
	case IS_DOUBLE: {
		double d = Z_DVAL_P(value);
		if (!isfinite(d) || d < 0 || d > (double) SPECTRA_MAX_TOKEN_COUNT) {
			return false;
		}
		*out = (int64_t) d;
		return true;
	}
	case IS_STRING: {
		zend_long lval;
		double dval;
		zend_uchar type = is_numeric_string(Z_STRVAL_P(value), Z_STRLEN_P(value), &lval, &dval, false);
		if (type == IS_LONG && lval >= 0 && lval <= SPECTRA_MAX_TOKEN_COUNT) {
			*out = lval;
			return true;
		}
		if (type == IS_DOUBLE && isfinite(dval) && dval >= 0 && dval <= (double) SPECTRA_MAX_TOKEN_COUNT) {
			*out = (int64_t) dval;
			return true;
		}
		return false;
	}
	default:
		return false;
	}
}

bool spectra_read_bool(HashTable *table, const char *path, bool *out)
{
	zval *value = spectra_read_path(table, path);
	if (!value || (Z_TYPE_P(value) != IS_TRUE && Z_TYPE_P(value) != IS_FALSE)) {
		return false;
	}
	*out = Z_TYPE_P(value) == IS_TRUE;
	return true;
}

bool spectra_read_token_count(HashTable *table, const char *path, spectra_record *record, int64_t *field)
{
	int64_t value;
	if (!spectra_read_count(table, path, &value)) {
		return false;
	}
	*field = value;
	record->usage_seen = true;
	return true;
}

bool spectra_read_number(HashTable *table, const char *path, double max, double *out)
{
	zval *value = spectra_read_path(table, path);
	double number;
	if (value && Z_TYPE_P(value) == IS_LONG) {
		number = (double) Z_LVAL_P(value);
	} else if (value && Z_TYPE_P(value) == IS_DOUBLE) {
		number = Z_DVAL_P(value);
	} else {
		return false;
	}
	if (!isfinite(number) || number < 0 || number > max) {
		return false;
	}
	*out = number;
	return true;
}

bool spectra_read_seconds(HashTable *table, const char *path, double *out)
{
	return spectra_read_number(table, path, 1e7, out);
}

bool spectra_read_into(HashTable *table, const char *path, spectra_record *record, char **field)
{
	zend_string *value = spectra_read_string(table, path);
	if (!value || ZSTR_LEN(value) == 0) {
		return false;
	}
	spectra_record_setl(record, field, ZSTR_VAL(value), ZSTR_LEN(value));
	return true;
}
