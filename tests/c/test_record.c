/* Record stage ids (src/record, src/util/hex): W3C traceparent and tracestate parsing,
 * custom trace ids, ULIDs (from fixed timestamps, never the clock), random ids and the hex
 * encoding. Prints "N passed, N failed"; exits non-zero on failure. */
#include "record/clock.h"
#include "check.h"
#include "record/random_id.h"
#include "record/trace_context.h"
#include "util/hex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char hex_buf[129];

/* lowercase hex of bytes, for comparisons */
static const char *hex(const uint8_t *bytes, size_t len)
{
	spectra_hex_encode(bytes, len, hex_buf);
	return hex_buf;
}

/* ---- hex ---- */

static void test_hex(void)
{
	const uint8_t bytes[] = { 0x00, 0x01, 0x7f, 0x80, 0xab, 0xff };
	char out[13];
	memset(out, 'x', sizeof out);
	spectra_hex_encode(bytes, sizeof bytes, out);
	CHECK_STR(out, "00017f80abff");
	spectra_hex_encode(bytes, 0, out);
	CHECK_STR(out, "");

	uint8_t decoded[6];
	CHECK(spectra_hex_decode("00017F80ABff", 12, decoded, 6, 0) && memcmp(decoded, bytes, 6) == 0);
	CHECK(!spectra_hex_decode("00017F80ABff", 12, decoded, 6, SPECTRA_HEX_LOWERCASE_ONLY));
	CHECK(spectra_hex_decode("00017f80abff", 12, decoded, 6, SPECTRA_HEX_LOWERCASE_ONLY)
		&& memcmp(decoded, bytes, 6) == 0);
	/* the length must be exactly twice the output */
	CHECK(!spectra_hex_decode("00017f80abf", 11, decoded, 6, 0));
	CHECK(!spectra_hex_decode("00017f80abff00", 14, decoded, 6, 0));
	CHECK(!spectra_hex_decode("00017f80abff", 12, decoded, 5, 0));
	/* a non-digit anywhere fails and leaves out untouched */
	uint8_t untouched[3] = { 0x11, 0x22, 0x33 };
	CHECK(!spectra_hex_decode("0a0b0g", 6, untouched, 3, 0));
	CHECK(!spectra_hex_decode("0a b0c", 6, untouched, 3, 0));
	CHECK(!spectra_hex_decode("-a0b0c", 6, untouched, 3, 0));
	CHECK(!spectra_hex_decode("0a0b0\0", 6, untouched, 3, 0));
	CHECK(untouched[0] == 0x11 && untouched[1] == 0x22 && untouched[2] == 0x33);
	/* all zero: fine unless rejected */
	CHECK(spectra_hex_decode("0000", 4, decoded, 2, 0) && decoded[0] == 0 && decoded[1] == 0);
	CHECK(!spectra_hex_decode("0000", 4, untouched, 2, SPECTRA_HEX_REJECT_ZERO) && untouched[0] == 0x11);
	CHECK(spectra_hex_decode("0001", 4, decoded, 2, SPECTRA_HEX_REJECT_ZERO) && decoded[1] == 1);
	CHECK(spectra_hex_decode("", 0, decoded, 0, 0));

	CHECK(spectra_hex_digit_value('0', 0) == 0 && spectra_hex_digit_value('9', 0) == 9);
	CHECK(spectra_hex_digit_value('a', 0) == 10 && spectra_hex_digit_value('F', 0) == 15);
	CHECK(spectra_hex_digit_value('F', SPECTRA_HEX_LOWERCASE_ONLY) == -1);
	CHECK(spectra_hex_digit_value('g', 0) == -1 && spectra_hex_digit_value('/', 0) == -1
		&& spectra_hex_digit_value(':', 0) == -1 && spectra_hex_digit_value('@', 0) == -1
		&& spectra_hex_digit_value('G', 0) == -1 && spectra_hex_digit_value('`', 0) == -1);

	/* every byte value round-trips, through lowercase and uppercase text */
	uint8_t all[256], back[256];
	char text[513];
	for (int i = 0; i < 256; i++) {
		all[i] = (uint8_t) i;
	}
	spectra_hex_encode(all, 256, text);
	CHECK(strlen(text) == 512);
	CHECK(spectra_hex_decode(text, 512, back, 256, SPECTRA_HEX_LOWERCASE_ONLY) && memcmp(all, back, 256) == 0);
	for (int i = 0; i < 512; i++) {
		text[i] = (char) (text[i] >= 'a' ? text[i] - 32 : text[i]);
	}
	memset(back, 0, sizeof back);
	CHECK(spectra_hex_decode(text, 512, back, 256, 0) && memcmp(all, back, 256) == 0);

	/* appending to a buffer keeps what is there */
	spectra_buf buf;
	spectra_buf_init(&buf);
	CHECK(spectra_buf_append_str(&buf, "id="));
	CHECK(spectra_hex_append(&buf, bytes, sizeof bytes));
	CHECK(spectra_hex_append(&buf, bytes, 0));
	CHECK(buf.len == 15 && strcmp(buf.data, "id=00017f80abff") == 0);
	spectra_buf_free(&buf);
}

