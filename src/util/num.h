/* Defined arithmetic on untrusted numbers: saturating int64 addition and float-to-int
 * conversions that clamp instead of being undefined behaviour. Plain C, header only. */
#ifndef SPECTRA_UTIL_NUM_H
#define SPECTRA_UTIL_NUM_H

#include <math.h>
#include <stdint.h>

/* a + b, held at INT64_MAX / INT64_MIN instead of overflowing. */
static inline int64_t spectra_add_sat(int64_t a, int64_t b)
{
	if (b > 0 && a > INT64_MAX - b) {
		return INT64_MAX;
	}
	if (b < 0 && a < INT64_MIN - b) {
		return INT64_MIN;
	}
	return a + b;
}

/* (int64_t) d, clamped to the int64 range; NaN gives 0. */
static inline int64_t spectra_double_to_i64(double d)
{
	if (isnan(d)) {
		return 0;
	}
	if (d >= 9223372036854775808.0) { /* 2^63 */
		return INT64_MAX;
	}
	if (d < -9223372036854775808.0) {
		return INT64_MIN;
	}
	return (int64_t) d;
}

/* (uint64_t) d, clamped to the uint64 range; NaN and negatives give 0. */
static inline uint64_t spectra_double_to_u64(double d)
{
	if (isnan(d) || d <= 0) {
		return 0;
	}
	if (d >= 18446744073709551616.0) { /* 2^64 */
		return UINT64_MAX;
	}
	return (uint64_t) d;
}

/* d rounded to 2 decimals; a value too large to carry decimals (or not finite) is kept. */
static inline double spectra_round_2dp(double d)
{
	if (!isfinite(d) || fabs(d) >= 1e15) {
		return d;
	}
	return round(d * 100.0) / 100.0;
}

#endif
