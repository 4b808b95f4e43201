/* Request state of the sandbox: whether PHP code may still be called. */
#ifndef SPECTRA_PHP_SANDBOX_STATE_H
#define SPECTRA_PHP_SANDBOX_STATE_H

#include <stdbool.h>

typedef struct {
	bool in_shutdown;        /* set at the start of RSHUTDOWN: no more PHP callbacks */
	unsigned callback_depth; /* user callbacks of ours now running, nested */
	unsigned hook_depth;     /* of them, listeners, transformers and span builders */
	bool depth_warned;       /* the nesting cap was reported; cleared when the stack unwinds */
} spectra_sandbox_state;

void spectra_sandbox_rinit(void);
/* First of the RSHUTDOWN hooks: everything after it runs with callbacks off. */
void spectra_sandbox_rshutdown(void);

#endif