/* ---- traceparent ---- */

#define TP_TRACE "4bf92f3577b34da6a3ce929d0e0e4736"
#define TP_PARENT "00f067aa0ba902b7"
#define TP_VALID "00-" TP_TRACE "-" TP_PARENT "-01"

static bool tp(const char *value, spectra_traceparent *out)
{
	return spectra_traceparent_parse(value, strlen(value), out);
}

static bool tp_ok(const char *value)
{
	spectra_traceparent parsed;
	return tp(value, &parsed);
}

static void test_traceparent(void)
{
	spectra_traceparent parsed;
	CHECK(tp(TP_VALID, &parsed));
	CHECK_STR(hex(parsed.trace_id, 16), TP_TRACE);
	CHECK_STR(hex(parsed.parent_id, 8), TP_PARENT);
	CHECK(parsed.flags == 0x01);
	CHECK(tp("00-" TP_TRACE "-" TP_PARENT "-00", &parsed) && parsed.flags == 0x00);
	/* unknown flag bits are kept here (the caller masks them) */
	CHECK(tp("00-" TP_TRACE "-" TP_PARENT "-ff", &parsed) && parsed.flags == 0xff);

	/* OWS (spaces and tabs) around the value */
	CHECK(tp(" \t" TP_VALID "\t ", &parsed) && parsed.flags == 1);
	CHECK(!tp_ok("\n" TP_VALID)); /* a newline is no OWS */
	CHECK(!tp_ok("00 -" TP_TRACE "-" TP_PARENT "-01"));

	/* version 00: exactly 55 chars */
	CHECK(!tp_ok(TP_VALID "-"));
	CHECK(!tp_ok(TP_VALID "-extra"));
	CHECK(!tp_ok(TP_VALID "0"));
	CHECK(!tp_ok("00-" TP_TRACE "-" TP_PARENT "-0"));
	CHECK(!tp_ok(""));
	CHECK(!spectra_traceparent_parse(TP_VALID, 54, &parsed));

	/* a higher version: the same first 55 chars, more fields after a '-' */
	CHECK(tp("01-" TP_TRACE "-" TP_PARENT "-01", &parsed) && parsed.flags == 1);
	CHECK(tp("cc-" TP_TRACE "-" TP_PARENT "-01-what-the-future-will-be-like", &parsed));
	CHECK_STR(hex(parsed.trace_id, 16), TP_TRACE);
	CHECK(tp("fe-" TP_TRACE "-" TP_PARENT "-00-", &parsed) && parsed.flags == 0);
	CHECK(!tp_ok("cc-" TP_TRACE "-" TP_PARENT "-01.future"));
	CHECK(!tp_ok("cc-" TP_TRACE "-" TP_PARENT "-010"));
	/* version ff is invalid, however the rest looks */
	CHECK(!tp_ok("ff-" TP_TRACE "-" TP_PARENT "-01"));
	CHECK(!tp_ok("ff-" TP_TRACE "-" TP_PARENT "-01-extra"));

	/* lowercase hex only, everywhere */
	CHECK(!tp_ok("00-4BF92F3577B34DA6A3CE929D0E0E4736-" TP_PARENT "-01"));
	CHECK(!tp_ok("00-" TP_TRACE "-00F067AA0BA902B7-01"));
	CHECK(!tp_ok("00-" TP_TRACE "-" TP_PARENT "-0A"));
	CHECK(!tp_ok("0A-" TP_TRACE "-" TP_PARENT "-01-x"));
	CHECK(!tp_ok("00-4bf92f3577b34da6a3ce929d0e0e473g-" TP_PARENT "-01"));
	CHECK(!tp_ok("00-" TP_TRACE "-" TP_PARENT "-0x"));
	CHECK(!tp_ok("xx-" TP_TRACE "-" TP_PARENT "-01"));

	/* all-zero ids are invalid */
	CHECK(!tp_ok("00-00000000000000000000000000000000-" TP_PARENT "-01"));
	CHECK(!tp_ok("00-" TP_TRACE "-0000000000000000-01"));
	CHECK(tp("00-00000000000000000000000000000001-0000000000000001-01", &parsed));
	CHECK_STR(hex(parsed.trace_id, 16), "00000000000000000000000000000001");

	/* separators in their places */
	CHECK(!tp_ok("00_" TP_TRACE "-" TP_PARENT "-01"));
	CHECK(!tp_ok("00-" TP_TRACE "_" TP_PARENT "-01"));
	CHECK(!tp_ok("00-" TP_TRACE "-" TP_PARENT "_01"));
	CHECK(!tp_ok("00-4bf92f3577b34da6a3ce929d0e0e473-6" TP_PARENT "-01"));

	/* a failed parse leaves *out alone */
	memset(&parsed, 0x5a, sizeof parsed);
	CHECK(!tp("00-" TP_TRACE "-0000000000000000-01", &parsed));
	CHECK(parsed.trace_id[0] == 0x5a && parsed.parent_id[0] == 0x5a && parsed.flags == 0x5a);
}

