#include "json_reader.h"
#include "buf.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	const unsigned char *begin; /* the text as passed in, for offsets */
	const unsigned char *cur;
	const unsigned char *end;
	int line;
	int depth;
	unsigned flags;
	spectra_json_error *error;
	spectra_buf *scratch;      /* parse_string's decoding buffer */
	spectra_json_arena *arena; /* NULL: every value malloc'd on its own */
} json_parser;

struct spectra_json_arena_block {
	spectra_json_arena_block *next;
	size_t used;
	size_t size;
	max_align_t data[]; /* size bytes */
};

/* A block of at least need bytes (8 KiB, or more for a large document). */
static bool arena_add_block(spectra_json_arena *arena, size_t need)
{
	size_t size = need > 8192 ? need : 8192;
	spectra_json_arena_block *block = malloc(sizeof *block + size);
	if (!block) {
		return false;
	}
	block->next = arena->blocks;
	block->used = 0;
	block->size = size;
	arena->blocks = block;
	return true;
}

void *spectra_json_arena_alloc(spectra_json_arena *arena, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	spectra_json_arena_block *block = arena->blocks;
	if ((!block || block->size - block->used < size) && !arena_add_block(arena, size)) {
		return NULL;
	}
	block = arena->blocks;
	void *memory = (char *) block->data + block->used;
	block->used += size;
	return memory;
}

void spectra_json_arena_init(spectra_json_arena *arena)
{
	arena->blocks = NULL;
	spectra_buf_init(&arena->scratch);
}

void spectra_json_arena_reset(spectra_json_arena *arena)
{
	if (!arena->blocks) {
		return;
	}
	/* keep the newest block when it is an ordinary one; a document that needed more (an event
	 * of megabytes) gives its memory back at once */
	spectra_json_arena_block *keep = arena->blocks;
	spectra_json_arena_block *rest = keep->next;
	if (keep->size > 65536) {
		rest = keep;
		keep = NULL;
	}
	while (rest) {
		spectra_json_arena_block *next = rest->next;
		free(rest);
		rest = next;
	}
	if (keep) {
		keep->next = NULL;
		keep->used = 0;
	}
	arena->blocks = keep;
	if (arena->scratch.cap > 65536) {
		spectra_buf_free(&arena->scratch);
	}
}

void spectra_json_arena_free(spectra_json_arena *arena)
{
	while (arena->blocks) {
		spectra_json_arena_block *next = arena->blocks->next;
		free(arena->blocks);
		arena->blocks = next;
	}
	spectra_buf_free(&arena->scratch);
}

static void *parser_alloc(json_parser *parser, size_t size)
{
	return parser->arena ? spectra_json_arena_alloc(parser->arena, size) : malloc(size);
}

static bool parse_value(json_parser *parser, spectra_json_value *out);

