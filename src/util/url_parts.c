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

bool spectra_url_split(const char *url, size_t len, spectra_url_parts *out)
{
	static const char root[] = "/";
	size_t i = 0;
	long port = 443;
	const char *scheme_end = len ? memchr(url, ':', len) : NULL;
	if (scheme_end && (size_t) (scheme_end - url) + 2 < len && scheme_end[1] == '/' && scheme_end[2] == '/') {
		if (prefix_ci(url, len, "http:")) {
			port = 80;
		}
		i = (size_t) (scheme_end - url) + 3;
	}
	size_t authority = i;
	while (i < len && url[i] != '/' && url[i] != '?' && url[i] != '#') {
		i++;
	}
	size_t authority_end = i;
	/* userinfo: the last '@' of the authority */
	for (size_t j = authority; j < authority_end; j++) {
		if (url[j] == '@') {
			authority = j + 1;
		}
	}
	const char *host = url + authority;
	size_t host_len = authority_end - authority;
	const char *port_text = NULL;
	size_t port_len = 0;
	if (host_len && host[0] == '[') {
		const char *close = memchr(host, ']', host_len);
		if (!close) {
			return false;
		}
		size_t inner = (size_t) (close - host);
		if ((size_t) (close - host) + 1 < host_len) {
			if (close[1] != ':') {
				return false;
			}
			port_text = close + 2;
			port_len = host_len - inner - 2;
		}
		host_len = inner - 1;
		host++;
	} else {
		const char *colon = host_len ? memchr(host, ':', host_len) : NULL;
		if (colon) {
			port_text = colon + 1;
			port_len = host_len - (size_t) (colon - host) - 1;
			host_len = (size_t) (colon - host);
		}
	}
	if (host_len == 0) {
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
		port = value;
	}
	size_t path_start = i;
	while (i < len && url[i] != '?' && url[i] != '#') {
		i++;
	}
	out->host = host;
	out->host_len = host_len;
	out->port = port;
	if (i > path_start && url[path_start] == '/') {
		out->path = url + path_start;
		out->path_len = i - path_start;
	} else {
		out->path = root;
		out->path_len = 1;
	}
	return true;
}
