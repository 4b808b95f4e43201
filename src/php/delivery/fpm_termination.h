/* Under PHP-FPM: a worker that gets SIGTERM (a reload or stop with process_control_timeout
 * = 0, or FPM giving up on a slow graceful stop) dies at once, before its final flush. This
 * logs how many spans die with it; the worker still dies as it did before. */
#ifndef SPECTRA_PHP_DELIVERY_FPM_TERMINATION_H
#define SPECTRA_PHP_DELIVERY_FPM_TERMINATION_H

/* In an FPM worker exporting over OTLP: puts the SIGTERM logger in place when SIGTERM would
 * kill the process (its default action, no handler of the application's). Called per request,
 * since the engine re-registers its own signal handlers when a request starts: one sigaction
 * query when the logger is already there. */
void spectra_fpm_termination_watch(void);

#endif
