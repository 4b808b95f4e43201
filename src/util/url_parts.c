#include "url_parts.h"

#include <stdint.h>
#include <string.h>

/* "http" in any case ('|' 0x20 lowers a letter and maps no other byte onto one) */
static bool is_http(const char *scheme, size_t len)
{
	return len == 4 && (scheme[0] | 0x20) == 'h' && (scheme[1] | 0x20) == 't' && (scheme[2] | 0x20) == 't'
		&& (scheme[3] | 0x20) == 'p';
}

/* What the authority scan stops at: its end, the '@' that ends userinfo, a port's ':'. */
enum { PLAIN = 0, AUTHORITY_END = 1, USERINFO_END = 2, PORT_COLON = 3 };
static const unsigned char authority_class[256] = {
	['/'] = AUTHORITY_END,
	['?'] = AUTHORITY_END,
	['#'] = AUTHORITY_END,
	['@'] = USERINFO_END,
	[':'] = PORT_COLON,
};

typedef struct {
	size_t scheme_len; /* 0: no "scheme://" */
	size_t host;       /* where the host starts (after userinfo) */
	size_t colon;      /* the first ':' after it, or end */
	size_t end;        /* where the authority ends */
} authority_bounds;

/* Where the authority starts: after "scheme://", else at 0 (libcurl takes a URL without a
 * scheme). */
static inline size_t authority_start(const char *url, size_t len, size_t *scheme_len)
{
	/* the usual two at once (the rule below reads them the same) */
	if (len >= 8 && memcmp(url, "https://", 8) == 0) {
		*scheme_len = 5;
		return 8;
	}
	if (len >= 7 && memcmp(url, "http://", 7) == 0) {
		*scheme_len = 4;
		return 7;
	}
	*scheme_len = 0;
	const char *scheme_end = len ? memchr(url, ':', len) : NULL;
	if (scheme_end && (size_t) (scheme_end - url) + 2 < len && scheme_end[1] == '/' && scheme_end[2] == '/') {
		*scheme_len = (size_t) (scheme_end - url);
		return *scheme_len + 3;
	}
	return 0;
}

/* The authority's parts, a byte at a time: for the split of a provider's URL and an
 * authority the memo has not seen (src/providers/host_verdicts.c); every other request
 * only pays spectra_url_authority(). */
static void scan_authority(const char *url, size_t len, authority_bounds *out)
{
	size_t i = authority_start(url, len, &out->scheme_len);
	size_t host = i, colon = (size_t) -1;
	for (; i < len; i++) {
		unsigned char kind = authority_class[(unsigned char) url[i]];
		if (kind == PLAIN) {
			continue;
		}
		if (kind == AUTHORITY_END) {
			break;
		}
		if (kind == USERINFO_END) {
			host = i + 1; /* userinfo: up to the last '@' of the authority */
			colon = (size_t) -1;
		} else if (colon == (size_t) -1) {
			colon = i;
		}
	}
	out->host = host;
	out->colon = colon == (size_t) -1 ? i : colon;
	out->end = i;
}

/* The host (brackets of an IPv6 literal removed) and the port text of the authority; false
 * when there is no host. */
static bool find_host(const char *url, const authority_bounds *bounds, const char **host_out, size_t *host_len_out,
	const char **port_text, size_t *port_len)
{
	const char *host = url + bounds->host;
	size_t host_len = bounds->colon - bounds->host;
	*port_text = url + bounds->colon + 1;
	*port_len = bounds->colon < bounds->end ? bounds->end - bounds->colon - 1 : 0;
	if (bounds->end > bounds->host && host[0] == '[') {
		size_t authority_len = bounds->end - bounds->host;
		const char *close = memchr(host, ']', authority_len);
		if (!close) {
			return false;
		}
		size_t inner = (size_t) (close - host);
		*port_len = 0;
		if (inner + 1 < authority_len) {
			if (close[1] != ':') {
				return false;
			}
			*port_text = close + 2;
			*port_len = authority_len - inner - 2;
		}
		host_len = inner - 1;
		host++;
	}
	*host_out = host;
	*host_len_out = host_len;
	return host_len > 0;
}

