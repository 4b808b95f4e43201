/* The spectra.providers.<slug>.hosts settings: one per provider of the provider table
 * (src/providers/providers.c), registered from it at startup, so the table stays the one
 * list of providers. Each adds host patterns (src/providers/hosts.h) for custom base URLs
 * and proxies. System-wide: php.ini at startup, or an FPM pool's php_admin_value line when the
 * worker applies it. */
#ifndef SPECTRA_PHP_SETTINGS_PROVIDER_HOSTS_H
#define SPECTRA_PHP_SETTINGS_PROVIDER_HOSTS_H

/* Registers the settings and hands their values to the host table. */
void spectra_provider_hosts_startup(int module_number);
void spectra_provider_hosts_shutdown(void);

#endif
