#include "delta_skim.h"

#include <string.h>

#include "../util/json_reader.h"

typedef struct {
	const unsigned char *at;
	const unsigned char *end;
} cursor;

static void skip_space(cursor *c)
{
	while (c->at < c->end && (*c->at == ' ' || *c->at == '\t' || *c->at == '\r' || *c->at == '\n')) {
		c->at++;
	}
}

/* The next non-space byte is `byte`: consumed. */
static bool take(cursor *c, unsigned char byte)
{
	skip_space(c);
	if (c->at < c->end && *c->at == byte) {
		c->at++;
		return true;
	}
	return false;
}

static bool take_literal(cursor *c, const char *word, size_t len)
{
	skip_space(c);
	if ((size_t) (c->end - c->at) >= len && memcmp(c->at, word, len) == 0) {
		c->at += len;
		return true;
	}
	return false;
}

static bool take_null(cursor *c)
{
	return take_literal(c, "null", 4);
}

static int hex_digit(unsigned char byte)
{
	return byte >= '0' && byte <= '9' ? byte - '0'
		: byte >= 'a' && byte <= 'f'  ? byte - 'a' + 10
		: byte >= 'A' && byte <= 'F'  ? byte - 'A' + 10
									  : -1;
}

/* Four hex digits at p (bounds checked by the caller), or -1. */
static long hex4(const unsigned char *p)
{
	long value = 0;
	for (int i = 0; i < 4; i++) {
		int digit = hex_digit(p[i]);
		if (digit < 0) {
			return -1;
		}
		value = value * 16 + digit;
	}
	return value;
}

/* A string value; its raw span (between the quotes) in start/len, its characters added to
 * *chars when chars is not NULL. False for anything the JSON reader would reject. */
static bool take_string(cursor *c, const unsigned char **start, size_t *len, int64_t *chars)
{
	if (!take(c, '"')) {
		return false;
	}
	const unsigned char *begin = c->at;
	int64_t count = 0;
	while (c->at < c->end) {
		/* keys and most deltas are a few bytes: a table lookup a byte beats a word-at-a-time scan */
		const unsigned char *run = c->at;
		while (c->at < c->end && spectra_json_plain_byte[*c->at]) {
			c->at++;
		}
		count += c->at - run;
		if (c->at == c->end) {
			break;
		}
		unsigned char byte = *c->at;
		if (byte == '"') {
			if (start) {
				*start = begin;
				*len = (size_t) (c->at - begin);
			}
			c->at++;
			if (chars) {
				*chars += count;
			}
			return true;
		}
		if (byte < 0x20) {
			return false;
		}
		if (byte != '\\') {
			count += (byte & 0xC0) != 0x80; /* a lead byte, or a stray byte kept as it is */
			c->at++;
			continue;
		}
		if (c->end - c->at < 2) {
			return false;
		}
		unsigned char escape = c->at[1];
		if (escape != 'u') {
			if (!strchr("\"\\/bfnrt", escape) || escape == '\0') {
				return false;
			}
			count++;
			c->at += 2;
			continue;
		}
		if (c->end - c->at < 6) {
			return false;
		}
		long code = hex4(c->at + 2);
		if (code < 0) {
			return false;
		}
		c->at += 6;
		if (code >= 0xD800 && code <= 0xDBFF && c->end - c->at >= 6 && c->at[0] == '\\' && c->at[1] == 'u') {
			long low = hex4(c->at + 2);
			if (low >= 0xDC00 && low <= 0xDFFF) {
				c->at += 6; /* a surrogate pair: one character */
			}
		}
		count++; /* a code point, or U+FFFD for an unpaired surrogate */
	}
	return false;
}

typedef struct {
	const char *text;
	size_t len;
} name;

#define NAME(literal) \
	{ \
		literal, sizeof literal - 1 \
	}

static bool string_is(const unsigned char *start, size_t len, name expected)
{
	if (len != expected.len) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (start[i] != (unsigned char) expected.text[i]) {
			return false;
		}
	}
	return true;
}

/* A small non-negative integer (an index, a timestamp): anything else declines. */
static bool take_integer(cursor *c)
{
	skip_space(c);
	const unsigned char *begin = c->at;
	while (c->at < c->end && *c->at >= '0' && *c->at <= '9' && c->at - begin < 18) {
		c->at++;
	}
	size_t digits = (size_t) (c->at - begin);
	if (digits == 0 || (digits > 1 && *begin == '0')) {
		return false;
	}
	return c->at >= c->end || !(*c->at == '.' || *c->at == 'e' || *c->at == 'E' || (*c->at >= '0' && *c->at <= '9'));
}

