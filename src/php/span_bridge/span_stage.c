#include "span_stage.h"

#include "src/php/span_bridge/native_input.h"
#include "src/php/span_bridge/php_bridge.h"

spectra_span_job *spectra_span_stage(spectra_context_object *context, zval *php_array)
{
	if (spectra_span_builder_is_php()) {
		spectra_span *span = spectra_span_from_php_builder(context, php_array);
		return span ? spectra_span_job_for_span(span) : NULL;
	}
	/* after publish nothing reads the record again: the job takes it */
	return spectra_span_job_capture(context, true);
}
