/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 4a0ce24a1ae4f82a92af0af99d9de041def96f79 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_track, 0, 3, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, provider, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, model, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Spectra_Spectra_stream, 0, 3, Generator, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, chunks, Traversable|Psr\\Http\\Message\\StreamInterface, MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO(0, provider, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, model, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Spectra_Spectra_startRequest, 0, 2, Spectra\\RequestContext, 0)
	ZEND_ARG_TYPE_INFO(0, provider, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, model, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_recordSuccess, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, context, Spectra\\RequestContext, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, response, IS_MIXED, 0, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, usage, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_recordFailure, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, context, Spectra\\RequestContext, 0)
	ZEND_ARG_OBJ_INFO(0, exception, Throwable, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, httpStatus, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_withoutTracking, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_withTraceId, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, traceId, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_withMetadata, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, metadata, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_addGlobalTags, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, tags, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_withPricingTier, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, tier, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_forTrackable, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, type, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, id, MAY_BE_STRING|MAY_BE_LONG, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_clearGlobals, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_listen, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, listener, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_useTransformer, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, transformer, Spectra\\Support\\RequestTransformer, MAY_BE_CALLABLE|MAY_BE_NULL, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_useSpanBuilder, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, builder, Spectra\\Contracts\\SpanBuilder, MAY_BE_CALLABLE|MAY_BE_NULL, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_flush, 0, 0, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeoutMs, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_stats, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_isEnabled, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Spectra_currentTraceId, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Spectra_RequestContext___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_RequestContext_addTag, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, tag, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_RequestContext_addMetadata, 0, 2, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_RequestContext_forTrackable, 0, 2, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, type, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, id, MAY_BE_STRING|MAY_BE_LONG, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_RequestContext_inConversation, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, conversationId, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_RequestContext_withPricingTier, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, tier, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_RequestContext_setUsage, 0, 1, IS_STATIC, 0)
	ZEND_ARG_TYPE_INFO(0, usage, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Spectra_RequestContext_isCompleted arginfo_class_Spectra_Spectra_isEnabled

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Spectra_Events_RequestTracked___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, request, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Support_RequestTransformer_transform, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, request, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Spectra_Support_RequestTransformer_excludedFields arginfo_class_Spectra_Spectra_stats

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Contracts_SpanBuilder_build, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_build arginfo_class_Spectra_Contracts_SpanBuilder_build

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_spanName, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, data, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_attributes arginfo_class_Spectra_Contracts_SpanBuilder_build

#define arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_status arginfo_class_Spectra_Contracts_SpanBuilder_build

#define arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_events arginfo_class_Spectra_Contracts_SpanBuilder_build

#define arginfo_class_Spectra_Internal_StreamObserver___construct arginfo_class_Spectra_RequestContext___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Internal_StreamObserver_chunk, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, chunk, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Spectra_Internal_StreamObserver_end arginfo_class_Spectra_Spectra_clearGlobals

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Spectra_Internal_StreamObserver_fail, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, exception, Throwable, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Spectra_Spectra, track);
ZEND_METHOD(Spectra_Spectra, stream);
ZEND_METHOD(Spectra_Spectra, startRequest);
ZEND_METHOD(Spectra_Spectra, recordSuccess);
ZEND_METHOD(Spectra_Spectra, recordFailure);
ZEND_METHOD(Spectra_Spectra, withoutTracking);
ZEND_METHOD(Spectra_Spectra, withTraceId);
ZEND_METHOD(Spectra_Spectra, withMetadata);
ZEND_METHOD(Spectra_Spectra, addGlobalTags);
ZEND_METHOD(Spectra_Spectra, withPricingTier);
ZEND_METHOD(Spectra_Spectra, forTrackable);
ZEND_METHOD(Spectra_Spectra, clearGlobals);
ZEND_METHOD(Spectra_Spectra, listen);
ZEND_METHOD(Spectra_Spectra, useTransformer);
ZEND_METHOD(Spectra_Spectra, useSpanBuilder);
ZEND_METHOD(Spectra_Spectra, flush);
ZEND_METHOD(Spectra_Spectra, stats);
ZEND_METHOD(Spectra_Spectra, isEnabled);
ZEND_METHOD(Spectra_Spectra, currentTraceId);
ZEND_METHOD(Spectra_RequestContext, __construct);
ZEND_METHOD(Spectra_RequestContext, addTag);
ZEND_METHOD(Spectra_RequestContext, addMetadata);
ZEND_METHOD(Spectra_RequestContext, forTrackable);
ZEND_METHOD(Spectra_RequestContext, inConversation);
ZEND_METHOD(Spectra_RequestContext, withPricingTier);
ZEND_METHOD(Spectra_RequestContext, setUsage);
ZEND_METHOD(Spectra_RequestContext, isCompleted);
ZEND_METHOD(Spectra_Events_RequestTracked, __construct);
ZEND_METHOD(Spectra_Support_RequestTransformer, transform);
ZEND_METHOD(Spectra_Support_RequestTransformer, excludedFields);
ZEND_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, build);
ZEND_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, spanName);
ZEND_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, attributes);
ZEND_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, status);
ZEND_METHOD(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, events);
ZEND_METHOD(Spectra_Internal_StreamObserver, __construct);
ZEND_METHOD(Spectra_Internal_StreamObserver, chunk);
ZEND_METHOD(Spectra_Internal_StreamObserver, end);
ZEND_METHOD(Spectra_Internal_StreamObserver, fail);