static bool take_string_or_null(cursor *c, int64_t *chars)
{
	return take_null(c) || take_string(c, NULL, NULL, chars);
}

/* At the cursor: the quoted name, exactly; consumed. */
static bool expected_key(cursor *c, name expected)
{
	size_t need = expected.len + 2;
	if ((size_t) (c->end - c->at) < need || c->at[0] != '"' || c->at[need - 1] != '"'
		|| memcmp(c->at + 1, expected.text, expected.len) != 0) {
		return false;
	}
	c->at += need;
	return true;
}

/* The members of an object, each known one at most once: the callback reads the value of
 * member `index` of names; an unknown member declines. */
typedef bool (*member_reader)(cursor *c, int index, void *context);

static bool take_object(cursor *c, const name *names, int name_count, member_reader read, void *context)
{
	if (!take(c, '{')) {
		return false;
	}
	unsigned seen = 0;
	if (take(c, '}')) {
		return true;
	}
	int next = 0; /* members mostly come in the order of names: that one is tried first */
	do {
		int index = -1;
		skip_space(c);
		if (next < name_count && expected_key(c, names[next])) {
			index = next; /* the key's bytes are the name's: nothing to validate */
		} else {
			const unsigned char *key;
			size_t key_len;
			if (!take_string(c, &key, &key_len, NULL)) {
				return false;
			}
			for (int i = 0; i < name_count; i++) {
				if (string_is(key, key_len, names[i])) {
					index = i;
					break;
				}
			}
		}
		if (!take(c, ':')) {
			return false;
		}
		next = index + 1;
		if (index < 0 || (seen & (1u << index)) || !read(c, index, context)) {
			return false;
		}
		seen |= 1u << index;
	} while (take(c, ','));
	return take(c, '}');
}

/* The text strings of a delta: their characters, and where the last one lies (its quotes
 * included), for the memo. */
typedef struct {
	int64_t chars;
	int count;
	const unsigned char *from;
	const unsigned char *to;
} text_seen;

static bool take_text(cursor *c, text_seen *text)
{
	skip_space(c);
	const unsigned char *from = c->at;
	if (!take_string(c, NULL, NULL, &text->chars)) {
		return false;
	}
	text->count++;
	text->from = from;
	text->to = c->at;
	return true;
}

/* ---- OpenAI chat chunks ----------------------------------------------------------------- */

typedef struct {
	text_seen text;
	bool is_chunk; /* "object": "chat.completion.chunk" */
} chat_state;

static const name delta_members[] = { NAME("role"), NAME("content"), NAME("refusal") };

static bool read_delta_member(cursor *c, int index, void *context)
{
	chat_state *state = context;
	if (index == 1) {
		return take_null(c) || take_text(c, &state->text);
	}
	return index == 0 ? take_string(c, NULL, NULL, NULL) : take_null(c);
}

static const name choice_members[] = { NAME("index"), NAME("delta"), NAME("logprobs"), NAME("finish_reason") };

static bool read_choice_member(cursor *c, int index, void *context)
{
	switch (index) {
	case 0:
		return take_integer(c);
	case 1:
		return take_object(c, delta_members, 3, read_delta_member, context);
	default:
		return take_null(c); /* a finish reason or log probabilities are news: declined */
	}
}

static const name chunk_members[] = { NAME("id"), NAME("object"), NAME("created"), NAME("model"),
	NAME("system_fingerprint"), NAME("service_tier"), NAME("obfuscation"), NAME("usage"), NAME("choices") };

static bool read_chunk_member(cursor *c, int index, void *context)
{
	chat_state *state = context;
	const unsigned char *value;
	size_t len;
	switch (index) {
	case 1:
		if (!take_string(c, &value, &len, NULL)) {
			return false;
		}
		state->is_chunk = string_is(value, len, (name) NAME("chat.completion.chunk"));
		return state->is_chunk;
	case 2:
		return take_integer(c);
	case 7:
		return take_null(c);
	case 8:
		if (!take(c, '[')) {
			return false;
		}
		if (take(c, ']')) {
			return true;
		}
		do {
			if (!take_object(c, choice_members, 4, read_choice_member, context)) {
				return false;
			}
		} while (take(c, ','));
		return take(c, ']');
	default:
		return take_string_or_null(c, NULL);
	}
}

/* ---- Anthropic content_block_delta -------------------------------------------------------- */

typedef struct {
	text_seen text;
	bool is_delta;
} anthropic_state;

static const name text_delta_members[] = { NAME("type"), NAME("text"), NAME("partial_json"), NAME("thinking"),
	NAME("signature") };

