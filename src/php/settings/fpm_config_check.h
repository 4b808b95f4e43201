/* Under PHP-FPM: warns, once per master process, when FPM's process_control_timeout is 0
 * (its default), with which a reload or stop sends workers SIGTERM right after SIGQUIT,
 * so they die before their final flush and their unsent spans are lost. */
#ifndef SPECTRA_PHP_SETTINGS_FPM_CONFIG_CHECK_H
#define SPECTRA_PHP_SETTINGS_FPM_CONFIG_CHECK_H

#include <stdbool.h>

/* MINIT: under FPM, arranges the check for the master, after it forked its first worker
 * (by then it has read its configuration and named its process after the file). */
void spectra_fpm_config_check_register(void);

/* process_control_timeout of an FPM configuration text, in seconds: its [global] value
 * (FPM's time units s, m, h, d), FPM's default 0 when absent; -1 when unparsable. */
long spectra_fpm_process_control_timeout(const char *conf);

#endif
