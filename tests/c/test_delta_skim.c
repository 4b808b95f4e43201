/* The delta skim (src/stream/delta_skim.c): the text-delta events it takes, with their
 * characters counted as the JSON reader decodes them, and the events it must leave to the
 * full reading. The full reading of each accepted event is compared too: same characters. */
#include "stream/delta_skim.h"
#include "stream/stream_usage.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

/* Characters the full reading counts for one event (skim off). */
static int64_t full_chars(const char *json)
{
	spectra_stream_usage usage;
	spectra_stream_usage_init(&usage);
	usage.no_skim = true;
	spectra_stream_usage_event(&usage, NULL, 0, json, strlen(json));
	int64_t chars = usage.bad_events ? -1 : usage.output_chars;
	spectra_stream_usage_free(&usage);
	return chars;
}

/* One memo through every case in turn: whatever the last delta taken was, the memo's answer
 * is the plain skim's. */
static spectra_delta_memo running_memo;

static void same_through_memo(const char *json)
{
	int64_t plain_chars = -1;
	int64_t memo_chars = -1;
	spectra_skim_kind plain = spectra_delta_skim(json, strlen(json), &plain_chars);
	spectra_skim_kind memo = spectra_delta_skim_memo(&running_memo, json, strlen(json), &memo_chars);
	if (!CHECK(plain == memo && (plain == SPECTRA_SKIM_DECLINED || plain_chars == memo_chars))) {
		fprintf(stderr, "     %s: kind %d/%d through the memo, %lld/%lld chars\n", json, (int) plain, (int) memo,
			(long long) plain_chars, (long long) memo_chars);
	}
}

static void accepted(spectra_skim_kind kind, const char *json, int64_t expected_chars)
{
	int64_t chars = -1;
	spectra_skim_kind got = spectra_delta_skim(json, strlen(json), &chars);
	if (!CHECK(got == kind && chars == expected_chars && full_chars(json) == expected_chars)) {
		fprintf(stderr, "     %s: kind %d, %lld chars (full reading %lld)\n", json, (int) got, (long long) chars,
			(long long) full_chars(json));
	}
	same_through_memo(json);
}

static void declined(const char *json)
{
	int64_t chars = 0;
	if (!CHECK(spectra_delta_skim(json, strlen(json), &chars) == SPECTRA_SKIM_DECLINED)) {
		fprintf(stderr, "     taken: %s\n", json);
	}
	same_through_memo(json);
}

/* A memo primed with `template`, then `json` through it: the kind and characters expected
 * (and the plain skim's, which must agree). */
static void after_template(const char *template, const char *json, spectra_skim_kind kind, int64_t expected_chars)
{
	spectra_delta_memo memo;
	spectra_delta_memo_init(&memo);
	int64_t chars = -1;
	spectra_delta_skim_memo(&memo, template, strlen(template), &chars);
	chars = -1;
	spectra_skim_kind got = spectra_delta_skim_memo(&memo, json, strlen(json), &chars);
	int64_t plain_chars = -1;
	spectra_skim_kind plain = spectra_delta_skim(json, strlen(json), &plain_chars);
	bool chars_ok = kind == SPECTRA_SKIM_DECLINED || (chars == expected_chars && plain_chars == expected_chars);
	if (!CHECK(got == kind && plain == kind && chars_ok)) {
		fprintf(stderr, "     after the template, %s: kind %d (plain %d), %lld chars\n", json, (int) got, (int) plain,
			(long long) chars);
	}
}

#define CHUNK(choices) \
	"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1731000000,\"model\":\"gpt-4o\"," \
	"\"system_fingerprint\":\"fp_1\",\"choices\":[" choices "]}"

#define TEXT_CHUNK(text) \
	CHUNK("{\"index\":0,\"delta\":{\"content\":" text "},\"logprobs\":null,\"finish_reason\":null}")
#define TEXT_DELTA(text) \
	"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" text "}}"