static bool fail(json_parser *parser, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool fail(json_parser *parser, const char *fmt, ...)
{
	va_list args;
	va_start(args, fmt);
	vsnprintf(parser->error->reason, sizeof parser->error->reason, fmt, args);
	va_end(args);
	parser->error->line = parser->line;
	return false;
}

static bool at_end(const json_parser *parser)
{
	return parser->cur >= parser->end;
}

static size_t offset_of(const json_parser *parser)
{
	return (size_t) (parser->cur - parser->begin);
}

static bool lenient_utf8(const json_parser *parser)
{
	return (parser->flags & SPECTRA_JSON_ALLOW_INVALID_UTF8) != 0;
}

/* The current byte quoted for an error message, e.g. 'x', or "end of input". */
static const char *describe_current(const json_parser *parser, char *scratch, size_t size)
{
	if (at_end(parser)) {
		return "end of input";
	}
	unsigned char c = *parser->cur;
	if (c >= 0x20 && c < 0x7f) {
		snprintf(scratch, size, "'%c'", c);
	} else {
		snprintf(scratch, size, "byte 0x%02X", c);
	}
	return scratch;
}

static bool fail_unexpected(json_parser *parser, const char *expectation)
{
	char scratch[16];
	return fail(parser, "%s, found %s", expectation, describe_current(parser, scratch, sizeof scratch));
}

static bool fail_out_of_memory(json_parser *parser)
{
	return fail(parser, "out of memory");
}

static void skip_whitespace(json_parser *parser)
{
	while (!at_end(parser)) {
		unsigned char c = *parser->cur;
		if (c == '\n') {
			parser->line++;
		} else if (c != ' ' && c != '\t' && c != '\r') {
			return;
		}
		parser->cur++;
	}
}

/* Length of the well-formed UTF-8 sequence starting at bytes (lead byte >= 0x80), or 0:
 * rejects overlong forms, surrogates and code points above U+10FFFF. */
static size_t utf8_sequence_length(const unsigned char *bytes, size_t available)
{
	unsigned char lead = bytes[0];
	size_t length;
	unsigned char second_min = 0x80, second_max = 0xBF;
	if (lead >= 0xC2 && lead <= 0xDF) {
		length = 2;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		length = 3;
		if (lead == 0xE0) {
			second_min = 0xA0; /* overlong */
		} else if (lead == 0xED) {
			second_max = 0x9F; /* UTF-16 surrogates */
		}
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		length = 4;
		if (lead == 0xF0) {
			second_min = 0x90; /* overlong */
		} else if (lead == 0xF4) {
			second_max = 0x8F; /* above U+10FFFF */
		}
	} else {
		return 0;
	}
	if (available < length || bytes[1] < second_min || bytes[1] > second_max) {
		return 0;
	}
	for (size_t i = 2; i < length; i++) {
		if (bytes[i] < 0x80 || bytes[i] > 0xBF) {
			return 0;
		}
	}
	return length;
}

static bool append_code_point(spectra_buf *buf, uint32_t code_point)
{
	char bytes[4];
	size_t length;
	if (code_point < 0x80) {
		bytes[0] = (char) code_point;
		length = 1;
	} else if (code_point < 0x800) {
		bytes[0] = (char) (0xC0 | (code_point >> 6));
		bytes[1] = (char) (0x80 | (code_point & 0x3F));
		length = 2;
	} else if (code_point < 0x10000) {
		bytes[0] = (char) (0xE0 | (code_point >> 12));
		bytes[1] = (char) (0x80 | ((code_point >> 6) & 0x3F));
		bytes[2] = (char) (0x80 | (code_point & 0x3F));
		length = 3;
	} else {
		bytes[0] = (char) (0xF0 | (code_point >> 18));
		bytes[1] = (char) (0x80 | ((code_point >> 12) & 0x3F));
		bytes[2] = (char) (0x80 | ((code_point >> 6) & 0x3F));
		bytes[3] = (char) (0x80 | (code_point & 0x3F));
		length = 4;
	}
	return spectra_buf_append(buf, bytes, length);
}

/* The value of the 4 hex digits at digits (all 4 bytes must be readable), or false. */
static bool hex4_value(const unsigned char *digits, uint32_t *value)
{
	uint32_t result = 0;
	for (int i = 0; i < 4; i++) {
		unsigned char c = digits[i];
		uint32_t digit;
		if (c >= '0' && c <= '9') {
			digit = (uint32_t) (c - '0');
		} else if (c >= 'a' && c <= 'f') {
			digit = (uint32_t) (c - 'a' + 10);
		} else if (c >= 'A' && c <= 'F') {
			digit = (uint32_t) (c - 'A' + 10);
		} else {
			return false;
		}
		result = result * 16 + digit;
	}
	*value = result;
	return true;
}

/* Reads the XXXX of a \uXXXX escape; cur points just after the 'u'. */
static bool parse_hex4(json_parser *parser, uint32_t *value)
{
	if (parser->end - parser->cur < 4) {
		return fail(parser, "incomplete \\u escape");
	}
	if (!hex4_value(parser->cur, value)) {
		return fail(parser, "invalid \\u escape: expected 4 hex digits");
	}
	parser->cur += 4;
	return true;
}

/* After a high surrogate escape: reads a following \uDC00-\uDFFF escape into *low, or
 * reads nothing and returns false. */
static bool take_low_surrogate(json_parser *parser, uint32_t *low)
{
	const unsigned char *p = parser->cur;
	if (parser->end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4_value(p + 2, low) || *low < 0xDC00
		|| *low > 0xDFFF) {
		return false;
	}
	parser->cur += 6;
	return true;
}

/* cur points just after the backslash. */
static bool parse_escape(json_parser *parser, spectra_buf *buf)
{
	if (at_end(parser)) {
		return fail(parser, "unterminated string");
	}
	unsigned char c = *parser->cur++;
	char simple;
	switch (c) {
	case '"':
		simple = '"';
		break;
	case '\\':
		simple = '\\';
		break;
	case '/':
		simple = '/';
		break;
	case 'b':
		simple = '\b';
		break;
	case 'f':
		simple = '\f';
		break;
	case 'n':
		simple = '\n';
		break;
	case 'r':
		simple = '\r';
		break;
	case 't':
		simple = '\t';
		break;
	case 'u': {
		uint32_t code_point = 0;
		if (!parse_hex4(parser, &code_point)) {
			return false;
		}
		uint32_t low = 0;
		if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
			if (!lenient_utf8(parser)) {
				return fail(parser, "invalid \\u escape: unpaired low surrogate");
			}
			code_point = 0xFFFD;
		} else if (code_point >= 0xD800 && code_point <= 0xDBFF) {
			if (take_low_surrogate(parser, &low)) {
				code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
			} else if (lenient_utf8(parser)) {
				code_point = 0xFFFD; /* what follows is read on its own */
			} else {
				/* a malformed escape right after is reported as such */
				if (parser->end - parser->cur >= 2 && parser->cur[0] == '\\' && parser->cur[1] == 'u') {
					parser->cur += 2;
					if (!parse_hex4(parser, &low)) {
						return false;
					}
				}
				return fail(parser, "invalid \\u escape: unpaired high surrogate");
			}
		}
		return append_code_point(buf, code_point) || fail_out_of_memory(parser);
	}
	default: {
		parser->cur--;
		return fail_unexpected(parser, "invalid escape in string");
	}
	}
	return spectra_buf_append_char(buf, simple) || fail_out_of_memory(parser);
}

