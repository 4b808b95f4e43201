/* Retry policy for OTLP/HTTP exports, as pure functions (no clock, no randomness of
 * their own) so they can be unit-tested and reasoned about in isolation. */
#ifndef SPECTRA_EXPORT_RETRY_H
#define SPECTRA_EXPORT_RETRY_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#define SPECTRA_RETRY_INITIAL_BACKOFF_MS 100L
#define SPECTRA_RETRY_MAX_BACKOFF_MS 5000L
/* No retry comes sooner than this, whatever Retry-After says ("0", a date in the past). */
#define SPECTRA_RETRY_MIN_DELAY_MS 100L

/* OTLP/HTTP: only 429, 502, 503 and 504 are retryable; every other status is final. */
bool spectra_retry_status_is_retryable(long http_status);

/* Exponential backoff with "equal jitter": the ceiling is initial_ms * 2^attempt (capped at
 * max_ms); the delay is half the ceiling plus a random share of the other half, so two
 * processes that failed together do not retry together, yet each waits a real interval.
 * attempt counts from 0 (the wait before the first retry). */
long spectra_retry_backoff_ms(unsigned attempt, long initial_ms, long max_ms, uint64_t random_bits);

/* Parses a Retry-After value: delta-seconds ("120") or an IMF-fixdate HTTP-date
 * ("Sun, 06 Nov 1994 08:49:37 GMT", relative to now). Returns the delay in ms (0 for a date
 * in the past), or -1 when the value is absent or unparsable. */
long spectra_retry_parse_retry_after(const char *value, time_t now);

/* How long to wait before the next attempt, or -1 to give up: the backoff, or the server's
 * retry_after_ms (-1 = none) when that is longer (Retry-After is a lower bound, so "0" cannot
 * make a retry storm), and never less than SPECTRA_RETRY_MIN_DELAY_MS. Gives up when the
 * wait would not end strictly before the remaining budget does: a Retry-After beyond the
 * budget is honoured by not retrying early, rather than by sleeping through the whole budget. */
long spectra_retry_next_delay_ms(unsigned attempt, long retry_after_ms, long remaining_budget_ms, uint64_t random_bits);

#endif
