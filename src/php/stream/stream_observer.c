#include "stream_observer.h"

#include "ext/json/php_json.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"

#include "php_spectra.h"
#include "src/php/capture/context.h"
#include "src/php/content/messages.h"
#include "src/php/pipeline/pipeline.h"
#include "src/php/sandbox/sandbox.h"
#include "src/php/stream/chunk_skim.h"
#include "src/php/stream/chunk_tree.h"
#include "src/record/clock.h"
#include "src/stream/stream_reader.h"
#include "src/stream/stream_record.h"

zend_class_entry *spectra_ce_stream_observer;
static zend_object_handlers observer_handlers;

typedef struct {
	zval context;                 /* the RequestContext whose record this stream completes */
	spectra_stream_reader reader; /* bytes chunks, and the usage of every chunk */
	uint64_t first_chunk_ns;      /* monotonic, 0 = no chunk yet */
	bool done;
	zend_object std;
} spectra_stream_observer;

static spectra_stream_observer *observer_from_obj(zend_object *obj)
{
	return (spectra_stream_observer *) ((char *) obj - XtOffsetOf(spectra_stream_observer, std));
}

static zend_object *observer_create(zend_class_entry *ce)
{
	spectra_stream_observer *observer = zend_object_alloc(sizeof(spectra_stream_observer), ce);
	zend_object_std_init(&observer->std, ce);
	observer->std.handlers = &observer_handlers;
	ZVAL_UNDEF(&observer->context);
	spectra_stream_reader_init(&observer->reader);
	spectra_content_stream_start(&observer->reader.usage);
	observer->first_chunk_ns = 0;
	observer->done = false;
	return &observer->std;
}

/* Completes the record once, however the stream ended. */
static void complete(spectra_stream_observer *observer, spectra_stream_end how, zend_object *exception)
{
	if (observer->done || Z_TYPE(observer->context) != IS_OBJECT) {
		return;
	}
	observer->done = true;
	spectra_stream_reader_finish(&observer->reader);
	spectra_stream_state *counts = &SPECTRA_G(streams);
	counts->streams++;
	counts->events += observer->reader.usage.events;
	counts->unreadable_events += observer->reader.usage.bad_events + observer->reader.dropped_events;
	counts->framing_lost += observer->reader.framing_lost;
	spectra_context_object *context = spectra_context_from_obj(Z_OBJ(observer->context));
	spectra_record *record = context->record;
	if (!record || record->completed || SPECTRA_G(sandbox).in_shutdown) {
		return; /* after RSHUTDOWN the request's state is gone: nothing can be published */
	}
	if (observer->first_chunk_ns) {
		uint64_t waited = observer->first_chunk_ns - record->start_mono_ns;
		record->time_to_first_token_ms = (int64_t) ((waited + 500000u) / 1000000u);
	}
	spectra_stream_record(record, &observer->reader.usage, how);
	spectra_content_from_stream(record, &observer->reader.usage);
	if (how == SPECTRA_STREAM_FAILED && exception) {
		spectra_pipeline_failure(context, exception, 0, false, NULL);
	} else {
		spectra_pipeline_success(context, NULL, NULL, NULL);
	}
}

static void observer_destroy(zend_object *object)
{
	spectra_stream_observer *observer = observer_from_obj(object);
	if (!observer->done) {
		/* destroyed before end() or fail(): the consumer let go of the generator, or the
		 * request is ending (shutdown destroys every object still alive) */
		complete(observer, (EG(flags) & EG_FLAGS_IN_SHUTDOWN) ? SPECTRA_STREAM_UNFINISHED : SPECTRA_STREAM_STOPPED,
			NULL);
	}
	zend_objects_destroy_object(object);
}

static void observer_free(zend_object *object)
{
	spectra_stream_observer *observer = observer_from_obj(object);
	spectra_stream_reader_free(&observer->reader);
	zval_ptr_dtor(&observer->context);
	zend_object_std_dtor(object);
}

static HashTable *observer_get_gc(zend_object *object, zval **table, int *n)
{
	spectra_stream_observer *observer = observer_from_obj(object);
	*table = &observer->context;
	*n = 1;
	return NULL;
}

void spectra_stream_observer_register(zend_class_entry *ce)
{
	spectra_ce_stream_observer = ce;
	ce->create_object = observer_create;
	memcpy(&observer_handlers, &std_object_handlers, sizeof(zend_object_handlers));
	observer_handlers.offset = XtOffsetOf(spectra_stream_observer, std);
	observer_handlers.dtor_obj = observer_destroy;
	observer_handlers.free_obj = observer_free;
	observer_handlers.get_gc = observer_get_gc;
	observer_handlers.clone_obj = NULL;
	ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
}

