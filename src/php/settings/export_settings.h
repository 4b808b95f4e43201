/* Export settings of this process, resolved from spectra.* INI and the standard OTEL_*
 * environment (precedence: INI set explicitly, then the variable, then the default). */
#ifndef SPECTRA_PHP_SETTINGS_EXPORT_SETTINGS_H
#define SPECTRA_PHP_SETTINGS_EXPORT_SETTINGS_H

#include "php.h"
#include "src/span/span.h"
#include "src/export/exporter.h"

typedef enum { SPECTRA_EXPORTER_NONE = 0, SPECTRA_EXPORTER_OTLP, SPECTRA_EXPORTER_CONSOLE } spectra_exporter_kind;

typedef struct {
	spectra_exporter_kind kind;
	spectra_export_config export; /* for OTLP */
	spectra_resource resource;
	int resource_pid; /* process.pid in the resource */
} spectra_export_settings;

/* Fills settings from the current INI values and the environment. Warnings for values
 * that cannot be used name the setting. Free with spectra_export_settings_free. */
void spectra_export_settings_load(spectra_export_settings *settings);
void spectra_export_settings_free(spectra_export_settings *settings);
/* Rebuilds the resource (process.pid changes after fork). */
void spectra_export_settings_build_resource(spectra_export_settings *settings);

#endif
