/* Display forms of settings that carry credentials (OTLP headers, endpoint URLs): what
 * phpinfo(), Spectra::stats() and log lines show instead of the value. Names stay visible,
 * secrets become "***". Plain C. */
#ifndef SPECTRA_UTIL_REDACT_H
#define SPECTRA_UTIL_REDACT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

#define SPECTRA_REDACTED "***"

/* "k=v,k2=v2" (the OTLP headers format) -> "k=***, k2=***": each name trimmed, every value
 * masked; an entry without '=' (perhaps a bare token) becomes "***", a blank one is left out.
 * Appends to out; false only when memory is exhausted. */
bool spectra_redact_key_values(const char *text, spectra_buf *out);

/* "Name: value" header lines -> "Name=***, Name2=***" (a line without ':' becomes "***"). */
bool spectra_redact_header_lines(char *const *lines, size_t count, spectra_buf *out);

/* A URL without its userinfo ("user:pass@") and with every query value masked:
 * "https://u:p@host:4318/v1/traces?api_key=k&t" -> "https://host:4318/v1/traces?api_key=***&***"
 * (a bare parameter may itself be a token). A fragment becomes "#***". Appends to out; false
 * only when memory is exhausted. */
bool spectra_redact_url(const char *url, spectra_buf *out);

#endif
