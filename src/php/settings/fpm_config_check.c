#include "fpm_config_check.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "php.h"
#include "SAPI.h"

#define CONF_MAX_BYTES (1024 * 1024)

static const char *skip_blanks(const char *text, const char *end)
{
	while (text < end && (*text == ' ' || *text == '\t')) {
		text++;
	}
	return text;
}

/* "10s", "1m", "0", "\"10s\"" in seconds; -1 when it is none of these. */
static long parse_time(const char *text, const char *end)
{
	while (end > text && isspace((unsigned char) end[-1])) {
		end--;
	}
	if (end - text >= 2 && (*text == '"' || *text == '\'') && end[-1] == *text) {
		text++;
		end--;
	}
	long value = 0;
	const char *digit = text;
	while (digit < end && isdigit((unsigned char) *digit) && value < 100000000L) {
		value = value * 10 + (*digit++ - '0');
	}
	if (digit == text) {
		return -1;
	}
	if (digit == end) {
		return value;
	}
	if (digit + 1 != end) {
		return -1;
	}
	switch (*digit) {
	case 's':
		return value;
	case 'm':
		return value * 60;
	case 'h':
		return value * 3600;
	case 'd':
		return value * 86400;
	default:
		return -1;
	}
}

long spectra_fpm_process_control_timeout(const char *conf)
{
	static const char key[] = "process_control_timeout";
	bool in_global = true; /* lines before any section header belong to [global] */
	long timeout = 0;
	for (const char *line = conf; *line;) {
		const char *end = strchr(line, '\n');
		if (!end) {
			end = line + strlen(line);
		}
		const char *text = skip_blanks(line, end);
		if (text < end && *text == '[') {
			in_global = end - text >= 8 && strncmp(text, "[global]", 8) == 0;
		} else if (in_global && (size_t) (end - text) > sizeof key - 1 && strncmp(text, key, sizeof key - 1) == 0) {
			const char *rest = skip_blanks(text + sizeof key - 1, end);
			if (rest < end && *rest == '=') {
				const char *value_end = memchr(rest, ';', (size_t) (end - rest));
				timeout = parse_time(skip_blanks(rest + 1, end), value_end ? value_end : end);
			}
		}
		line = *end ? end + 1 : end;
	}
	return timeout;
}

#ifndef PHP_WIN32 /* no FPM */
/* The master names itself "php-fpm: master process (/path/to/php-fpm.conf)". */
static bool master_config_path(char *path, size_t size)
{
	FILE *file = fopen("/proc/self/cmdline", "r");
	if (!file) {
		return false;
	}
	char title[4096];
	size_t len = fread(title, 1, sizeof title - 1, file);
	fclose(file);
	title[len] = '\0';
	const char *open = strstr(title, "master process (");
	const char *close = open ? strrchr(open, ')') : NULL;
	if (!open || !close) {
		return false;
	}
	open += strlen("master process (");
	if ((size_t) (close - open) >= size) {
		return false;
	}
	memcpy(path, open, (size_t) (close - open));
	path[close - open] = '\0';
	return true;
}

static char *read_file(const char *path)
{
	FILE *file = fopen(path, "r");
	if (!file) {
		return NULL;
	}
	char *text = malloc(CONF_MAX_BYTES + 1);
	size_t len = text ? fread(text, 1, CONF_MAX_BYTES, file) : 0;
	fclose(file);
	if (text) {
		text[len] = '\0';
	}
	return text;
}

static void write_line(const char *line)
{
	ssize_t ignored = write(STDERR_FILENO, line, strlen(line));
	(void) ignored;
}

/* In the master, after a fork: plain C and the file system only, once per process. */
static void check_after_fork(void)
{
	static bool checked;
	if (checked) {
		return;
	}
	checked = true;
	char path[1024];
	if (!master_config_path(path, sizeof path)) {
		return; /* not FPM's master (a worker, or a fork elsewhere): nothing to say */
	}
	char *conf = read_file(path);
	if (!conf) {
		return;
	}
	long timeout = spectra_fpm_process_control_timeout(conf);
	free(conf);
	if (timeout == 0) {
		char line[1400];
		snprintf(line, sizeof line,
			"spectra: php-fpm process_control_timeout is 0 in %s: a reload or stop kills the workers with SIGTERM "
			"at once and their unsent spans are lost (each worker logs how many); set process_control_timeout = 10s "
			"in [global]\n",
			path);
		write_line(line);
	}
}

void spectra_fpm_config_check_register(void)
{
	if (sapi_module.name && strcmp(sapi_module.name, "fpm-fcgi") == 0) {
		pthread_atfork(NULL, check_after_fork, NULL);
	}
}
#else
void spectra_fpm_config_check_register(void)
{
}
#endif