#define EVERY_BYTE(c) (0x0101010101010101u * (uint64_t) (c))

/* The high bit of each byte of word that is '/', '?' or '#', by the zero-byte test (a
 * byte's high bit survives x - 1 & ~x where x was 0): eight bytes a step. '/' (0x2f) and '?'
 * (0x3f) are the only bytes that OR 0x10 makes '?', so two tests cover three bytes. Zero
 * when there is none; a borrow may mark more bytes, but only after the first marked. */
static uint64_t authority_end_bits(uint64_t word)
{
	uint64_t slash_or_query = (word | EVERY_BYTE(0x10)) ^ EVERY_BYTE('?'), fragment = word ^ EVERY_BYTE('#');
	uint64_t zero = ((slash_or_query - EVERY_BYTE(1)) & ~slash_or_query) | ((fragment - EVERY_BYTE(1)) & ~fragment);
	return zero & EVERY_BYTE(0x80);
}

#if defined(_WIN32) || (defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
/* Where in the word (bytes in memory order, loaded little-endian) the lowest marked byte is:
 * its bit alone, moved to bit 0 of byte k, times bytes 7..0 leaves k in the top byte. */
static size_t first_marked_byte(uint64_t bits)
{
	uint64_t lowest = (bits & (~bits + 1)) >> 7;
	return (size_t) ((lowest * 0x0001020304050607u) >> 56);
}
#define FIRST_MARKED_BYTE(bits) first_marked_byte(bits)
#else
#define FIRST_MARKED_BYTE(bits) 0 /* big-endian: the byte loop below finds it */
#endif

bool spectra_url_authority(const char *url, size_t len, const char **authority, size_t *authority_len)
{
	size_t scheme_len;
	size_t start = authority_start(url, len, &scheme_len), i = start;
	for (; len - i >= 8; i += 8) {
		uint64_t word;
		memcpy(&word, url + i, 8);
		uint64_t bits = authority_end_bits(word);
		if (bits) {
			i += FIRST_MARKED_BYTE(bits);
			break;
		}
	}
	while (i < len && url[i] != '/' && url[i] != '?' && url[i] != '#') {
		i++;
	}
	*authority = url + start;
	*authority_len = i - start;
	return i > start;
}

bool spectra_url_host(const char *url, size_t len, const char **host, size_t *host_len)
{
	authority_bounds bounds;
	const char *port_text;
	size_t port_len;
	scan_authority(url, len, &bounds);
	return find_host(url, &bounds, host, host_len, &port_text, &port_len);
}

bool spectra_url_split(const char *url, size_t len, spectra_url_parts *out)
{
	static const char root[] = "/";
	authority_bounds bounds;
	const char *port_text;
	size_t port_len;
	scan_authority(url, len, &bounds);
	if (!find_host(url, &bounds, &out->host, &out->host_len, &port_text, &port_len)) {
		return false;
	}
	out->port = bounds.scheme_len && is_http(url, bounds.scheme_len) ? 80 : 443;
	if (port_len) {
		long value = 0;
		for (size_t j = 0; j < port_len; j++) {
			if (port_text[j] < '0' || port_text[j] > '9' || value > 65535) {
				return false;
			}
			value = value * 10 + (port_text[j] - '0');
		}
		if (value < 1 || value > 65535) {
			return false;
		}
		out->port = value;
	}
	size_t i = bounds.end, path_start = i;
	while (i < len && url[i] != '?' && url[i] != '#') {
		i++;
	}
	if (i > path_start && url[path_start] == '/') {
		out->path = url + path_start;
		out->path_len = i - path_start;
	} else {
		out->path = root;
		out->path_len = 1;
	}
	return true;
}