static const zend_function_entry class_Spectra_Spectra_methods[] = {
	ZEND_ME(Spectra_Spectra, track, arginfo_class_Spectra_Spectra_track, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, stream, arginfo_class_Spectra_Spectra_stream, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, startRequest, arginfo_class_Spectra_Spectra_startRequest, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, recordSuccess, arginfo_class_Spectra_Spectra_recordSuccess, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, recordFailure, arginfo_class_Spectra_Spectra_recordFailure, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, withoutTracking, arginfo_class_Spectra_Spectra_withoutTracking, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, withTraceId, arginfo_class_Spectra_Spectra_withTraceId, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, withMetadata, arginfo_class_Spectra_Spectra_withMetadata, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, addGlobalTags, arginfo_class_Spectra_Spectra_addGlobalTags, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, withPricingTier, arginfo_class_Spectra_Spectra_withPricingTier, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, forTrackable, arginfo_class_Spectra_Spectra_forTrackable, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, clearGlobals, arginfo_class_Spectra_Spectra_clearGlobals, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, listen, arginfo_class_Spectra_Spectra_listen, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, useTransformer, arginfo_class_Spectra_Spectra_useTransformer, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, useSpanBuilder, arginfo_class_Spectra_Spectra_useSpanBuilder, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, flush, arginfo_class_Spectra_Spectra_flush, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, stats, arginfo_class_Spectra_Spectra_stats, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, isEnabled, arginfo_class_Spectra_Spectra_isEnabled, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Spectra_Spectra, currentTraceId, arginfo_class_Spectra_Spectra_currentTraceId, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Spectra_RequestContext_methods[] = {
	ZEND_ME(Spectra_RequestContext, __construct, arginfo_class_Spectra_RequestContext___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Spectra_RequestContext, addTag, arginfo_class_Spectra_RequestContext_addTag, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_RequestContext, addMetadata, arginfo_class_Spectra_RequestContext_addMetadata, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_RequestContext, forTrackable, arginfo_class_Spectra_RequestContext_forTrackable, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_RequestContext, inConversation, arginfo_class_Spectra_RequestContext_inConversation, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_RequestContext, withPricingTier, arginfo_class_Spectra_RequestContext_withPricingTier, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_RequestContext, setUsage, arginfo_class_Spectra_RequestContext_setUsage, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_RequestContext, isCompleted, arginfo_class_Spectra_RequestContext_isCompleted, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Spectra_Events_RequestTracked_methods[] = {
	ZEND_ME(Spectra_Events_RequestTracked, __construct, arginfo_class_Spectra_Events_RequestTracked___construct, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Spectra_Support_RequestTransformer_methods[] = {
	ZEND_ME(Spectra_Support_RequestTransformer, transform, arginfo_class_Spectra_Support_RequestTransformer_transform, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_Support_RequestTransformer, excludedFields, arginfo_class_Spectra_Support_RequestTransformer_excludedFields, ZEND_ACC_PROTECTED)
	ZEND_FE_END
};


static const zend_function_entry class_Spectra_Contracts_SpanBuilder_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Spectra_Contracts_SpanBuilder, build, arginfo_class_Spectra_Contracts_SpanBuilder_build, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_methods[] = {
	ZEND_ME(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, build, arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_build, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, spanName, arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_spanName, ZEND_ACC_PROTECTED)
	ZEND_ME(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, attributes, arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_attributes, ZEND_ACC_PROTECTED)
	ZEND_ME(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, status, arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_status, ZEND_ACC_PROTECTED)
	ZEND_ME(Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder, events, arginfo_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_events, ZEND_ACC_PROTECTED)
	ZEND_FE_END
};


static const zend_function_entry class_Spectra_Internal_StreamObserver_methods[] = {
	ZEND_ME(Spectra_Internal_StreamObserver, __construct, arginfo_class_Spectra_Internal_StreamObserver___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Spectra_Internal_StreamObserver, chunk, arginfo_class_Spectra_Internal_StreamObserver_chunk, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_Internal_StreamObserver, end, arginfo_class_Spectra_Internal_StreamObserver_end, ZEND_ACC_PUBLIC)
	ZEND_ME(Spectra_Internal_StreamObserver, fail, arginfo_class_Spectra_Internal_StreamObserver_fail, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Spectra_Spectra(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Spectra", "Spectra", class_Spectra_Spectra_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	return class_entry;
}

static zend_class_entry *register_class_Spectra_RequestContext(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Spectra", "RequestContext", class_Spectra_RequestContext_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_id_name);

	zval property_traceId_default_value;
	ZVAL_UNDEF(&property_traceId_default_value);
	zend_string *property_traceId_name = zend_string_init("traceId", sizeof("traceId") - 1, 1);
	zend_declare_typed_property(class_entry, property_traceId_name, &property_traceId_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_traceId_name);

	zval property_spanId_default_value;
	ZVAL_UNDEF(&property_spanId_default_value);
	zend_string *property_spanId_name = zend_string_init("spanId", sizeof("spanId") - 1, 1);
	zend_declare_typed_property(class_entry, property_spanId_name, &property_spanId_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_spanId_name);

	zval property_provider_default_value;
	ZVAL_UNDEF(&property_provider_default_value);
	zend_string *property_provider_name = zend_string_init("provider", sizeof("provider") - 1, 1);
	zend_declare_typed_property(class_entry, property_provider_name, &property_provider_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_provider_name);

	zval property_model_default_value;
	ZVAL_UNDEF(&property_model_default_value);
	zend_string *property_model_name = zend_string_init("model", sizeof("model") - 1, 1);
	zend_declare_typed_property(class_entry, property_model_name, &property_model_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_model_name);

	return class_entry;
}

static zend_class_entry *register_class_Spectra_Events_RequestTracked(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Spectra\\Events", "RequestTracked", class_Spectra_Events_RequestTracked_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval property_request_default_value;
	ZVAL_UNDEF(&property_request_default_value);
	zend_string *property_request_name = zend_string_init("request", sizeof("request") - 1, 1);
	zend_declare_typed_property(class_entry, property_request_name, &property_request_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_request_name);

	return class_entry;
}

static zend_class_entry *register_class_Spectra_Support_RequestTransformer(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Spectra\\Support", "RequestTransformer", class_Spectra_Support_RequestTransformer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	return class_entry;
}

static zend_class_entry *register_class_Spectra_Contracts_SpanBuilder(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Spectra\\Contracts", "SpanBuilder", class_Spectra_Contracts_SpanBuilder_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder(zend_class_entry *class_entry_Spectra_Contracts_SpanBuilder)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Spectra\\Integrations\\OpenTelemetry", "DefaultSpanBuilder", class_Spectra_Integrations_OpenTelemetry_DefaultSpanBuilder_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	zend_class_implements(class_entry, 1, class_entry_Spectra_Contracts_SpanBuilder);

	return class_entry;
}

static zend_class_entry *register_class_Spectra_Internal_StreamObserver(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Spectra\\Internal", "StreamObserver", class_Spectra_Internal_StreamObserver_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