static void memo_cases(void)
{
	const char *chat = TEXT_CHUNK("\"Hello\"");
	after_template(chat, TEXT_CHUNK("\" world\""), SPECTRA_SKIM_CHAT_DELTA, 6);
	after_template(chat, TEXT_CHUNK("\"\""), SPECTRA_SKIM_CHAT_DELTA, 0);
	after_template(chat, TEXT_CHUNK("\"caf\\u00e9 \\\"q\\\"\""), SPECTRA_SKIM_CHAT_DELTA, 8);
	after_template(chat, TEXT_CHUNK("null"), SPECTRA_SKIM_CHAT_DELTA, 0);
	/* the string ends early and the rest is a member the skim does not know */
	after_template(chat, TEXT_CHUNK("\"a\",\"x\":\"b\""), SPECTRA_SKIM_DECLINED, 0);
	after_template(chat, TEXT_CHUNK("\"raw\ttab\""), SPECTRA_SKIM_DECLINED, 0);
	after_template(chat, TEXT_CHUNK("\"bad \\x\""), SPECTRA_SKIM_DECLINED, 0);
	after_template(chat, TEXT_CHUNK("\"unterminated"), SPECTRA_SKIM_DECLINED, 0);
	after_template(chat, TEXT_CHUNK("7"), SPECTRA_SKIM_DECLINED, 0);
	/* same bytes before the text, news after it */
	after_template(chat,
		CHUNK("{\"index\":0,\"delta\":{\"content\":\"!\"},\"logprobs\":null,\"finish_reason\":\"stop\"}"),
		SPECTRA_SKIM_DECLINED, 0);
	/* news of the same length as the template's bytes */
	after_template(chat, CHUNK("{\"index\":0,\"delta\":{\"content\":\"!\"},\"logprobs\":null,\"finish_reason\":true}"),
		SPECTRA_SKIM_DECLINED, 0);
	after_template(chat,
		CHUNK("{\"index\":0,\"delta\":{\"content\":\"!\"},\"logprobs\":\"ab\",\"finish_reason\":null}"),
		SPECTRA_SKIM_DECLINED, 0);
	after_template(chat,
		"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1731000000,\"model\":\"gpt-4o\","
		"\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"Hello\"},\"logprobs\":"
		"null,\"finish_reason\":null}]}",
		SPECTRA_SKIM_DECLINED, 0);
	after_template(chat, TEXT_CHUNK("\"a\"") " ", SPECTRA_SKIM_CHAT_DELTA, 1);
	after_template(chat, TEXT_CHUNK("\"a\"") " x", SPECTRA_SKIM_DECLINED, 0);
	after_template(chat, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\"", SPECTRA_SKIM_DECLINED, 0);
	/* another id: read in full, and taken */
	after_template(chat,
		"{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1731000000,\"model\":\"gpt-4o\","
		"\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ab\"}}]}",
		SPECTRA_SKIM_CHAT_DELTA, 2);
	const char *anthropic = TEXT_DELTA("\"Hi\"");
	after_template(anthropic, TEXT_DELTA("\" there\""), SPECTRA_SKIM_ANTHROPIC_DELTA, 6);
	after_template(anthropic, TEXT_DELTA("null"), SPECTRA_SKIM_DECLINED, 0);
	/* a template with two text strings is not kept: the next delta is read in full */
	after_template(CHUNK("{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1,\"delta\":{\"content\":\"b\"}}"),
		CHUNK("{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1,\"delta\":{\"content\":\"xyz\"}}"),
		SPECTRA_SKIM_CHAT_DELTA, 4);
}