static bool read_text_delta_member(cursor *c, int index, void *context)
{
	anthropic_state *state = context;
	if (index == 0 || index == 4) {
		return take_string(c, NULL, NULL, NULL);
	}
	return take_text(c, &state->text);
}

static const name block_delta_members[] = { NAME("type"), NAME("index"), NAME("delta") };

static bool read_block_delta_member(cursor *c, int index, void *context)
{
	anthropic_state *state = context;
	const unsigned char *value;
	size_t len;
	if (index == 0) {
		if (!take_string(c, &value, &len, NULL)) {
			return false;
		}
		state->is_delta = string_is(value, len, (name) NAME("content_block_delta"));
		return state->is_delta;
	}
	if (index == 1) {
		return take_integer(c);
	}
	return take_object(c, text_delta_members, 5, read_text_delta_member, context);
}

static bool at_end(cursor *c)
{
	skip_space(c);
	return c->at == c->end;
}

/* The whole skim; *text tells where the counted strings were. */
static spectra_skim_kind skim(const char *json, size_t len, text_seen *text)
{
	cursor c = { (const unsigned char *) json, (const unsigned char *) json + len };
	skip_space(&c);
	if (c.end - c.at < 10) {
		return SPECTRA_SKIM_DECLINED;
	}
	/* Anthropic's events start with their type; OpenAI's chunks with their id */
	if (memcmp(c.at, "{\"type\"", 7) == 0) {
		anthropic_state state = { { 0, 0, NULL, NULL }, false };
		if (take_object(&c, block_delta_members, 3, read_block_delta_member, &state) && state.is_delta && at_end(&c)) {
			*text = state.text;
			return SPECTRA_SKIM_ANTHROPIC_DELTA;
		}
		return SPECTRA_SKIM_DECLINED;
	}
	chat_state state = { { 0, 0, NULL, NULL }, false };
	if (take_object(&c, chunk_members, 9, read_chunk_member, &state) && state.is_chunk && at_end(&c)) {
		*text = state.text;
		return SPECTRA_SKIM_CHAT_DELTA;
	}
	return SPECTRA_SKIM_DECLINED;
}

spectra_skim_kind spectra_delta_skim(const char *json, size_t len, int64_t *chars)
{
	text_seen text = { 0, 0, NULL, NULL };
	spectra_skim_kind kind = skim(json, len, &text);
	*chars = text.chars;
	return kind;
}

void spectra_delta_memo_init(spectra_delta_memo *memo)
{
	memo->kind = SPECTRA_SKIM_DECLINED;
	memo->prefix_len = 0;
	memo->suffix_len = 0;
}

/* json is the memo's delta with another valid string in place of its text: the skim would
 * take the same path through it and only count other characters. */
static bool matches_memo(const spectra_delta_memo *memo, const char *json, size_t len, int64_t *chars)
{
	if (memo->kind == SPECTRA_SKIM_DECLINED || len < memo->prefix_len + 2 + memo->suffix_len
		|| memcmp(json, memo->bytes, memo->prefix_len) != 0 || json[memo->prefix_len] != '"') {
		return false;
	}
	cursor c = { (const unsigned char *) json + memo->prefix_len, (const unsigned char *) json + len };
	int64_t count = 0;
	if (!take_string(&c, NULL, NULL, &count) || (size_t) (c.end - c.at) != memo->suffix_len
		|| memcmp(c.at, memo->bytes + memo->prefix_len, memo->suffix_len) != 0) {
		return false;
	}
	*chars = count;
	return true;
}

spectra_skim_kind spectra_delta_skim_memo(spectra_delta_memo *memo, const char *json, size_t len, int64_t *chars)
{
	if (matches_memo(memo, json, len, chars)) {
		return memo->kind;
	}
	text_seen text = { 0, 0, NULL, NULL };
	spectra_skim_kind kind = skim(json, len, &text);
	*chars = text.chars;
	if (kind != SPECTRA_SKIM_DECLINED && text.count == 1) {
		/* a delta with one text string: the bytes around it are the next delta's template */
		size_t prefix = (size_t) ((const char *) text.from - json);
		size_t suffix = len - (size_t) ((const char *) text.to - json);
		if (prefix + suffix <= sizeof memo->bytes) {
			memcpy(memo->bytes, json, prefix);
			memcpy(memo->bytes + prefix, (const char *) text.to, suffix);
			memo->prefix_len = prefix;
			memo->suffix_len = suffix;
			memo->kind = kind;
		}
	}
	return kind;
}
