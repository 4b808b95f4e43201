#include "ids.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

uint64_t spectra_clock_monotonic_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

uint64_t spectra_clock_wall_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

static void fill_from_kernel(uint8_t *out, size_t len)
{
	size_t filled = 0;
	while (filled < len) {
		ssize_t got = getrandom(out + filled, len - filled, 0);
		if (got < 0) {
			if (errno == EINTR) {
				continue;
			}
			break;
		}
		filled += (size_t) got;
	}
	if (filled < len) {
		/* getrandom unavailable: mix clock and pid; ids only need to be unique, not secret */
		uint64_t state = spectra_clock_monotonic_ns() ^ ((uint64_t) getpid() << 32) ^ spectra_clock_wall_ns();
		for (size_t i = filled; i < len; i++) {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			out[i] = (uint8_t) state;
		}
	}
}

/* Ids need to be unique and uniformly random, not secret: a per-thread xoshiro256**
 * generator seeded from the kernel saves two syscalls per tracked call. It is reseeded in
 * a forked child (same state in parent and child would repeat ids). */
static _Thread_local uint64_t prng_state[4];
static _Thread_local bool prng_seeded;
static pthread_once_t prng_atfork_once = PTHREAD_ONCE_INIT;

/* Runs in the child, in the thread that forked (the only one there). */
static void prng_forget_after_fork(void)
{
	prng_seeded = false;
}

static void prng_register_atfork(void)
{
	pthread_atfork(NULL, NULL, prng_forget_after_fork);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t prng_next(void)
{
	if (!prng_seeded) {
		pthread_once(&prng_atfork_once, prng_register_atfork);
		do {
			fill_from_kernel((uint8_t *) prng_state, sizeof(prng_state));
		} while (!(prng_state[0] | prng_state[1] | prng_state[2] | prng_state[3]));
		prng_seeded = true;
	}
	uint64_t result = rotl(prng_state[1] * 5, 7) * 9;
	uint64_t t = prng_state[1] << 17;
	prng_state[2] ^= prng_state[0];
	prng_state[3] ^= prng_state[1];
	prng_state[1] ^= prng_state[2];
	prng_state[0] ^= prng_state[3];
	prng_state[2] ^= t;
	prng_state[3] = rotl(prng_state[3], 45);
	return result;
}

static void fill_random(uint8_t *out, size_t len)
{
	while (len) {
		uint64_t word = prng_next();
		size_t take = len < sizeof(word) ? len : sizeof(word);
		memcpy(out, &word, take);
		out += take;
		len -= take;
	}
}

static bool all_zero(const uint8_t *bytes, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (bytes[i]) {
			return false;
		}
	}
	return true;
}

void spectra_random_id(uint8_t *out, size_t len)
{
	do {
		fill_random(out, len);
	} while (all_zero(out, len));
}

void spectra_ulid(char out[27], uint64_t wall_ms)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	uint8_t random_part[10];
	fill_random(random_part, sizeof(random_part));
	/* 48-bit time as 10 chars, 80 random bits as 16 chars */
	for (int i = 9; i >= 0; i--) {
		out[i] = alphabet[wall_ms & 31];
		wall_ms >>= 5;
	}
	uint64_t high = 0, low = 0;
	for (int i = 0; i < 5; i++) {
		high = (high << 8) | random_part[i];
		low = (low << 8) | random_part[i + 5];
	}
	for (int i = 17; i >= 10; i--) {
		out[i] = alphabet[high & 31];
		high >>= 5;
	}
	for (int i = 25; i >= 18; i--) {
		out[i] = alphabet[low & 31];
		low >>= 5;
	}
	out[26] = '\0';
}

void spectra_hex_encode(const uint8_t *bytes, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < len; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 15];
	}
	out[2 * len] = '\0';
}

static int hex_value(char c, bool lowercase_only)
{
	if (c >= '0' && c <= '9') {
		return c - '0';
	}
	if (c >= 'a' && c <= 'f') {
		return c - 'a' + 10;
	}
	if (!lowercase_only && c >= 'A' && c <= 'F') {
		return c - 'A' + 10;
	}
	return -1;
}

static bool decode_hex(const char *text, size_t digits, bool lowercase_only, uint8_t *out)
{
	for (size_t i = 0; i < digits / 2; i++) {
		int hi = hex_value(text[2 * i], lowercase_only);
		int lo = hex_value(text[2 * i + 1], lowercase_only);
		if (hi < 0 || lo < 0) {
			return false;
		}
		out[i] = (uint8_t) (hi << 4 | lo);
	}
	return true;
}

bool spectra_traceparent_parse(const char *value, size_t len, spectra_traceparent *out)
{
	while (len && (*value == ' ' || *value == '\t')) {
		value++;
		len--;
	}
	while (len && (value[len - 1] == ' ' || value[len - 1] == '\t')) {
		len--;
	}
	/* version(2) - trace(32) - parent(16) - flags(2) = 55 chars */
	if (len < 55) {
		return false;
	}
	uint8_t version;
	if (!decode_hex(value, 2, true, &version) || version == 0xff) {
		return false;
	}
	if (version == 0x00 && len != 55) {
		return false;
	}
	if (len > 55 && value[55] != '-') {
		return false;
	}
	if (value[2] != '-' || value[35] != '-' || value[52] != '-') {
		return false;
	}
	spectra_traceparent parsed;
	if (!decode_hex(value + 3, 32, true, parsed.trace_id) || !decode_hex(value + 36, 16, true, parsed.parent_id)
		|| !decode_hex(value + 53, 2, true, &parsed.flags)) {
		return false;
	}
	if (all_zero(parsed.trace_id, 16) || all_zero(parsed.parent_id, 8)) {
		return false;
	}
	*out = parsed;
	return true;
}

bool spectra_trace_id_parse(const char *value, size_t len, uint8_t out[16])
{
	char digits[32];
	if (len == 32) {
		memcpy(digits, value, 32);
	} else if (len == 36) {
		static const size_t dashes[] = { 8, 13, 18, 23 };
		size_t d = 0;
		for (size_t i = 0, next_dash = 0; i < 36; i++) {
			if (next_dash < 4 && i == dashes[next_dash]) {
				if (value[i] != '-') {
					return false;
				}
				next_dash++;
				continue;
			}
			digits[d++] = value[i];
		}
	} else {
		return false;
	}
	uint8_t parsed[16];
	if (!decode_hex(digits, 32, false, parsed) || all_zero(parsed, 16)) {
		return false;
	}
	memcpy(out, parsed, 16);
	return true;
}