int main(void)
{
	spectra_delta_memo_init(&running_memo);
	memo_cases();
	accepted(SPECTRA_SKIM_CHAT_DELTA,
		CHUNK("{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}"), 5);
	accepted(SPECTRA_SKIM_CHAT_DELTA, CHUNK("{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}"), 0);
	accepted(SPECTRA_SKIM_CHAT_DELTA, CHUNK("{\"index\":0,\"delta\":{\"content\":null,\"refusal\":null}}"), 0);
	/* UTF-8 and escapes: caf\u00e9 = 4, a surrogate pair = 1, a lone surrogate = U+FFFD = 1, \n = 1 */
	accepted(SPECTRA_SKIM_CHAT_DELTA, CHUNK("{\"index\":0,\"delta\":{\"content\":\"caf\\u00e9 \xc3\xa9\\n\"}}"), 7);
	accepted(SPECTRA_SKIM_CHAT_DELTA, CHUNK("{\"index\":0,\"delta\":{\"content\":\"\\ud83d\\ude00!\"}}"), 2);
	accepted(SPECTRA_SKIM_CHAT_DELTA, CHUNK("{\"index\":0,\"delta\":{\"content\":\"\\ud83dx\\udc00\"}}"), 3);
	accepted(SPECTRA_SKIM_CHAT_DELTA, CHUNK("{\"index\":0,\"delta\":{\"content\":\"\\ud83d\\u0041\"}}"), 2);
	/* invalid UTF-8 is kept byte by byte, as the reader is lenient */
	accepted(SPECTRA_SKIM_CHAT_DELTA, CHUNK("{\"index\":0,\"delta\":{\"content\":\"\xff\xfe\"}}"), 2);
	/* two choices, whitespace and newlines between tokens, usage null */
	accepted(SPECTRA_SKIM_CHAT_DELTA,
		" {\"object\" : \"chat.completion.chunk\",\n \"choices\":[{\"index\":0,\"delta\":{\"content\":\"ab\"}},"
		"{\"index\":1,\"delta\":{\"content\":\"cde\"}}], \"usage\": null}\r\n",
		5);
	accepted(SPECTRA_SKIM_ANTHROPIC_DELTA,
		"{\"type\": \"content_block_delta\", \"index\": 0, \"delta\": {\"type\": \"text_delta\", \"text\": \"Hi!\"}}",
		3);
	accepted(SPECTRA_SKIM_ANTHROPIC_DELTA,
		"{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
		"\"{\\\"a\\\":1}\"}}",
		7);
	accepted(SPECTRA_SKIM_ANTHROPIC_DELTA,
		"{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"EqQB\"}}",
		0);

	/* anything with news, or anything unusual, is read in full */
	declined(CHUNK("{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}"));
	declined(CHUNK("{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\"}]}}"));
	declined(CHUNK("{\"index\":0,\"delta\":{\"content\":\"a\",\"content\":\"b\"}}"));
	declined(CHUNK("{\"index\":0,\"delta\":{\"reasoning_content\":\"think\"}}"));
	declined(CHUNK("{\"index\":-1,\"delta\":{\"content\":\"a\"}}"));
	declined(CHUNK("{\"index\":0.5,\"delta\":{\"content\":\"a\"}}"));
	declined(CHUNK("{\"index\":01,\"delta\":{\"content\":\"a\"}}"));
	declined("{\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":1}}");
	declined("{\"object\":\"chat.completion\",\"choices\":[]}");
	declined("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"no object member\"}}]}");
	declined("{\"object\":\"chat.completion.chunk\",\"x_groq\":{\"id\":\"req_1\"},\"choices\":[]}");
	declined(CHUNK("{\"index\":0,\"delta\":{\"content\":\"unterminated}}"));
	declined(CHUNK("{\"index\":0,\"delta\":{\"content\":\"bad \\x escape\"}}"));
	declined(CHUNK("{\"index\":0,\"delta\":{\"content\":\"raw\ttab\"}}"));
	declined(CHUNK("{\"index\":0,\"delta\":{\"content\":\"a\"}}") " trailing");
	declined("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":null}}");
	declined("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":9}}");
	declined("{\"type\":\"content_block_delta\",\"type\":\"content_block_delta\",\"delta\":{}}");
	declined("\xef\xbb\xbf{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"text\":\"a\"}}");
	declined("");
	printf("%d passed, %d failed (delta skim)\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