/* Bytes a string holds as they are: printable ASCII but the quote and the backslash. */
/* clang-format off */
const bool spectra_json_plain_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
/* clang-format on */

/* The length of the run of plain bytes at the start of text[0, len). */
static size_t plain_run(const unsigned char *text, size_t len)
{
	size_t i = 0;
	while (i < len && spectra_json_plain_byte[text[i]]) {
		i++;
	}
	return i;
}

/* cur points at the opening quote. On success *chars is malloc'd to fit and NUL-terminated;
 * the text is decoded into parser->scratch first, which all strings share. */
static bool parse_string(json_parser *parser, char **chars, size_t *len)
{
	spectra_buf *buf = parser->scratch;
	buf->len = 0;
	parser->cur++;
	/* the common string: printable ASCII up to its closing quote, copied once from the text */
	const unsigned char *plain = parser->cur + plain_run(parser->cur, (size_t) (parser->end - parser->cur));
	if (plain < parser->end && *plain == '"') {
		size_t length = (size_t) (plain - parser->cur);
		char *copy = parser_alloc(parser, length + 1);
		if (!copy) {
			return fail_out_of_memory(parser);
		}
		memcpy(copy, parser->cur, length);
		copy[length] = '\0';
		*chars = copy;
		*len = length;
		parser->cur = plain + 1;
		return true;
	}
	for (;;) {
		/* copy runs of plain bytes at once */
		const unsigned char *run = parser->cur;
		parser->cur += plain_run(parser->cur, (size_t) (parser->end - parser->cur));
		if (!spectra_buf_append(buf, run, (size_t) (parser->cur - run))) {
			return fail_out_of_memory(parser);
		}
		if (at_end(parser)) {
			return fail(parser, "unterminated string");
		}
		unsigned char c = *parser->cur;
		bool ok = true;
		if (c == '"') {
			parser->cur++;
			break;
		} else if (c == '\\') {
			parser->cur++;
			ok = parse_escape(parser, buf);
		} else if (c == '\n') {
			ok = fail(parser, "line break inside a string (missing closing quote?)");
		} else if (c < 0x20) {
			ok = fail(parser, "control character 0x%02X inside a string (escape it)", c);
		} else {
			size_t length = utf8_sequence_length(parser->cur, (size_t) (parser->end - parser->cur));
			if (length == 0 && lenient_utf8(parser)) {
				length = 1; /* kept as it is, byte by byte */
			}
			if (length == 0) {
				ok = fail(parser, "invalid UTF-8 in string");
			} else {
				ok = spectra_buf_append(buf, parser->cur, length) || fail_out_of_memory(parser);
				parser->cur += length;
			}
		}
		if (!ok) {
			return false;
		}
	}
	char *copy = parser_alloc(parser, buf->len + 1); /* an empty string still gets its NUL */
	if (!copy) {
		return fail_out_of_memory(parser);
	}
	if (buf->len) {
		memcpy(copy, buf->data, buf->len);
	}
	copy[buf->len] = '\0';
	*chars = copy;
	*len = buf->len;
	return true;
}

