#include "retry.h"

#include <ctype.h>
#include <string.h>

/* Retry-After values larger than this are clamped: the retry budget rejects them anyway,
 * and clamping keeps the seconds-to-ms multiplication from overflowing. */
#define RETRY_AFTER_MAX_SECONDS (24L * 3600L)

bool spectra_retry_status_is_retryable(long http_status)
{
	return http_status == 429 || http_status == 502 || http_status == 503 || http_status == 504;
}

long spectra_retry_backoff_ms(unsigned attempt, long initial_ms, long max_ms, uint64_t random_bits)
{
	if (initial_ms <= 0) {
		initial_ms = 1;
	}
	if (max_ms < initial_ms) {
		max_ms = initial_ms;
	}
	long ceiling = initial_ms;
	for (unsigned i = 0; i < attempt && ceiling < max_ms; i++) {
		ceiling = ceiling > max_ms / 2 ? max_ms : ceiling * 2;
	}
	if (ceiling > max_ms) {
		ceiling = max_ms;
	}
	long fixed_half = ceiling / 2;
	long jitter_span = ceiling - fixed_half;
	return fixed_half + (long) (random_bits % (uint64_t) (jitter_span + 1));
}

static const char *skip_spaces(const char *text)
{
	while (*text == ' ' || *text == '\t') {
		text++;
	}
	return text;
}

static long parse_delta_seconds(const char *text)
{
	long seconds = 0;
	const char *cursor = text;
	while (isdigit((unsigned char) *cursor)) {
		if (seconds < RETRY_AFTER_MAX_SECONDS) {
			seconds = seconds * 10 + (*cursor - '0');
		}
		cursor++;
	}
	if (cursor == text || *skip_spaces(cursor) != '\0') {
		return -1;
	}
	if (seconds > RETRY_AFTER_MAX_SECONDS) {
		seconds = RETRY_AFTER_MAX_SECONDS;
	}
	return seconds * 1000L;
}

static long parse_http_date(const char *text, time_t now)
{
	/* IMF-fixdate only: the obsolete RFC 850 and asctime forms are not worth the code. */
	struct tm parsed;
	memset(&parsed, 0, sizeof parsed);
	const char *rest = strptime(text, "%a, %d %b %Y %H:%M:%S GMT", &parsed);
	if (!rest || *skip_spaces(rest) != '\0') {
		return -1;
	}
	time_t when = timegm(&parsed);
	if (when == (time_t) -1) {
		return -1;
	}
	if (when <= now) {
		return 0;
	}
	time_t seconds = when - now;
	if (seconds > RETRY_AFTER_MAX_SECONDS) {
		seconds = RETRY_AFTER_MAX_SECONDS;
	}
	return (long) seconds * 1000L;
}

long spectra_retry_parse_retry_after(const char *value, time_t now)
{
	if (!value) {
		return -1;
	}
	const char *text = skip_spaces(value);
	if (*text == '\0') {
		return -1;
	}
	if (isdigit((unsigned char) *text)) {
		return parse_delta_seconds(text);
	}
	return parse_http_date(text, now);
}

long spectra_retry_next_delay_ms(unsigned attempt, long retry_after_ms, long remaining_budget_ms, uint64_t random_bits)
{
	if (remaining_budget_ms <= 0) {
		return -1;
	}
	long delay =
		spectra_retry_backoff_ms(attempt, SPECTRA_RETRY_INITIAL_BACKOFF_MS, SPECTRA_RETRY_MAX_BACKOFF_MS, random_bits);
	if (retry_after_ms > delay) {
		delay = retry_after_ms;
	}
	if (delay < SPECTRA_RETRY_MIN_DELAY_MS) {
		delay = SPECTRA_RETRY_MIN_DELAY_MS;
	}
	return delay < remaining_budget_ms ? delay : -1;
}
