#include "url_parts.h"

#include <string.h>

static bool prefix_ci(const char *text, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	if (len < n) {
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char c = text[i];
		if (c >= 'A' && c <= 'Z') {
			c = (char) (c - 'A' + 'a');
		}
		if (c != prefix[i]) {
			return false;
		}
	}
	return true;
}

/* What the authority scan stops at: its end, and the '@' that ends userinfo. */
enum { PLAIN = 0, AUTHORITY_END = 1, USERINFO_END = 2 };
static const unsigned char authority_class[256] = {
	['/'] = AUTHORITY_END,
	['?'] = AUTHORITY_END,
	['#'] = AUTHORITY_END,
	['@'] = USERINFO_END,
};

/* The host (brackets of an IPv6 literal removed) and the port text of the authority, and
 * where the authority ends; false when there is no host. One pass over the authority:
 * every captured request pays it. */
static bool find_host(const char *url, size_t len, spectra_url_parts *out, const char **port_text, size_t *port_len,
	size_t *authority_end)
{
	size_t i = 0;
	out->port = 443;
	const char *scheme_end = len ? memchr(url, ':', len) : NULL;
	if (scheme_end && (size_t) (scheme_end - url) + 2 < len && scheme_end[1] == '/' && scheme_end[2] == '/') {
		if (prefix_ci(url, len, "http:")) {
			out->port = 80;
		}
		i = (size_t) (scheme_end - url) + 3;
	}
	size_t authority = i;
	for (; i < len; i++) {
		unsigned char kind = authority_class[(unsigned char) url[i]];
		if (kind == AUTHORITY_END) {
			break;
		}
		if (kind == USERINFO_END) {
			authority = i + 1; /* userinfo: up to the last '@' of the authority */
		}
	}
	*authority_end = i;
	const char *host = url + authority;
	size_t host_len = i - authority;
	*port_text = NULL;
	*port_len = 0;
	if (host_len && host[0] == '[') {
		const char *close = memchr(host, ']', host_len);
		if (!close) {
			return false;
		}
		size_t inner = (size_t) (close - host);
		if (inner + 1 < host_len) {
			if (close[1] != ':') {
				return false;
			}
			*port_text = close + 2;
			*port_len = host_len - inner - 2;
		}
		host_len = inner - 1;
		host++;
	} else {
		const char *colon = host_len ? memchr(host, ':', host_len) : NULL;
		if (colon) {
			*port_text = colon + 1;
			*port_len = host_len - (size_t) (colon - host) - 1;
			host_len = (size_t) (colon - host);
		}
	}
	out->host = host;
	out->host_len = host_len;
	return host_len > 0;
}

bool spectra_url_host(const char *url, size_t len, const char **host, size_t *host_len)
{
	spectra_url_parts parts;
	const char *port_text;
	size_t port_len, end;
	if (!find_host(url, len, &parts, &port_text, &port_len, &end)) {
		return false;
	}
	*host = parts.host;
	*host_len = parts.host_len;
	return true;
}

bool spectra_url_split(const char *url, size_t len, spectra_url_parts *out)
{
	static const char root[] = "/";
	const char *port_text;
	size_t port_len, i;
	if (!find_host(url, len, out, &port_text, &port_len, &i)) {
		return false;
	}
	if (port_text && port_len) {
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
	size_t path_start = i;
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
