/* The pass/fail counters and CHECK macros every C unit test shares. */
#ifndef SPECTRA_TESTS_C_CHECK_H
#define SPECTRA_TESTS_C_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int passed;
static int failed;

static inline bool check(bool ok, const char *what, int line)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "FAIL line %d: %s\n", line, what);
	}
	return ok;
}

#define CHECK(cond) check((cond), #cond, __LINE__)

static inline void check_string(const char *actual, const char *expected, const char *what, int line)
{
	bool ok = actual && expected && strcmp(actual, expected) == 0;
	if (!check(ok, what, line)) {
		fprintf(stderr, "     got \"%s\", expected \"%s\"\n", actual ? actual : "(null)", expected);
	}
}

#define CHECK_STR(actual, expected) check_string((actual), (expected), #actual " == " #expected, __LINE__)

static inline int check_summary(void)
{
	printf("%d passed, %d failed\n", passed, failed);
	return failed == 0 ? 0 : 1;
}

#endif
