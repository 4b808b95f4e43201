/* The console exporter's rendering of a span. Plain C. */
#ifndef SPECTRA_OTLP_CONSOLE_H
#define SPECTRA_OTLP_CONSOLE_H

#include "../span/span.h"
#include "../util/buf.h"

/* One human-readable line (no trailing newline) for spectra.otel.exporter=console. */
bool spectra_otlp_format_console(const spectra_span *span, spectra_buf *out);

#endif
