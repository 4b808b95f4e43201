/* The clock and the median helper the C benchmarks share. */
#ifndef SPECTRA_BENCH_TIME_H
#define SPECTRA_BENCH_TIME_H

#include <stdint.h>
#include <time.h>

/* Nanoseconds on the monotonic clock. */
static inline uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

/* qsort() comparator for doubles, for medians. */
static inline int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *) a, y = *(const double *) b;
	return (x > y) - (x < y);
}

#endif