static bool is_digit(const json_parser *parser)
{
	return !at_end(parser) && *parser->cur >= '0' && *parser->cur <= '9';
}

/* strtod() honours LC_NUMERIC, which the host application may have changed: swap '.' for
 * the locale's decimal point in a copy. The grammar has been checked before. */
static bool convert_number(json_parser *parser, const unsigned char *start, size_t length, double *value)
{
	const char *decimal_point = localeconv()->decimal_point;
	size_t point_length = decimal_point && *decimal_point ? strlen(decimal_point) : 1;
	char copy[256];
	size_t used = 0;
	for (size_t i = 0; i < length; i++) {
		if (used + point_length + 1 > sizeof copy) {
			return fail(parser, "number literal too long");
		}
		if (start[i] == '.' && decimal_point && *decimal_point) {
			memcpy(copy + used, decimal_point, point_length);
			used += point_length;
		} else {
			copy[used++] = (char) start[i];
		}
	}
	copy[used] = '\0';
	*value = strtod(copy, NULL);
	if (isinf(*value)) {
		return fail(parser, "number out of range");
	}
	return true;
}

static bool parse_number(json_parser *parser, spectra_json_value *out)
{
	const unsigned char *start = parser->cur;
	bool negative = false;
	if (*parser->cur == '-') {
		negative = true;
		parser->cur++;
	}
	if (!is_digit(parser)) {
		return fail_unexpected(parser, "expected a digit");
	}
	if (*parser->cur == '0') {
		parser->cur++;
		if (is_digit(parser)) {
			return fail(parser, "leading zeros are not allowed in numbers");
		}
	} else {
		while (is_digit(parser)) {
			parser->cur++;
		}
	}
	const unsigned char *integer_end = parser->cur;
	bool integral = true;
	if (!at_end(parser) && *parser->cur == '.') {
		integral = false;
		parser->cur++;
		if (!is_digit(parser)) {
			return fail_unexpected(parser, "expected a digit after '.'");
		}
		while (is_digit(parser)) {
			parser->cur++;
		}
	}
	if (!at_end(parser) && (*parser->cur == 'e' || *parser->cur == 'E')) {
		integral = false;
		parser->cur++;
		if (!at_end(parser) && (*parser->cur == '+' || *parser->cur == '-')) {
			parser->cur++;
		}
		if (!is_digit(parser)) {
			return fail_unexpected(parser, "expected a digit in the exponent");
		}
		while (is_digit(parser)) {
			parser->cur++;
		}
	}

	out->type = SPECTRA_JSON_NUMBER;
	out->as.number.is_integer = false;
	out->as.number.integer = 0;
	if (integral) {
		/* exact int64 when it fits: token counts must not go through a double */
		uint64_t limit = negative ? (uint64_t) INT64_MAX + 1 : (uint64_t) INT64_MAX;
		uint64_t magnitude = 0;
		bool fits = true;
		for (const unsigned char *digit = start + negative; digit < integer_end; digit++) {
			uint64_t d = (uint64_t) (*digit - '0');
			if (magnitude > (limit - d) / 10) {
				fits = false;
				break;
			}
			magnitude = magnitude * 10 + d;
		}
		if (fits) {
			int64_t integer;
			if (negative && magnitude == (uint64_t) INT64_MAX + 1) {
				integer = INT64_MIN;
			} else {
				integer = negative ? -(int64_t) magnitude : (int64_t) magnitude;
			}
			out->as.number.is_integer = true;
			out->as.number.integer = integer;
			out->as.number.value = (negative && magnitude == 0) ? -0.0 : (double) integer;
			return true;
		}
	}
	return convert_number(parser, start, (size_t) (parser->cur - start), &out->as.number.value);
}

