/* src/util/json_reader: strict and lenient parsing of any bytes. For a document it accepts:
 * the source ranges point at the right characters, strings are valid UTF-8 (strict mode),
 * the lenient mode accepts it too with the same tree, and writing the tree back as JSON and
 * parsing that gives the same tree (parse(serialize(x)) == x); parsed into an arena, the same
 * outcome and tree. */
#include "fuzz.h"

#include <math.h>

#include "otlp/utf8.h"
#include "util/json_reader.h"

static void check_ranges(const spectra_json_value *v, const char *text, size_t len, bool strict)
{
	FUZZ_ASSERT(v->start < v->end && v->end <= len && v->line >= 1);
	char first = text[v->start], last = text[v->end - 1];
	switch (v->type) {
	case SPECTRA_JSON_NULL:
		FUZZ_ASSERT(v->end - v->start == 4 && memcmp(text + v->start, "null", 4) == 0);
		break;
	case SPECTRA_JSON_BOOL:
		FUZZ_ASSERT(v->as.boolean ? (v->end - v->start == 4 && memcmp(text + v->start, "true", 4) == 0)
								  : (v->end - v->start == 5 && memcmp(text + v->start, "false", 5) == 0));
		break;
	case SPECTRA_JSON_NUMBER: {
		FUZZ_ASSERT(first == '-' || (first >= '0' && first <= '9'));
		FUZZ_ASSERT(isfinite(v->as.number.value));
		char number[512];
		size_t n = v->end - v->start;
		if (n < sizeof number) {
			memcpy(number, text + v->start, n);
			number[n] = '\0';
			FUZZ_ASSERT(strtod(number, NULL) == v->as.number.value || isinf(strtod(number, NULL)));
			if (v->as.number.is_integer) {
				FUZZ_ASSERT(!strpbrk(number, ".eE"));
				FUZZ_ASSERT(strtoll(number, NULL, 10) == v->as.number.integer);
			}
		}
		break;
	}
	case SPECTRA_JSON_STRING:
		FUZZ_ASSERT(first == '"' && last == '"' && v->end - v->start >= 2);
		FUZZ_ASSERT(v->as.string.chars[v->as.string.len] == '\0');
		FUZZ_ASSERT(!strict || spectra_utf8_is_valid(v->as.string.chars, v->as.string.len));
		break;
	case SPECTRA_JSON_ARRAY:
		FUZZ_ASSERT(first == '[' && last == ']');
		for (size_t i = 0; i < v->as.array.count; i++) {
			const spectra_json_value *item = &v->as.array.items[i];
			FUZZ_ASSERT(item->start > v->start && item->end < v->end);
			FUZZ_ASSERT(i == 0 || item->start >= v->as.array.items[i - 1].end);
			check_ranges(item, text, len, strict);
		}
		break;
	case SPECTRA_JSON_OBJECT:
		FUZZ_ASSERT(first == '{' && last == '}');
		for (size_t i = 0; i < v->as.object.count; i++) {
			const spectra_json_member *m = &v->as.object.members[i];
			FUZZ_ASSERT(m->key[m->key_len] == '\0' && m->line >= 1 && m->line <= m->value.line);
			FUZZ_ASSERT(!strict || spectra_utf8_is_valid(m->key, m->key_len));
			FUZZ_ASSERT(m->value.start > v->start && m->value.end < v->end);
			check_ranges(&m->value, text, len, strict);
		}
		break;
	}
}

static bool same_tree(const spectra_json_value *a, const spectra_json_value *b)
{
	if (a->type != b->type) {
		return false;
	}
	switch (a->type) {
	case SPECTRA_JSON_NULL:
		return true;
	case SPECTRA_JSON_BOOL:
		return a->as.boolean == b->as.boolean;
	case SPECTRA_JSON_NUMBER:
		return memcmp(&a->as.number.value, &b->as.number.value, sizeof(double)) == 0
			&& a->as.number.is_integer == b->as.number.is_integer
			&& (!a->as.number.is_integer || a->as.number.integer == b->as.number.integer);
	case SPECTRA_JSON_STRING:
		return a->as.string.len == b->as.string.len
			&& memcmp(a->as.string.chars, b->as.string.chars, a->as.string.len) == 0;
	case SPECTRA_JSON_ARRAY:
		if (a->as.array.count != b->as.array.count) {
			return false;
		}
		for (size_t i = 0; i < a->as.array.count; i++) {
			if (!same_tree(&a->as.array.items[i], &b->as.array.items[i])) {
				return false;
			}
		}
		return true;
	case SPECTRA_JSON_OBJECT:
		if (a->as.object.count != b->as.object.count) {
			return false;
		}
		for (size_t i = 0; i < a->as.object.count; i++) {
			const spectra_json_member *x = &a->as.object.members[i], *y = &b->as.object.members[i];
			if (x->key_len != y->key_len || memcmp(x->key, y->key, x->key_len) != 0
				|| !same_tree(&x->value, &y->value)) {
				return false;
			}
		}
		return true;
	}
	return false;
}

