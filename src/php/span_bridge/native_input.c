/* The PHP-side values of a finished call (tags, scalar metadata, the trackable id) turned
 * into C attributes for the native builder, so nothing past this point needs a zval. */
#include "native_input.h"

#include "php_spectra.h"
#include "src/record/limits.h"
#include "src/record/record_fields.h"

static bool is_scalar(const zval *value)
{
	return Z_TYPE_P(value) == IS_STRING || Z_TYPE_P(value) == IS_LONG || Z_TYPE_P(value) == IS_DOUBLE
		|| Z_TYPE_P(value) == IS_TRUE || Z_TYPE_P(value) == IS_FALSE;
}

size_t spectra_span_metadata_dropped(const zval *metadata)
{
	if (Z_TYPE_P(metadata) != IS_ARRAY) {
		return 0;
	}
	size_t scalars = 0;
	zval *value;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(metadata), value) {
		ZVAL_DEREF(value);
		scalars += is_scalar(value);
	}
	ZEND_HASH_FOREACH_END();
	return scalars > SPECTRA_MAX_METADATA_ATTRIBUTES ? scalars - SPECTRA_MAX_METADATA_ATTRIBUTES : 0;
}

/* Scalar metadata goes out as spectra.metadata.<key>, the first SPECTRA_MAX_METADATA_ATTRIBUTES
 * of them; arrays and objects are left out of the span (they stay in the event array)
 * because attribute values must be flat. */
static void add_metadata(spectra_attr_list *attrs, const zval *metadata)
{
	zend_string *key;
	zend_ulong index;
	zval *value;
	char name[256];
	size_t added = 0;
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(metadata), index, key, value) {
		ZVAL_DEREF(value);
		if (!is_scalar(value)) {
			continue;
		}
		if (added++ == SPECTRA_MAX_METADATA_ATTRIBUTES) {
			break;
		}
		if (key) {
			snprintf(name, sizeof(name), "%s%s", SPECTRA_SPAN_ATTR(metadata), ZSTR_VAL(key));
		} else {
			snprintf(name, sizeof(name), "%s" ZEND_ULONG_FMT, SPECTRA_SPAN_ATTR(metadata), index);
		}
		switch (Z_TYPE_P(value)) {
		case IS_STRING:
			spectra_attr_add_stringl(attrs, name, Z_STRVAL_P(value), Z_STRLEN_P(value));
			break;
		case IS_LONG:
			spectra_attr_add_int(attrs, name, Z_LVAL_P(value));
			break;
		case IS_DOUBLE:
			spectra_attr_add_double(attrs, name, Z_DVAL_P(value));
			break;
		default:
			spectra_attr_add_bool(attrs, name, Z_TYPE_P(value) == IS_TRUE);
			break;
		}
	}
	ZEND_HASH_FOREACH_END();
}

static void add_tags(spectra_attr_list *attrs, const zval *tags)
{
	uint32_t count = zend_hash_num_elements(Z_ARRVAL_P(tags));
	if (!count) {
		return;
	}
	const char **items = emalloc(sizeof(char *) * count);
	size_t used = 0;
	zval *tag;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(tags), tag) {
		if (Z_TYPE_P(tag) == IS_STRING && used < SPECTRA_MAX_TAGS) {
			items[used++] = Z_STRVAL_P(tag);
		}
	}
	ZEND_HASH_FOREACH_END();
	spectra_attr_add_strings(attrs, SPECTRA_SPAN_ATTR(tags), items, used);
	efree(items);
}

spectra_span_job *spectra_span_job_capture(spectra_context_object *context, bool steal_record)
{
	spectra_record *replacement = steal_record ? spectra_record_new() : NULL;
	spectra_span_job *job = spectra_span_job_new(context->record, replacement != NULL, SPECTRA_G(span_compat));
	if (!job) {
		if (replacement) {
			/* the job freed the record it was given: the context keeps an empty one */
			replacement->completed = true;
			context->record = replacement;
		}
		return NULL;
	}
	if (replacement) {
		replacement->completed = true;
		context->record = replacement;
	}
	/* the item array sized once (in the record's space while it has room, see
	 * spectra_span_job_new()), not grown 8, 16, ... */
	size_t attrs = (job->record->trackable_type ? 1 : 0) + (Z_TYPE(context->tags) == IS_ARRAY ? 1 : 0)
		+ (Z_TYPE(context->metadata) == IS_ARRAY ? zend_hash_num_elements(Z_ARRVAL(context->metadata)) : 0);
	if (attrs) {
		spectra_attr_list_reserve(&job->context_attrs, attrs, 0);
	}
	if (job->record->trackable_type) {
		if (Z_TYPE(context->trackable_id) == IS_STRING) {
			spectra_attr_add_stringl(&job->context_attrs, SPECTRA_SPAN_ATTR(trackable_id),
				Z_STRVAL(context->trackable_id), Z_STRLEN(context->trackable_id));
		} else if (Z_TYPE(context->trackable_id) == IS_LONG) {
			/* a string either way: one attribute, one type, whatever the model's key type */
			char id[24];
			snprintf(id, sizeof(id), ZEND_LONG_FMT, Z_LVAL(context->trackable_id));
			spectra_attr_add_string(&job->context_attrs, SPECTRA_SPAN_ATTR(trackable_id), id);
		}
	}
	if (Z_TYPE(context->tags) == IS_ARRAY) {
		add_tags(&job->context_attrs, &context->tags);
	}
	if (Z_TYPE(context->metadata) == IS_ARRAY) {
		add_metadata(&job->context_attrs, &context->metadata);
	}
	return job;
}

spectra_span *spectra_span_build_native(spectra_context_object *context)
{
	spectra_span_job *job = spectra_span_job_capture(context, false);
	spectra_span *span = job ? spectra_span_job_build(job) : NULL;
	spectra_span_job_free(job);
	return span;
}
