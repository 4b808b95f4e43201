#include "hosts.h"

#include <stdlib.h>

#include <string.h>

#include "../util/buf.h"

typedef struct {
	const spectra_provider_info *provider;
	char *patterns; /* owned, comma-separated */
} custom_hosts;

/* Set at startup (MINIT) or when an FPM pool applies its lines (a worker, single-threaded,
 * before its first request); read-only afterwards. */
static custom_hosts *custom;
static size_t custom_count;

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

/* Glob with "*" = one or more characters. Iterative, with one backtrack point per star as
 * usual, so a hostile pattern or host costs O(pattern * host) at worst, both short. */
bool spectra_host_matches(const char *pattern, size_t pattern_len, const char *host, size_t len)
{
	size_t p = 0, h = 0;
	size_t star = (size_t) -1, star_host = 0;
	while (h < len) {
		if (p < pattern_len && pattern[p] == '*') {
			star = p++;
			star_host = ++h; /* the star takes at least one character */
		} else if (p < pattern_len && lower(pattern[p]) == lower(host[h])) {
			p++;
			h++;
		} else if (star != (size_t) -1) {
			p = star + 1;
			h = ++star_host;
		} else {
			return false;
		}
	}
	return p == pattern_len;
}

static bool list_matches(const char *list, const char *host, size_t len)
{
	const char *cursor = list;
	while (cursor && *cursor) {
		while (*cursor == ' ' || *cursor == ',') {
			cursor++;
		}
		size_t item_len = strcspn(cursor, ",");
		size_t trimmed = item_len;
		while (trimmed > 0 && cursor[trimmed - 1] == ' ') {
			trimmed--;
		}
		if (trimmed > 0 && spectra_host_matches(cursor, trimmed, host, len)) {
			return true;
		}
		cursor += item_len;
	}
	return false;
}

const spectra_provider_info *spectra_provider_for_host(const char *host, size_t len)
{
	if (!host || len == 0) {
		return NULL;
	}
	if (host[len - 1] == '.') {
		len--; /* a fully qualified "api.openai.com." */
	}
	for (size_t i = 0; i < custom_count; i++) {
		if (list_matches(custom[i].patterns, host, len)) {
			return custom[i].provider;
		}
	}
	for (size_t i = 0, n = spectra_provider_count(); i < n; i++) {
		const spectra_provider_info *info = spectra_provider_at(i);
		if (list_matches(info->hosts, host, len)) {
			return info;
		}
	}
	return NULL;
}

bool spectra_provider_add_hosts(const char *slug, const char *patterns)
{
	const spectra_provider_info *provider = slug ? spectra_provider_find(slug, strlen(slug)) : NULL;
	if (!provider || !patterns) {
		return false;
	}
	custom_hosts *grown = realloc(custom, (custom_count + 1) * sizeof *custom);
	if (!grown) {
		return false;
	}
	custom = grown;
	char *copy = spectra_strdup(patterns);
	if (!copy) {
		return false;
	}
	custom[custom_count++] = (custom_hosts){ provider, copy };
	return true;
}

bool spectra_provider_set_hosts(const char *slug, const char *patterns)
{
	const spectra_provider_info *provider = slug ? spectra_provider_find(slug, strlen(slug)) : NULL;
	if (!provider || !patterns) {
		return false;
	}
	for (size_t i = 0; i < custom_count; i++) {
		if (custom[i].provider != provider) {
			continue;
		}
		if (strcmp(custom[i].patterns, patterns) == 0) {
			return true; /* unchanged (a thread's settings refresh): nothing another thread reads is touched */
		}
		free(custom[i].patterns);
		custom[i] = custom[--custom_count];
		break;
	}
	return *patterns == '\0' || spectra_provider_add_hosts(slug, patterns);
}

void spectra_provider_clear_custom_hosts(void)
{
	for (size_t i = 0; i < custom_count; i++) {
		free(custom[i].patterns);
	}
	free(custom);
	custom = NULL;
	custom_count = 0;
}
