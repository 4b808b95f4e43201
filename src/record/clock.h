/* Clocks: monotonic for durations, wall for timestamps, both in ns. */
#ifndef SPECTRA_RECORD_CLOCK_H
#define SPECTRA_RECORD_CLOCK_H

#include <stdint.h>

uint64_t spectra_clock_monotonic_ns(void);
uint64_t spectra_clock_wall_ns(void);

#endif
