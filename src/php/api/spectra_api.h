/* Spectra\Spectra: the static PHP API. Its methods are bound to the class by
 * stubs/spectra_arginfo.h (generated from stubs/spectra.stub.php); each one checks its
 * arguments (TypeError/ValueError naming the argument), then hands over to capture (start),
 * the pipeline (finish), publish/span_bridge (hooks) or delivery (flush, stats). Nothing
 * else calls into this file, so it declares no C functions. */
#ifndef SPECTRA_PHP_API_SPECTRA_API_H
#define SPECTRA_PHP_API_SPECTRA_API_H

#include "php.h"

#endif