/* ---- tracestate ---- */

static void check_tracestate(const char *value, size_t len, const char *expected, int line)
{
	char *normalized = spectra_tracestate_normalize(value, len);
	bool ok = (normalized == NULL && expected == NULL) || (normalized && expected && strcmp(normalized, expected) == 0);
	if (!check(ok, value, line)) {
		fprintf(stderr, "     got \"%s\", expected \"%s\"\n", normalized ? normalized : "(null)",
			expected ? expected : "(null)");
	}
	free(normalized);
}

#define CHECK_TS(value, expected) check_tracestate((value), strlen(value), (expected), __LINE__)

static void test_tracestate(void)
{
	CHECK_TS("vendor=abc,other=1", "vendor=abc,other=1");
	CHECK_TS("rojo=00f067aa0ba902b7", "rojo=00f067aa0ba902b7");
	/* OWS around members and empty members are dropped */
	CHECK_TS(" a=1 ,\t, b=2 ,", "a=1,b=2");
	CHECK_TS(",,a=1", "a=1");
	CHECK_TS("a=b  \t", "a=b");
	/* no member at all: nothing to keep */
	CHECK_TS("", NULL);
	CHECK_TS(" , \t,", NULL);
	/* values: printable ASCII but ',' and '=', spaces inside (and leading) allowed */
	CHECK_TS("a=b c", "a=b c");
	CHECK_TS("a= b", "a= b");
	CHECK_TS("a=!\"#$%&'()*+-./:;<>?@[\\]^_`{|}~", "a=!\"#$%&'()*+-./:;<>?@[\\]^_`{|}~");
	CHECK_TS("a=b=c", NULL);
	CHECK_TS("a=", NULL);
	CHECK_TS("a= ", NULL);
	CHECK_TS("a=caf\xc3\xa9", NULL);
	CHECK_TS("a=b\tc", NULL);
	CHECK_TS("a=b\x7f", NULL);
	CHECK_TS("a=b\nc=d", NULL);
	check_tracestate("a=1\0b", 5, NULL, __LINE__); /* a NUL byte is no value char */
	/* keys: a-z 0-9 _ - * / @, starting with a-z or 0-9 */
	CHECK_TS("vendor_x-1*/=v", "vendor_x-1*/=v");
	CHECK_TS("1vendor=v", "1vendor=v");
	CHECK_TS("tenant@system=v", "tenant@system=v");
	CHECK_TS("fw529a3039@dt=v", "fw529a3039@dt=v");
	CHECK_TS("Vendor=v", NULL);
	CHECK_TS("_vendor=v", NULL);
	CHECK_TS("@system=v", NULL);
	CHECK_TS("ven dor=v", NULL);
	CHECK_TS("vendor =v", NULL);
	CHECK_TS("=v", NULL);
	CHECK_TS("vendor", NULL);
	/* one bad member discards the whole value */
	CHECK_TS("good=1,Bad=2", NULL);
	CHECK_TS("good=1,missing", NULL);
	/* keys are unique */
	CHECK_TS("a=1,b=2,a=3", NULL);
	CHECK_TS("a=1,ab=2", "a=1,ab=2");

	/* lengths: key and value up to 256 chars each */
	char text[2 * 257 + 3];
	memset(text, 'k', 256);
	text[256] = '=';
	memset(text + 257, 'v', 256);
	text[513] = '\0';
	check_tracestate(text, 513, text, __LINE__);
	memset(text, 'k', 257);
	text[257] = '=';
	text[258] = 'v';
	text[259] = '\0';
	CHECK_TS(text, NULL);
	text[0] = 'k';
	text[1] = '=';
	memset(text + 2, 'v', 257);
	text[259] = '\0';
	CHECK_TS(text, NULL);

	/* members: 32 at most */
	char list[33 * 8];
	size_t len = 0;
	for (int i = 0; i < 32; i++) {
		len += (size_t) sprintf(list + len, "%sk%02d=%d", i ? "," : "", i, i);
	}
	char *normalized = spectra_tracestate_normalize(list, len);
	CHECK(normalized && strcmp(normalized, list) == 0);
	free(normalized);
	len += (size_t) sprintf(list + len, ",k32=32");
	CHECK(spectra_tracestate_normalize(list, len) == NULL);
	/* empty members do not count */
	char padded[33 * 8 + 64];
	snprintf(padded, sizeof padded, ",,%.*s, ,", (int) (len - 7), list);
	normalized = spectra_tracestate_normalize(padded, strlen(padded));
	CHECK(normalized && strlen(normalized) == len - 7);
	free(normalized);
}