static bool parse_literal(json_parser *parser, spectra_json_value *out)
{
	static const struct {
		const char *text;
		spectra_json_type type;
		bool boolean;
	} literals[] = {
		{ "true", SPECTRA_JSON_BOOL, true },
		{ "false", SPECTRA_JSON_BOOL, false },
		{ "null", SPECTRA_JSON_NULL, false },
	};
	size_t available = (size_t) (parser->end - parser->cur);
	for (size_t i = 0; i < sizeof literals / sizeof literals[0]; i++) {
		size_t length = strlen(literals[i].text);
		if (available >= length && memcmp(parser->cur, literals[i].text, length) == 0) {
			parser->cur += length;
			out->type = literals[i].type;
			out->as.boolean = literals[i].boolean;
			return true;
		}
	}
	return fail_unexpected(parser, "expected a JSON value");
}

static bool enter_container(json_parser *parser)
{
	if (++parser->depth > SPECTRA_JSON_MAX_DEPTH) {
		return fail(parser, "nesting deeper than %d levels", SPECTRA_JSON_MAX_DEPTH);
	}
	parser->cur++; /* the opening bracket */
	return true;
}

/* Grows *items (of item_size bytes each) so one more fits. */
static bool grow_for_one_more(json_parser *parser, void **items, size_t count, size_t *capacity, size_t item_size)
{
	if (count < *capacity) {
		return true;
	}
	size_t new_capacity = *capacity ? *capacity * 2 : 4;
	void *grown;
	if (parser->arena) {
		/* the old items stay behind in the arena until its reset */
		grown = spectra_json_arena_alloc(parser->arena, new_capacity * item_size);
		if (grown && count) {
			memcpy(grown, *items, count * item_size);
		}
	} else {
		grown = realloc(*items, new_capacity * item_size);
	}
	if (!grown) {
		return fail_out_of_memory(parser);
	}
	*items = grown;
	*capacity = new_capacity;
	return true;
}

/* On failure *out still holds the items parsed so far, for spectra_json_free. */
static bool parse_array(json_parser *parser, spectra_json_value *out)
{
	out->type = SPECTRA_JSON_ARRAY;
	out->as.array.items = NULL;
	out->as.array.count = 0;
	if (!enter_container(parser)) {
		return false;
	}
	size_t capacity = 0;
	skip_whitespace(parser);
	if (!at_end(parser) && *parser->cur == ']') {
		parser->cur++;
		parser->depth--;
		return true;
	}
	for (;;) {
		skip_whitespace(parser);
		if (!at_end(parser) && *parser->cur == ']') {
			return fail(parser, "trailing comma before ']'");
		}
		void *items = out->as.array.items;
		if (!grow_for_one_more(parser, &items, out->as.array.count, &capacity, sizeof(spectra_json_value))) {
			return false;
		}
		out->as.array.items = items;
		spectra_json_value *item = &out->as.array.items[out->as.array.count];
		bool ok = parse_value(parser, item);
		out->as.array.count++; /* counted even when partial, so it gets freed */
		if (!ok) {
			return false;
		}
		skip_whitespace(parser);
		if (!at_end(parser) && *parser->cur == ',') {
			parser->cur++;
			continue;
		}
		if (!at_end(parser) && *parser->cur == ']') {
			parser->cur++;
			parser->depth--;
			return true;
		}
		return fail_unexpected(parser, "expected ',' or ']' after an array item");
	}
}

