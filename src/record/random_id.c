#include "random_id.h"

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "clock.h"

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

void spectra_ulid_encode(char out[27], uint64_t wall_ms, const uint8_t random[10])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	/* 48-bit time as 10 chars (the first holds 3 bits), 80 random bits as 16 chars */
	uint64_t time = wall_ms & ((1ull << 48) - 1);
	for (int i = 9; i >= 0; i--) {
		out[i] = alphabet[time & 31];
		time >>= 5;
	}
	uint64_t high = 0, low = 0;
	for (int i = 0; i < 5; i++) {
		high = (high << 8) | random[i];
		low = (low << 8) | random[i + 5];
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

void spectra_ulid(char out[27], uint64_t wall_ms)
{
	uint8_t random_part[10];
	fill_random(random_part, sizeof(random_part));
	spectra_ulid_encode(out, wall_ms, random_part);
}
