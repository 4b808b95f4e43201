#include "src/php/settings/settings_display.h"

#include "SAPI.h"
#include "php_main.h"
#include "src/util/buf.h"
#include "src/util/redact.h"

/* The value phpinfo() shows in the column `type` asks for, as php_ini_displayer_cb picks it. */
static const zend_string *shown_value(const zend_ini_entry *ini_entry, int type)
{
	if (type == ZEND_INI_DISPLAY_ORIG && ini_entry->modified) {
		return ini_entry->orig_value;
	}
	return ini_entry->value;
}

static void display_masked(zend_ini_entry *ini_entry, int type, bool (*redact)(const char *, spectra_buf *))
{
	const zend_string *value = shown_value(ini_entry, type);
	spectra_buf masked;
	spectra_buf_init(&masked);
	bool ok = value && ZSTR_LEN(value) && redact(ZSTR_VAL(value), &masked);
	if (ok && masked.len) {
		if (sapi_module.phpinfo_as_text) {
			PHPWRITE(masked.data, masked.len);
		} else {
			php_html_puts(masked.data, masked.len);
		}
	} else if (value && ZSTR_LEN(value)) {
		/* set, but nothing to show (or no memory): never fall back to the value itself */
		PUTS(SPECTRA_REDACTED);
	} else {
		PUTS(sapi_module.phpinfo_as_text ? "no value" : "<i>no value</i>");
	}
	spectra_buf_free(&masked);
}

ZEND_INI_DISP(spectra_ini_display_headers)
{
	display_masked(ini_entry, type, spectra_redact_key_values);
}

ZEND_INI_DISP(spectra_ini_display_url)
{
	display_masked(ini_entry, type, spectra_redact_url);
}
