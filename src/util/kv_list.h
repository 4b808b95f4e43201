/* The "key=value,key=value" lists of the OpenTelemetry environment:
 * OTEL_EXPORTER_OTLP_HEADERS and OTEL_RESOURCE_ATTRIBUTES (and their spectra.otel.* INI
 * twins). Plain C.
 *
 * The text is split at every ','; each entry at its first '='. Key and value are trimmed of
 * ASCII whitespace (space, \t, \n, \v, \f, \r; locale-independent), then percent-decoded:
 * %XX (hex digits in either case) becomes that byte, a '%' not followed by two hex digits
 * stays as it is. Trimming happens before decoding, so %20 keeps a space at either end.
 * Entries are reported in order; a key that repeats is reported again (the caller decides
 * whether the last one wins). */
#ifndef SPECTRA_UTIL_KV_LIST_H
#define SPECTRA_UTIL_KV_LIST_H

#include <stdbool.h>
#include <stddef.h>

/* Gets one entry, key and value NUL-terminated and only valid during the call. Returns
 * false to have the entry counted as skipped. */
typedef bool (*spectra_kv_add_fn)(void *ctx, const char *key, const char *value);

/* Parses text[0, len), calling add for each well-formed entry. Returns the number of
 * entries skipped: an entry without '=', an empty key (after trimming and decoding), a key or
 * value holding a NUL byte (raw or from %00), entries add refused, and entries lost to OOM.
 * Empty and whitespace-only entries (",,", trailing ',') are ignored, not counted. */
size_t spectra_kv_list_parse(const char *text, size_t len, spectra_kv_add_fn add, void *ctx);

/* For OTLP headers: true when key is an HTTP field name (an RFC 9110 token: 1 or more of
 * A-Z a-z 0-9 ! # $ % & ' * + - . ^ _ ` | ~) and value an HTTP field value (no control
 * characters but tab, no CR/LF: nothing that could end the header line). */
bool spectra_kv_is_http_header(const char *key, const char *value);

#endif
