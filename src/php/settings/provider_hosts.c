#include "provider_hosts.h"

#include "php.h"
#include "php_ini.h"
#include "php_spectra.h"
#include "src/providers/host_verdicts.h"
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

/* The slug of "spectra.providers.<slug>.hosts" into slug (at most size bytes). */
static bool slug_of(const char *name, size_t len, char *slug, size_t size)
{
	size_t prefix = strlen("spectra.providers."), suffix = strlen(".hosts");
	if (len <= prefix + suffix || len - prefix - suffix >= size) {
		return false;
	}
	memcpy(slug, name + prefix, len - prefix - suffix);
	slug[len - prefix - suffix] = '\0';
	return true;
}

/* Applied when the value is set: at startup from php.ini, and in an FPM worker when its
 * pool's php_admin_value line is applied, which comes after startup. */
static ZEND_INI_MH(apply_hosts)
{
	(void) mh_arg1;
	(void) mh_arg2;
	(void) mh_arg3;
	char slug[64];
	if (!slug_of(ZSTR_VAL(entry->name), ZSTR_LEN(entry->name), slug, sizeof slug)) {
		return FAILURE;
	}
	if (!spectra_provider_set_hosts(slug, new_value ? ZSTR_VAL(new_value) : "")) {
		php_error_docref(NULL, E_WARNING, "Spectra: %s could not be applied (out of memory)", ZSTR_VAL(entry->name));
	}
	if (stage != ZEND_INI_STAGE_STARTUP) {
		/* a pool's line, in a worker: the answers capture remembered may have changed */
		spectra_host_verdicts_clear(&SPECTRA_G(curl).host_verdicts);
	}
	return SUCCESS;
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
			.on_modify = apply_hosts,
			.value = "",
			.name_length = (uint16_t) strlen(setting_names[count]),
			.value_length = 0,
			.modifiable = PHP_INI_SYSTEM,
		};
		count++;
	}
	setting_defs[count] = (zend_ini_entry_def){ 0 };
	zend_register_ini_entries(setting_defs, module_number);
}

void spectra_provider_hosts_shutdown(void)
{
	spectra_provider_clear_custom_hosts();
}
