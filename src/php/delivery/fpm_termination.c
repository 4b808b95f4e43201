#include "fpm_termination.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "php_spectra.h"
#include "SAPI.h"
#include "src/export/exporter.h"

/* No FPM on Windows; under ZTS another thread's request globals are out of reach. */
#if !defined(PHP_WIN32) && !defined(ZTS)

#include "Zend/zend_signal.h"

/* Appends the decimal digits of value; async-signal-safe (no stdio). */
static size_t append_number(char *out, size_t at, uint64_t value)
{
	char digits[20];
	size_t count = 0;
	do {
		digits[count++] = (char) ('0' + value % 10);
		value /= 10;
	} while (value);
	while (count) {
		out[at++] = digits[--count];
	}
	return at;
}

static size_t append_text(char *out, size_t at, const char *text)
{
	size_t len = strlen(text);
	memcpy(out + at, text, len);
	return at + len;
}

/* Logs once, then dies of the signal as the default action would. It may be reached
 * directly or through the engine's deferring handler, so it never hands the signal back
 * (which could loop between the two); it only runs where the action was the default. */
static void log_and_terminate(int signo)
{
	static volatile sig_atomic_t logged;
	int saved_errno = errno;
	uint64_t pending = SPECTRA_G(delivery).pending_count;
	uint64_t unsent = spectra_exporter_unsent_spans();
	if (!logged && pending + unsent) {
		logged = 1;
		char line[256];
		size_t len = append_text(line, 0, "spectra: SIGTERM: ");
		len = append_number(line, len, pending + unsent);
		len = append_text(line, len, " spans not sent are lost (");
		len = append_number(line, len, pending);
		len = append_text(line, len, " of the request, ");
		len = append_number(line, len, unsent);
		len = append_text(line, len, " queued or in flight); php-fpm's process_control_timeout lets workers flush\n");
		ssize_t ignored = write(STDERR_FILENO, line, len);
		(void) ignored;
	}
	signal(signo, SIG_DFL);
	raise(signo); /* blocked while the handler runs: taken, with the default action, on return */
	errno = saved_errno;
}

/* SIGTERM's action is the default: no handler, or the engine's with no PHP handler behind it. */
static bool sigterm_is_default(const struct sigaction *current)
{
	void *handler = (current->sa_flags & SA_SIGINFO) ? (void *) current->sa_sigaction : (void *) current->sa_handler;
	if (handler == (void *) SIG_DFL) {
		return true;
	}
#ifdef ZEND_SIGNALS
	void *behind = SIGG(handlers)[SIGTERM - 1].handler;
	return behind == (void *) SIG_DFL || behind == (void *) log_and_terminate;
#else
	return false;
#endif
}

void spectra_fpm_termination_watch(void)
{
	static int is_fpm = -1;
	if (is_fpm < 0) {
		is_fpm = sapi_module.name && strcmp(sapi_module.name, "fpm-fcgi") == 0;
	}
	if (!is_fpm) {
		return;
	}
	struct sigaction current;
	if (sigaction(SIGTERM, NULL, &current) != 0
		|| (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == log_and_terminate)
		|| !sigterm_is_default(&current)) {
		return;
	}
	struct sigaction logger;
	memset(&logger, 0, sizeof logger);
	logger.sa_handler = log_and_terminate;
	sigemptyset(&logger.sa_mask);
	sigaction(SIGTERM, &logger, NULL);
}

#else
void spectra_fpm_termination_watch(void)
{
}
#endif
