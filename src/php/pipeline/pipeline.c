#include "pipeline.h"

#include "php_spectra.h"
#include "src/php/delivery/emit.h"
#include "src/php/extract/extract.h"
#include "src/php/publish/publish.h"
#include "src/php/span_bridge/php_bridge.h"
#include "src/php/span_bridge/span_stage.h"
#include "src/pricing/price_record.h"

/* The stages every finished call shares, after its outcome is in the record. */
static void finish(spectra_context_object *context, zval *array_out)
{
	spectra_context_end(context);
	spectra_price_record(context->record, SPECTRA_G(default_pricing_tier));

	bool deliver = spectra_delivery_active();
	bool builder_is_php = deliver && spectra_span_builder_is_php();
	zval array;
	bool callbacks_ran = spectra_publish(context, array_out != NULL, builder_is_php, &array);

	if (deliver) {
		/* a PHP builder only gets an array that went through the transformer */
		zval *for_builder = Z_TYPE(array) == IS_ARRAY && callbacks_ran ? &array : NULL;
		spectra_delivery_hand_off(spectra_span_stage(context, for_builder));
	}

	if (array_out) {
		ZVAL_COPY_VALUE(array_out, &array);
	} else {
		zval_ptr_dtor(&array);
	}
}

void spectra_pipeline_success(spectra_context_object *context, zval *response, HashTable *usage, zval *array_out)
{
	spectra_extract_response(context->record, response);
	spectra_context_apply_usage(context, usage);
	finish(context, array_out);
}

void spectra_pipeline_failure(spectra_context_object *context, zend_object *exception, zend_long http_status,
	bool has_status, zval *array_out)
{
	spectra_context_mark_failure(context, exception, http_status, has_status);
	finish(context, array_out);
}
