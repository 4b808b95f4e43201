/* The collector's ExportTraceServiceResponse parser (src/otlp), for the format chosen at
 * build time (-DFUZZ_JSON=1: http/json, else http/protobuf). What it reads is checked
 * through both formats: writing the result as JSON and as protobuf and parsing each again
 * gives the same rejected count and message (parse(serialize(x)) == x); a message is
 * valid UTF-8. */
#include "fuzz.h"

#include "otlp/otlp.h"
#include "otlp/utf8.h"
#include "opentelemetry/proto/collector/trace/v1/trace_service.pb-c.h"

#ifndef FUZZ_JSON
#define FUZZ_JSON 0
#endif

typedef Opentelemetry__Proto__Collector__Trace__V1__ExportTraceServiceResponse pb_response;
typedef Opentelemetry__Proto__Collector__Trace__V1__ExportTracePartialSuccess pb_partial;

static void check_same(spectra_otlp_format format, const char *body, size_t len, int64_t rejected, const char *message)
{
	int64_t again_rejected = -12345;
	char *again_message = NULL;
	FUZZ_ASSERT(spectra_otlp_parse_response(format, body, len, &again_rejected, &again_message));
	FUZZ_ASSERT(again_rejected == rejected);
	FUZZ_ASSERT((message == NULL) == (again_message == NULL));
	FUZZ_ASSERT(!message || strcmp(message, again_message) == 0);
	free(again_message);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	spectra_otlp_format format = FUZZ_JSON ? SPECTRA_OTLP_JSON : SPECTRA_OTLP_PROTOBUF;
	int64_t rejected = -12345;
	char *message = (char *) "untouched";
	bool ok = spectra_otlp_parse_response(format, (const char *) data, size, &rejected, &message);
	if (!ok) {
		FUZZ_ASSERT(rejected == 0 && message == NULL);
		return 0;
	}
	if (message) {
		FUZZ_ASSERT(spectra_utf8_is_valid(message, strlen(message)));
	}
	/* a message that starts with a NUL byte (JSON "\u0000...") reads as none */
	const char *effective = message && *message ? message : NULL;

	/* as JSON */
	spectra_buf json;
	spectra_buf_init(&json);
	FUZZ_ASSERT(spectra_buf_appendf(&json, "{\"partialSuccess\":{\"rejectedSpans\":\"%lld\"", (long long) rejected));
	if (effective) {
		FUZZ_ASSERT(spectra_buf_append_str(&json, ",\"errorMessage\":"));
		FUZZ_ASSERT(spectra_utf8_append_json_string(&json, effective, strlen(effective)));
	}
	FUZZ_ASSERT(spectra_buf_append_str(&json, "}}"));
	check_same(SPECTRA_OTLP_JSON, json.data, json.len, rejected, effective);
	spectra_buf_free(&json);

	/* as protobuf */
	pb_partial partial = OPENTELEMETRY__PROTO__COLLECTOR__TRACE__V1__EXPORT_TRACE_PARTIAL_SUCCESS__INIT;
	partial.rejected_spans = rejected;
	if (effective) {
		partial.error_message = (char *) effective;
	}
	pb_response response = OPENTELEMETRY__PROTO__COLLECTOR__TRACE__V1__EXPORT_TRACE_SERVICE_RESPONSE__INIT;
	response.partial_success = &partial;
	size_t packed_size =
		opentelemetry__proto__collector__trace__v1__export_trace_service_response__get_packed_size(&response);
	uint8_t *packed = malloc(packed_size + 1);
	FUZZ_ASSERT(packed);
	FUZZ_ASSERT(opentelemetry__proto__collector__trace__v1__export_trace_service_response__pack(&response, packed)
		== packed_size);
	check_same(SPECTRA_OTLP_PROTOBUF, (const char *) packed, packed_size, rejected, effective);
	free(packed);
	free(message);
	return 0;
}
