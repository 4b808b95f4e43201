#include "stream_generator.h"

#include "zend_exceptions.h"

/* The generator, in PHP. A PSR-7 body is read in 8 KiB pieces. An exception from the source
 * is recorded as the failure and rethrown as it is; the source generator's return value is
 * passed on. */
static const char generator_source[] =
	"namespace Spectra\\Internal;\n"
	"function stream_chunks($chunks, ?StreamObserver $observer): \\Generator {\n"
	"    if ($chunks instanceof \\Psr\\Http\\Message\\StreamInterface) {\n"
	"        $chunks = read_body($chunks);\n"
	"    }\n"
	"    if ($observer === null) {\n"
	"        return yield from $chunks;\n"
	"    }\n"
	"    try {\n"
	"        foreach ($chunks as $key => $chunk) {\n"
	"            $observer->chunk($chunk);\n"
	"            yield $key => $chunk;\n"
	"        }\n"
	"    } catch (\\Throwable $exception) {\n"
	"        $observer->fail($exception);\n"
	"        throw $exception;\n"
	"    }\n"
	"    $observer->end();\n"
	"    return $chunks instanceof \\Generator ? $chunks->getReturn() : null;\n"
	"}\n"
	"function read_body(\\Psr\\Http\\Message\\StreamInterface $body): \\Generator {\n"
	"    while (!$body->eof()) {\n"
	"        $piece = $body->read(8192);\n"
	"        if ($piece !== '') {\n"
	"            yield $piece;\n"
	"        }\n"
	"    }\n"
	"}\n";

#define GENERATOR_FUNCTION "spectra\\internal\\stream_chunks"

static zend_function *generator_function(void)
{
	zend_function *function = zend_hash_str_find_ptr(EG(function_table), ZEND_STRL(GENERATOR_FUNCTION));
	if (function) {
		return function;
	}
	if (zend_eval_stringl(generator_source, sizeof generator_source - 1, NULL, "Spectra::stream()") != SUCCESS
		|| EG(exception)) {
		return NULL;
	}
	return zend_hash_str_find_ptr(EG(function_table), ZEND_STRL(GENERATOR_FUNCTION));
}

bool spectra_stream_generator(zval *chunks, zval *observer, zval *generator_out)
{
	zend_function *function = generator_function();
	if (!function) {
		if (!EG(exception)) {
			zend_throw_error(NULL, "Spectra::stream(): the stream generator could not be compiled");
		}
		return false;
	}
	zval args[2];
	ZVAL_COPY_VALUE(&args[0], chunks);
	if (observer) {
		ZVAL_COPY_VALUE(&args[1], observer);
	} else {
		ZVAL_NULL(&args[1]);
	}
	zend_call_known_function(function, NULL, NULL, generator_out, 2, args, NULL);
	return !EG(exception);
}
