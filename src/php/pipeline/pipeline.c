#include "pipeline.h"

#include "php_spectra.h"
#include "src/php/content/messages.h"
#include "src/php/delivery/emit.h"
#include "src/php/extract/extract.h"
#include "src/php/publish/publish.h"
#include "src/php/sandbox/sandbox.h"
#include "src/php/span_bridge/native_input.h"
#include "src/php/span_bridge/php_bridge.h"
#include "src/php/span_bridge/span_stage.h"
#include "src/pricing/price_record.h"
#include "src/record/limits.h"

/* What the per-record caps (src/record/limits.h) left out, in one warning per record. A
 * warning rather than a counter: the application's own data was cut, and the developer
 * should see which call did it, where warnings go; one per record bounds the volume. */
static void report_truncation(spectra_context_object *context, size_t metadata_dropped)
{
	const spectra_record *record = context->record;
	char parts[6][96];
	int count = 0;
	if (context->tags_dropped) {
		snprintf(parts[count++], sizeof(parts[0]), "%zu tags dropped (at most %d per record)", context->tags_dropped,
			SPECTRA_MAX_TAGS);
	}
	if (metadata_dropped) {
		snprintf(parts[count++], sizeof(parts[0]), "%zu metadata values not exported as span attributes (at most %d)",
			metadata_dropped, SPECTRA_MAX_METADATA_ATTRIBUTES);
	}
	if (record->tool_calls_dropped) {
		snprintf(parts[count++], sizeof(parts[0]), "%lld tool calls of further types not counted (at most %d types)",
			(long long) record->tool_calls_dropped, SPECTRA_MAX_TOOL_CALL_TYPES);
	}
	if (record->finish_reasons_dropped) {
		snprintf(parts[count++], sizeof(parts[0]), "%zu finish reasons dropped (at most %d)",
			record->finish_reasons_dropped, SPECTRA_MAX_FINISH_REASONS);
	}
	if (record->request_items_dropped) {
		snprintf(parts[count++], sizeof(parts[0]), "%zu stop sequences or encoding formats dropped (at most %d each)",
			record->request_items_dropped, SPECTRA_MAX_REQUEST_LIST_ITEMS);
	}
	if (record->strings_truncated) {
		snprintf(parts[count++], sizeof(parts[0]), "%zu strings cut to %d bytes", record->strings_truncated,
			SPECTRA_MAX_STRING_BYTES);
	}
	if (count == 0) {
		return;
	}
	char joined[sizeof parts];
	size_t used = 0;
	for (int i = 0; i < count; i++) {
		used += (size_t) snprintf(joined + used, sizeof joined - used, "%s%s", i ? "; " : "", parts[i]);
	}
	spectra_warning("record %s is over its limits: %s", record->id, joined);
}

/* The stages every finished call shares, after its outcome is in the record. */
static void finish(spectra_context_object *context, zval *array_out)
{
	spectra_context_end(context);
	spectra_record_clamp_usage(context->record);
	spectra_price_record(context->record, SPECTRA_G(default_pricing_tier));

	bool deliver = spectra_delivery_active();
	bool builder_is_php = deliver && spectra_span_builder_is_php();
	report_truncation(context, deliver && !builder_is_php ? spectra_span_metadata_dropped(&context->metadata) : 0);
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
	if (response && Z_TYPE_P(response) != IS_NULL) {
		zval body;
		spectra_response_to_body(response, &body, context->record);
		if (Z_TYPE(body) == IS_ARRAY) {
			spectra_extract_body(context->record, Z_ARRVAL(body));
			if (SPECTRA_G(capture_content)) {
				spectra_content_from_response(context->record, Z_ARRVAL(body), spectra_content_max_bytes());
			}
		}
		zval_ptr_dtor(&body);
	}
	spectra_context_apply_usage(context, usage);
	finish(context, array_out);
}

void spectra_pipeline_failure(spectra_context_object *context, zend_object *exception, zend_long http_status,
	bool has_status, zval *array_out)
{
	spectra_context_mark_failure(context, exception, http_status, has_status);
	finish(context, array_out);
}
