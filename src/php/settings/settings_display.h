/* phpinfo() / `php --ri spectra` displayers for the settings that carry credentials (the
 * SECRET kinds of settings_table.h): the INI table shows header names and the endpoint's
 * host and path, never a header value, a password or a query value. */
#ifndef SPECTRA_PHP_SETTINGS_SETTINGS_DISPLAY_H
#define SPECTRA_PHP_SETTINGS_SETTINGS_DISPLAY_H

#include "php.h"
#include "zend_ini.h"

/* spectra.otel.headers: "authorization=***, x-api-key=***" */
ZEND_INI_DISP(spectra_ini_display_headers);
/* spectra.otel.endpoint: without "user:pass@", query values masked */
ZEND_INI_DISP(spectra_ini_display_url);

#endif