/* On failure *out still holds the members parsed so far, for spectra_json_free. */
static bool parse_object(json_parser *parser, spectra_json_value *out)
{
	out->type = SPECTRA_JSON_OBJECT;
	out->as.object.members = NULL;
	out->as.object.count = 0;
	if (!enter_container(parser)) {
		return false;
	}
	size_t capacity = 0;
	skip_whitespace(parser);
	if (!at_end(parser) && *parser->cur == '}') {
		parser->cur++;
		parser->depth--;
		return true;
	}
	for (;;) {
		skip_whitespace(parser);
		if (!at_end(parser) && *parser->cur == '}') {
			return fail(parser, "trailing comma before '}'");
		}
		if (at_end(parser) || *parser->cur != '"') {
			return fail_unexpected(parser, "expected a double-quoted key");
		}
		void *members = out->as.object.members;
		if (!grow_for_one_more(parser, &members, out->as.object.count, &capacity, sizeof(spectra_json_member))) {
			return false;
		}
		out->as.object.members = members;
		spectra_json_member *member = &out->as.object.members[out->as.object.count];
		member->line = parser->line;
		member->value.type = SPECTRA_JSON_NULL;
		member->value.line = parser->line;
		member->value.start = member->value.end = offset_of(parser);
		if (!parse_string(parser, &member->key, &member->key_len)) {
			return false;
		}
		out->as.object.count++; /* counted from here on, so it gets freed */
		skip_whitespace(parser);
		if (at_end(parser) || *parser->cur != ':') {
			return fail_unexpected(parser, "expected ':' after the key");
		}
		parser->cur++;
		skip_whitespace(parser);
		if (!parse_value(parser, &member->value)) {
			return false;
		}
		skip_whitespace(parser);
		if (!at_end(parser) && *parser->cur == ',') {
			parser->cur++;
			continue;
		}
		if (!at_end(parser) && *parser->cur == '}') {
			parser->cur++;
			parser->depth--;
			return true;
		}
		return fail_unexpected(parser, "expected ',' or '}' after an object member");
	}
}

/* cur is at the first character of the value (whitespace already skipped). */
static bool parse_value(json_parser *parser, spectra_json_value *out)
{
	out->type = SPECTRA_JSON_NULL;
	out->line = parser->line;
	out->start = offset_of(parser);
	out->end = out->start;
	if (at_end(parser)) {
		return fail(parser, "unexpected end of input");
	}
	bool ok;
	switch (*parser->cur) {
	case '{':
		ok = parse_object(parser, out);
		break;
	case '[':
		ok = parse_array(parser, out);
		break;
	case '"': {
		char *chars;
		size_t len;
		ok = parse_string(parser, &chars, &len);
		if (ok) {
			out->type = SPECTRA_JSON_STRING;
			out->as.string.chars = chars;
			out->as.string.len = len;
		}
		break;
	}
	case '-':
	case '0':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7':
	case '8':
	case '9':
		ok = parse_number(parser, out);
		break;
	default:
		ok = parse_literal(parser, out);
		break;
	}
	if (ok) {
		out->end = offset_of(parser);
	}
	return ok;
}