/* ---- custom trace ids ---- */

static bool tid(const char *value, uint8_t out[16])
{
	return spectra_trace_id_parse(value, strlen(value), out);
}

static void test_trace_id(void)
{
	uint8_t id[16];
	CHECK(tid("4bf92f3577b34da6a3ce929d0e0e4736", id) && strcmp(hex(id, 16), "4bf92f3577b34da6a3ce929d0e0e4736") == 0);
	CHECK(tid("4BF92F3577B34DA6A3CE929D0E0E4736", id) && strcmp(hex(id, 16), "4bf92f3577b34da6a3ce929d0e0e4736") == 0);
	CHECK(tid("4bF92f3577B34da6a3ce929d0e0E4736", id) && strcmp(hex(id, 16), "4bf92f3577b34da6a3ce929d0e0e4736") == 0);
	/* UUID form, any case */
	CHECK(tid("4bf92f35-77b3-4da6-a3ce-929d0e0e4736", id)
		&& strcmp(hex(id, 16), "4bf92f3577b34da6a3ce929d0e0e4736") == 0);
	CHECK(tid("4BF92F35-77B3-4DA6-A3CE-929D0E0E4736", id)
		&& strcmp(hex(id, 16), "4bf92f3577b34da6a3ce929d0e0e4736") == 0);
	/* all zero, in either form, is rejected; *out stays */
	memset(id, 0x5a, sizeof id);
	CHECK(!tid("00000000000000000000000000000000", id));
	CHECK(!tid("00000000-0000-0000-0000-000000000000", id));
	CHECK(id[0] == 0x5a && id[15] == 0x5a);
	CHECK(tid("00000000-0000-0000-0000-000000000001", id) && id[15] == 1 && id[0] == 0);
	/* wrong lengths and shapes */
	CHECK(!tid("4bf92f3577b34da6a3ce929d0e0e473", id));
	CHECK(!tid("4bf92f3577b34da6a3ce929d0e0e47366", id));
	CHECK(!tid("", id));
	CHECK(!tid("4bf92f35-77b3-4da6-a3ce-929d0e0e473", id));
	CHECK(!tid("4bf92f3577-b3-4da6-a3ce-929d0e0e4736", id));
	CHECK(!tid("4bf92f35_77b3_4da6_a3ce_929d0e0e4736", id));
	CHECK(!tid("4bf92f3577b34da6a3ce929d0e0e4736abcd", id)); /* 36 chars, no dashes */
	CHECK(!tid("{4bf92f35-77b3-4da6-a3ce-929d0e0e47}", id));
	CHECK(!tid("4bf92f3577b34da6a3ce929d0e0e473g", id));
	CHECK(!tid(" 4bf92f3577b34da6a3ce929d0e0e473", id));
	CHECK(!tid("4bf92f35-77b3-4da6-a3ce-929d0e0e473-", id));
}

