/* src/export/retry: Retry-After parsing (the header value comes from the collector), the
 * backoff and the delay decision, against their documented bounds and a reference for the
 * delta-seconds form and for HTTP-dates written by strftime. */
#include "fuzz.h"

#include <time.h>

#include "export/retry.h"

#define MAX_MS (24L * 3600L * 1000L)

static const time_t now = 784111777; /* Sun, 06 Nov 1994 08:49:37 GMT */

static void check_value(const char *value)
{
	long ms = spectra_retry_parse_retry_after(value, now);
	FUZZ_ASSERT(ms == -1 || (ms >= 0 && ms <= MAX_MS && ms % 1000 == 0));
	/* delta-seconds: digits with spaces or tabs around, clamped to a day */
	const char *p = value;
	while (*p == ' ' || *p == '\t') {
		p++;
	}
	if (*p >= '0' && *p <= '9') {
		long seconds = 0;
		const char *q = p;
		while (*q >= '0' && *q <= '9') {
			seconds = seconds > 86400 ? seconds : seconds * 10 + (*q - '0');
			q++;
		}
		while (*q == ' ' || *q == '\t') {
			q++;
		}
		long expected = *q ? -1 : (seconds > 86400 ? 86400 : seconds) * 1000L;
		FUZZ_ASSERT(ms == expected);
	} else if (*p == '\0') {
		FUZZ_ASSERT(ms == -1);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *value = fuzz_cstring(data, size);
	check_value(value);
	free(value);

	uint64_t word = 0;
	for (size_t i = 0; i < 8 && i < size; i++) {
		word = word << 8 | data[i];
	}
	/* an IMF-fixdate of now + offset, as a server would write it */
	long offset = (long) (word % (3L * 86400L)) - 86400L;
	time_t when = now + offset;
	struct tm tm;
	char date[64];
	FUZZ_ASSERT(gmtime_r(&when, &tm) && strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &tm) > 0);
	long expected = offset <= 0 ? 0 : (offset > 86400 ? 86400 : offset) * 1000L;
	FUZZ_ASSERT(spectra_retry_parse_retry_after(date, now) == expected);

	/* backoff: between half the ceiling and the ceiling */
	unsigned attempt = size ? data[0] : 0;
	long ceiling = SPECTRA_RETRY_INITIAL_BACKOFF_MS;
	for (unsigned i = 0; i < attempt && ceiling < SPECTRA_RETRY_MAX_BACKOFF_MS; i++) {
		ceiling *= 2;
	}
	if (ceiling > SPECTRA_RETRY_MAX_BACKOFF_MS) {
		ceiling = SPECTRA_RETRY_MAX_BACKOFF_MS;
	}
	long backoff =
		spectra_retry_backoff_ms(attempt, SPECTRA_RETRY_INITIAL_BACKOFF_MS, SPECTRA_RETRY_MAX_BACKOFF_MS, word);
	FUZZ_ASSERT(backoff >= ceiling / 2 && backoff <= ceiling);

	/* the delay decision: the longest of the backoff, the server's value and the minimum,
	 * when it ends before the budget does; never past it */
	long retry_after = size > 8 ? (long) (data[8] % 2 ? -1 : (long) (word % 20000)) : -1;
	long budget = size > 9 ? (long) data[9] * 40 - 200 : 1000;
	long delay = spectra_retry_next_delay_ms(attempt, retry_after, budget, word);
	long wait = backoff > retry_after ? backoff : retry_after;
	if (wait < SPECTRA_RETRY_MIN_DELAY_MS) {
		wait = SPECTRA_RETRY_MIN_DELAY_MS;
	}
	if (budget <= 0) {
		FUZZ_ASSERT(delay == -1);
	} else {
		FUZZ_ASSERT(delay == (wait < budget ? wait : -1));
		FUZZ_ASSERT(delay == -1 || delay >= SPECTRA_RETRY_MIN_DELAY_MS);
	}
	return 0;
}
