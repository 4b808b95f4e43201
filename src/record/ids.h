/* Ids and clocks of a record, in one include: clocks, random trace/span ids and ULIDs, W3C
 * traceparent/tracestate and custom trace ids, and the hex encoding of ids. */
#ifndef SPECTRA_RECORD_IDS_H
#define SPECTRA_RECORD_IDS_H

#include "../util/hex.h"
#include "clock.h"
#include "random_id.h"
#include "trace_context.h"

#endif