static bool parse_document(json_parser *parser, spectra_json_value *root)
{
	if (parser->end - parser->cur >= 3 && memcmp(parser->cur, "\xEF\xBB\xBF", 3) == 0) {
		parser->cur += 3;
	}
	skip_whitespace(parser);
	if (at_end(parser)) {
		return fail(parser, "empty document");
	}
	if (!parse_value(parser, root)) {
		return false;
	}
	skip_whitespace(parser);
	if (!at_end(parser)) {
		return fail_unexpected(parser, "expected the end of the document");
	}
	return true;
}

bool spectra_json_parse(const char *text, size_t len, spectra_json_value *root, spectra_json_error *error)
{
	return spectra_json_parse_ex(text, len, 0, root, error);
}

static bool parse_with(spectra_json_arena *arena, const char *text, size_t len, unsigned flags,
	spectra_json_value *root, spectra_json_error *error)
{
	spectra_json_error ignored;
	spectra_buf own_scratch;
	json_parser parser;
	parser.arena = arena;
	if (arena) {
		parser.scratch = &arena->scratch;
	} else {
		spectra_buf_init(&own_scratch);
		parser.scratch = &own_scratch;
	}
	parser.begin = (const unsigned char *) (text ? text : "");
	parser.cur = parser.begin;
	parser.end = parser.cur + (text ? len : 0);
	parser.line = 1;
	parser.depth = 0;
	parser.flags = flags;
	parser.error = error ? error : &ignored;
	parser.error->line = 0;
	parser.error->reason[0] = '\0';
	root->type = SPECTRA_JSON_NULL;
	root->line = 1;
	root->start = 0;
	root->end = 0;

	bool ok = parse_document(&parser, root);
	if (arena) {
		if (!ok) {
			root->type = SPECTRA_JSON_NULL; /* its parts stay in the arena until its reset */
		}
		return ok;
	}
	if (!ok) {
		spectra_json_free(root);
	}
	spectra_buf_free(&own_scratch);
	return ok;
}

bool spectra_json_parse_ex(const char *text, size_t len, unsigned flags, spectra_json_value *root,
	spectra_json_error *error)
{
	return parse_with(NULL, text, len, flags, root, error);
}

bool spectra_json_parse_in(spectra_json_arena *arena, const char *text, size_t len, unsigned flags,
	spectra_json_value *root, spectra_json_error *error)
{
	return parse_with(arena, text, len, flags, root, error);
}

void spectra_json_free(spectra_json_value *value)
{
	if (!value) {
		return;
	}
	switch (value->type) {
	case SPECTRA_JSON_STRING:
		free(value->as.string.chars);
		break;
	case SPECTRA_JSON_ARRAY:
		for (size_t i = 0; i < value->as.array.count; i++) {
			spectra_json_free(&value->as.array.items[i]);
		}
		free(value->as.array.items);
		break;
	case SPECTRA_JSON_OBJECT:
		for (size_t i = 0; i < value->as.object.count; i++) {
			free(value->as.object.members[i].key);
			spectra_json_free(&value->as.object.members[i].value);
		}
		free(value->as.object.members);
		break;
	default:
		break;
	}
	value->type = SPECTRA_JSON_NULL;
}

const spectra_json_value *spectra_json_object_get(const spectra_json_value *object, const char *key)
{
	if (!object || object->type != SPECTRA_JSON_OBJECT || !key) {
		return NULL;
	}
	size_t key_len = strlen(key);
	for (size_t i = 0; i < object->as.object.count; i++) {
		const spectra_json_member *member = &object->as.object.members[i];
		if (member->key_len == key_len && memcmp(member->key, key, key_len) == 0) {
			return &member->value;
		}
	}
	return NULL;
}

const char *spectra_json_type_name(spectra_json_type type)
{
	switch (type) {
	case SPECTRA_JSON_NULL:
		return "null";
	case SPECTRA_JSON_BOOL:
		return "boolean";
	case SPECTRA_JSON_NUMBER:
		return "number";
	case SPECTRA_JSON_STRING:
		return "string";
	case SPECTRA_JSON_ARRAY:
		return "array";
	case SPECTRA_JSON_OBJECT:
		return "object";
	}
	return "unknown";
}