/* Writes the tree as JSON: numbers as their source text, strings through the encoder's
 * JSON string writer (which repairs invalid UTF-8: only equal for valid input). */
static void serialize(const spectra_json_value *v, const char *text, spectra_buf *out)
{
	switch (v->type) {
	case SPECTRA_JSON_NULL:
	case SPECTRA_JSON_BOOL:
	case SPECTRA_JSON_NUMBER:
		FUZZ_ASSERT(spectra_buf_append(out, text + v->start, v->end - v->start));
		break;
	case SPECTRA_JSON_STRING:
		FUZZ_ASSERT(spectra_utf8_append_json_string(out, v->as.string.chars, v->as.string.len));
		break;
	case SPECTRA_JSON_ARRAY:
		FUZZ_ASSERT(spectra_buf_append_char(out, '['));
		for (size_t i = 0; i < v->as.array.count; i++) {
			FUZZ_ASSERT(!i || spectra_buf_append_char(out, ','));
			serialize(&v->as.array.items[i], text, out);
		}
		FUZZ_ASSERT(spectra_buf_append_char(out, ']'));
		break;
	case SPECTRA_JSON_OBJECT:
		FUZZ_ASSERT(spectra_buf_append_char(out, '{'));
		for (size_t i = 0; i < v->as.object.count; i++) {
			const spectra_json_member *m = &v->as.object.members[i];
			FUZZ_ASSERT(!i || spectra_buf_append_char(out, ','));
			FUZZ_ASSERT(spectra_utf8_append_json_string(out, m->key, m->key_len));
			FUZZ_ASSERT(spectra_buf_append_char(out, ':'));
			serialize(&m->value, text, out);
		}
		FUZZ_ASSERT(spectra_buf_append_char(out, '}'));
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	spectra_json_value strict, lenient;
	spectra_json_error error;
	memset(&error, 0, sizeof error);
	bool strict_ok = spectra_json_parse(text, size, &strict, &error);
	if (!strict_ok) {
		FUZZ_ASSERT(strict.type == SPECTRA_JSON_NULL);
		FUZZ_ASSERT(error.line >= 1 && error.reason[0] && memchr(error.reason, '\0', sizeof error.reason));
	}
	bool lenient_ok = spectra_json_parse_ex(text, size, SPECTRA_JSON_ALLOW_INVALID_UTF8, &lenient, NULL);
	/* the lenient mode accepts a superset; on valid UTF-8 it builds the same tree */
	FUZZ_ASSERT(!strict_ok || lenient_ok);
	if (strict_ok) {
		check_ranges(&strict, text, size, true);
		FUZZ_ASSERT(same_tree(&strict, &lenient));
		FUZZ_ASSERT(spectra_json_object_get(&strict, "") == NULL || strict.type == SPECTRA_JSON_OBJECT);

		spectra_buf out;
		spectra_buf_init(&out);
		serialize(&strict, text, &out);
		spectra_json_value again;
		FUZZ_ASSERT(spectra_json_parse(out.data, out.len, &again, NULL));
		FUZZ_ASSERT(same_tree(&strict, &again));
		spectra_json_free(&again);
		spectra_buf_free(&out);
	}
	/* parsed into an arena (as the stream reader does), the same outcome and the same tree */
	static spectra_json_arena arena; /* kept across inputs, as across a stream's events */
	static bool arena_ready;
	if (!arena_ready) {
		spectra_json_arena_init(&arena);
		arena_ready = true;
	}
	spectra_json_value in_arena;
	bool arena_ok = spectra_json_parse_in(&arena, text, size, SPECTRA_JSON_ALLOW_INVALID_UTF8, &in_arena, NULL);
	FUZZ_ASSERT(arena_ok == lenient_ok);
	FUZZ_ASSERT(!arena_ok || same_tree(&lenient, &in_arena));
	FUZZ_ASSERT(arena_ok || in_arena.type == SPECTRA_JSON_NULL);
	spectra_json_arena_reset(&arena);
	if (lenient_ok) {
		check_ranges(&lenient, text, size, false);
		/* repaired by the writer, it is strict JSON */
		spectra_buf out;
		spectra_buf_init(&out);
		serialize(&lenient, text, &out);
		spectra_json_value again;
		FUZZ_ASSERT(spectra_json_parse(out.data, out.len, &again, NULL));
		spectra_json_free(&again);
		spectra_buf_free(&out);
	}
	spectra_json_free(&strict);
	spectra_json_free(&lenient);
	FUZZ_ASSERT(strict.type == SPECTRA_JSON_NULL && lenient.type == SPECTRA_JSON_NULL);
	return 0;
}