void spectra_stream_stats(zval *stats)
{
	const spectra_stream_state *counts = &SPECTRA_G(streams);
	add_assoc_long(stats, "streams", (zend_long) counts->streams);
	add_assoc_long(stats, "stream_events", (zend_long) counts->events);
	add_assoc_long(stats, "stream_events_unreadable", (zend_long) counts->unreadable_events);
	add_assoc_long(stats, "stream_framing_lost", (zend_long) counts->framing_lost);
}

void spectra_stream_observer_create(zval *context, zval *observer_out)
{
	object_init_ex(observer_out, spectra_ce_stream_observer);
	spectra_stream_observer *observer = observer_from_obj(Z_OBJ_P(observer_out));
	ZVAL_COPY_VALUE(&observer->context, context);
	ZVAL_UNDEF(context);
}

/* ---- reading one chunk ---------------------------------------------------------------- */

static void read_tree(spectra_stream_observer *observer, zval *decoded)
{
	spectra_stream_usage *usage = &observer->reader.usage;
	if (Z_TYPE_P(decoded) == IS_ARRAY && spectra_chunk_skim(Z_ARRVAL_P(decoded), usage)) {
		return;
	}
	spectra_json_value tree;
	if (spectra_chunk_tree(decoded, &usage->arena, &tree)) {
		spectra_stream_usage_value(usage, NULL, 0, &tree);
	}
	spectra_json_arena_reset(&usage->arena);
}

static void read_chunk(spectra_stream_observer *observer, zval *chunk)
{
	ZVAL_DEREF(chunk);
	if (Z_TYPE_P(chunk) == IS_STRING) {
		spectra_stream_reader_feed(&observer->reader, Z_STRVAL_P(chunk), Z_STRLEN_P(chunk));
		return;
	}
	if (Z_TYPE_P(chunk) == IS_ARRAY || (Z_TYPE_P(chunk) == IS_OBJECT && Z_OBJCE_P(chunk) == zend_standard_class_def)) {
		read_tree(observer, chunk);
		return;
	}
	if (Z_TYPE_P(chunk) != IS_OBJECT) {
		return;
	}
	/* a client's chunk object: openai-php's CreateStreamedResponse and its kin have
	 * toArray(), others are JsonSerializable */
	zend_object *object = Z_OBJ_P(chunk);
	zval decoded;
	ZVAL_UNDEF(&decoded);
	if (spectra_has_method(object, "toArray")) {
		spectra_call_method_isolated(object, "toArray", &decoded, 0, NULL, "stream chunk toArray()");
	} else if (instanceof_function(object->ce, php_json_serializable_ce)) {
		spectra_call_method_isolated(object, "jsonSerialize", &decoded, 0, NULL, "stream chunk jsonSerialize()");
	}
	if (Z_TYPE(decoded) == IS_ARRAY) {
		read_tree(observer, &decoded);
	} else if (Z_TYPE(decoded) == IS_STRING) {
		spectra_stream_reader_feed(&observer->reader, Z_STRVAL(decoded), Z_STRLEN(decoded));
	}
	zval_ptr_dtor(&decoded);
}

/* ---- the methods the generator calls -------------------------------------------------- */

PHP_METHOD(Spectra_Internal_StreamObserver, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE(); /* private: observers come from Spectra::stream() only */
}

PHP_METHOD(Spectra_Internal_StreamObserver, chunk)
{
	zval *chunk;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(chunk)
	ZEND_PARSE_PARAMETERS_END();
	spectra_stream_observer *observer = observer_from_obj(Z_OBJ_P(ZEND_THIS));
	if (observer->done) {
		return;
	}
	if (!observer->first_chunk_ns) {
		observer->first_chunk_ns = spectra_clock_monotonic_ns();
	}
	read_chunk(observer, chunk);
}

PHP_METHOD(Spectra_Internal_StreamObserver, end)
{
	ZEND_PARSE_PARAMETERS_NONE();
	complete(observer_from_obj(Z_OBJ_P(ZEND_THIS)), SPECTRA_STREAM_ENDED, NULL);
}

PHP_METHOD(Spectra_Internal_StreamObserver, fail)
{
	zval *exception;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(exception, zend_ce_throwable)
	ZEND_PARSE_PARAMETERS_END();
	complete(observer_from_obj(Z_OBJ_P(ZEND_THIS)), SPECTRA_STREAM_FAILED, Z_OBJ_P(exception));
}
