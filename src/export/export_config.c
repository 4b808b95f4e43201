#include "export_config.h"

#include <stdlib.h>
#include <string.h>

void spectra_export_config_free(spectra_export_config *config)
{
	free(config->endpoint);
	for (size_t i = 0; i < config->header_count; i++) {
		free(config->headers[i]);
	}
	free(config->headers);
	free(config->ca_file);
	free(config->client_cert);
	free(config->client_key);
	free(config->user_agent);
	memset(config, 0, sizeof *config);
}
