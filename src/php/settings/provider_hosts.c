#include "provider_hosts.h"

#include "php.h"
#include "php_ini.h"
#include "src/providers/hosts.h"
#include "src/providers/providers.h"

/* A slug has one setting even when it has several rows (google). Bounded by the table. */
#define MAX_PROVIDER_SETTINGS 64

static char setting_names[MAX_PROVIDER_SETTINGS][64];
static zend_ini_entry_def setting_defs[MAX_PROVIDER_SETTINGS + 1];

static bool already_listed(const char *name, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (strcmp(setting_names[i], name) == 0) {
			return true;
		}
	}
	return false;
}

void spectra_provider_hosts_startup(int module_number)
{
	size_t count = 0;
	for (size_t i = 0, n = spectra_provider_count(); i < n && count < MAX_PROVIDER_SETTINGS; i++) {
		char name[64];
		snprintf(name, sizeof name, "spectra.providers.%s.hosts", spectra_provider_at(i)->slug);
		if (already_listed(name, count)) {
			continue;
		}
		memcpy(setting_names[count], name, sizeof name);
		setting_defs[count] = (zend_ini_entry_def){
			.name = setting_names[count],
			.value = "",
			.name_length = (uint16_t) strlen(setting_names[count]),
			.value_length = 0,
			.modifiable = PHP_INI_SYSTEM,
		};
		count++;
	}
	setting_defs[count] = (zend_ini_entry_def){ 0 };
	zend_register_ini_entries(setting_defs, module_number);

	for (size_t i = 0; i < count; i++) {
		const char *patterns = zend_ini_string_ex(setting_names[i], strlen(setting_names[i]), 0, NULL);
		if (!patterns || !*patterns) {
			continue;
		}
		char slug[64];
		size_t prefix = strlen("spectra.providers.");
		size_t slug_len = strlen(setting_names[i]) - prefix - strlen(".hosts");
		memcpy(slug, setting_names[i] + prefix, slug_len);
		slug[slug_len] = '\0';
		if (!spectra_provider_add_hosts(slug, patterns)) {
			php_error_docref(NULL, E_WARNING, "Spectra: %s could not be applied (out of memory)", setting_names[i]);
		}
	}
}

void spectra_provider_hosts_shutdown(void)
{
	spectra_provider_clear_custom_hosts();
}