/* ---- ULID ---- */

/* An independent reading of a ULID: 26 Crockford base32 chars = 130 bits, the top 2 zero;
 * then 48 bits of ms and 80 of random. False on a char outside the alphabet. */
static bool ulid_read(const char *ulid, uint64_t *ms, uint8_t random[10])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	if (strlen(ulid) != 26) {
		return false;
	}
	uint8_t bits[130];
	for (int i = 0; i < 26; i++) {
		const char *at = ulid[i] ? strchr(alphabet, ulid[i]) : NULL;
		if (!at) {
			return false;
		}
		int value = (int) (at - alphabet);
		for (int b = 0; b < 5; b++) {
			bits[i * 5 + b] = (uint8_t) ((value >> (4 - b)) & 1);
		}
	}
	if (bits[0] || bits[1]) {
		return false;
	}
	*ms = 0;
	for (int i = 2; i < 50; i++) {
		*ms = (*ms << 1) | bits[i];
	}
	memset(random, 0, 10);
	for (int i = 0; i < 80; i++) {
		random[i / 8] = (uint8_t) (random[i / 8] << 1 | bits[50 + i]);
	}
	return true;
}

static void test_ulid(void)
{
	/* the example of the ULID specification */
	const uint8_t example_random[10] = { 0xd6, 0x76, 0x4c, 0x61, 0xef, 0xb9, 0x93, 0x02, 0xbd, 0x5b };
	char ulid[27];
	memset(ulid, 'x', sizeof ulid);
	spectra_ulid_encode(ulid, 1469918176385ull, example_random);
	CHECK_STR(ulid, "01ARYZ6S41TSV4RRFFQ69G5FAV");

	const uint8_t zero[10] = { 0 };
	const uint8_t ones[10] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	spectra_ulid_encode(ulid, 0, zero);
	CHECK_STR(ulid, "00000000000000000000000000");
	spectra_ulid_encode(ulid, (1ull << 48) - 1, ones);
	CHECK_STR(ulid, "7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
	/* bits above 48 are not ms a ULID can hold */
	spectra_ulid_encode(ulid, (1ull << 48) | 1, zero);
	CHECK_STR(ulid, "00000000010000000000000000");

	/* fixed timestamps: the time prefix encodes exactly them, the rest is the random part */
	const uint64_t stamps[] = { 1, 31, 32, 1700000000000ull, 1735689600123ull, 4102444800000ull };
	for (size_t i = 0; i < sizeof stamps / sizeof stamps[0]; i++) {
		uint8_t random[10];
		for (int b = 0; b < 10; b++) {
			random[b] = (uint8_t) (i * 37 + (size_t) b * 11);
		}
		spectra_ulid_encode(ulid, stamps[i], random);
		uint64_t ms;
		uint8_t back[10];
		CHECK(ulid_read(ulid, &ms, back) && ms == stamps[i] && memcmp(back, random, 10) == 0);
		/* spectra_ulid: same prefix, a valid random tail */
		char live[27];
		spectra_ulid(live, stamps[i]);
		CHECK(ulid_read(live, &ms, back) && ms == stamps[i] && memcmp(live, ulid, 10) == 0);
	}
	/* ULIDs sort by time: lexical order of the prefix follows the ms */
	char earlier[27], later[27];
	spectra_ulid_encode(earlier, 1735689600000ull, ones);
	spectra_ulid_encode(later, 1735689600001ull, zero);
	CHECK(strcmp(earlier, later) < 0);
	/* two ULIDs of the same ms differ in their random part */
	char a[27], b[27];
	spectra_ulid(a, 1735689600000ull);
	spectra_ulid(b, 1735689600000ull);
	CHECK(memcmp(a, b, 10) == 0 && strcmp(a + 10, b + 10) != 0);
}

/* ---- random ids ---- */

static void test_random_ids(void)
{
	uint8_t ids[64][8];
	bool nonzero = true;
	for (int i = 0; i < 64; i++) {
		spectra_random_id(ids[i], 8);
		bool zero = true;
		for (int b = 0; b < 8; b++) {
			zero &= ids[i][b] == 0;
		}
		nonzero &= !zero;
	}
	CHECK(nonzero);
	int repeats = 0;
	for (int i = 0; i < 64; i++) {
		for (int j = i + 1; j < 64; j++) {
			repeats += memcmp(ids[i], ids[j], 8) == 0;
		}
	}
	CHECK(repeats == 0);
	/* a one-byte id is never 0 either (the retry loop, not luck: 1 in 256 per draw) */
	bool one_byte_nonzero = true;
	for (int i = 0; i < 2048; i++) {
		uint8_t byte;
		spectra_random_id(&byte, 1);
		one_byte_nonzero &= byte != 0;
	}
	CHECK(one_byte_nonzero);
	/* lengths that are not a multiple of the generator's word */
	uint8_t odd[13];
	memset(odd, 0, sizeof odd);
	spectra_random_id(odd, sizeof odd);
	int zero_bytes = 0;
	for (size_t i = 0; i < sizeof odd; i++) {
		zero_bytes += odd[i] == 0;
	}
	CHECK(zero_bytes < 6);

	/* clocks: monotonic never goes back, wall is after 2020 */
	uint64_t first = spectra_clock_monotonic_ns();
	uint64_t second = spectra_clock_monotonic_ns();
	CHECK(second >= first);
	CHECK(spectra_clock_wall_ns() > 1577836800ull * 1000000000ull);
}

int main(void)
{
	test_hex();
	test_traceparent();
	test_tracestate();
	test_trace_id();
	test_ulid();
	test_random_ids();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
