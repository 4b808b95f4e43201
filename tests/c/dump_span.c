/* Writes one sample ExportTraceServiceRequest (a GenAI chat span with every attribute
 * type, a parent, an event and an error status) to a file, so decoders other than ours
 * can be pointed at our bytes:  ./dump_span out.bin [json]  */
#include <stdio.h>
#include <string.h>

#include "span/span.h"
#include "otlp/otlp.h"
#include "otlp/console.h"
#include "otlp/encode_json.h"
#include "otlp/encode_protobuf.h"

static spectra_span *make_sample_span(void)
{
	static const uint8_t trace_id[16] = { 0x4b, 0xf9, 0x2f, 0x35, 0x77, 0xb3, 0x4d, 0xa6, 0xa3, 0xce, 0x92, 0x9d, 0x0e,
		0x0e, 0x47, 0x36 };
	static const uint8_t span_id[8] = { 0x00, 0xf0, 0x67, 0xaa, 0x0b, 0xa9, 0x02, 0xb7 };
	static const uint8_t parent_id[8] = { 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03, 0x04 };
	const char *finish_reasons[] = { "stop", "length" };

	spectra_span *span = spectra_span_new();
	if (!span) {
		return NULL;
	}
	memcpy(span->trace_id, trace_id, sizeof(trace_id));
	memcpy(span->span_id, span_id, sizeof(span_id));
	memcpy(span->parent_span_id, parent_id, sizeof(parent_id));
	span->has_parent = true;
	span->trace_state = spectra_strdup("vendor=abc");
	span->name = spectra_strdup("chat gpt-4o");
	span->kind = SPECTRA_SPAN_KIND_CLIENT;
	span->start_time_unix_nano = UINT64_C(1700000000123456789);
	span->end_time_unix_nano = UINT64_C(1700000000135802467);
	span->status_code = SPECTRA_STATUS_ERROR;
	span->status_message = spectra_strdup("rate limited");
	span->flags = 0x301; /* sampled, remote parent */

	bool ok = spectra_attr_add_string(&span->attrs, "gen_ai.operation.name", "chat")
		&& spectra_attr_add_string(&span->attrs, "gen_ai.provider.name", "openai")
		&& spectra_attr_add_int(&span->attrs, "gen_ai.usage.input_tokens", 10)
		&& spectra_attr_add_int(&span->attrs, "gen_ai.usage.output_tokens", 9007199254740993) /* > 2^53 */
		&& spectra_attr_add_bool(&span->attrs, "gen_ai.request.stream", true)
		&& spectra_attr_add_double(&span->attrs, "gen_ai.request.temperature", 0.7)
		&& spectra_attr_add_strings(&span->attrs, "gen_ai.response.finish_reasons", finish_reasons, 2)
		&& spectra_attr_add_string(&span->attrs, "error.type", "429")
		&& spectra_attr_add_string(&span->attrs, "text.invalid_utf8", "ok \xFF end")
		&& spectra_span_add_event(span, "exception", UINT64_C(1700000000130000000))
		&& spectra_attr_add_string(&spectra_span_last_event(span)->attrs, "exception.type", "RateLimitError");
	if (!ok) {
		spectra_span_free(span);
		return NULL;
	}
	return span;
}

int main(int argc, char **argv)
{
	if (argc < 2 || (argc == 3 && strcmp(argv[2], "json") != 0) || argc > 3) {
		fprintf(stderr, "usage: %s OUTPUT_FILE [json]\n", argv[0]);
		return 2;
	}
	spectra_otlp_format format = argc == 3 ? SPECTRA_OTLP_JSON : SPECTRA_OTLP_PROTOBUF;

	spectra_resource resource;
	spectra_resource_init(&resource);
	resource.scope_name = spectra_strdup("spectra");
	resource.scope_version = spectra_strdup("0.1.0");
	spectra_span *span = make_sample_span();
	spectra_buf body;
	spectra_buf_init(&body);
	bool ok = span && resource.scope_name && resource.scope_version
		&& spectra_attr_add_string(&resource.attrs, "service.name", "spectra-demo")
		&& spectra_attr_add_string(&resource.attrs, "telemetry.sdk.language", "php")
		&& spectra_otlp_encode(format, &resource, &span, 1, &body);

	int status = 1;
	if (!ok) {
		fprintf(stderr, "dump_span: out of memory\n");
	} else {
		FILE *file = fopen(argv[1], "wb");
		if (!file) {
			perror(argv[1]);
		} else {
			bool written = fwrite(body.data, 1, body.len, file) == body.len;
			if (fclose(file) == 0 && written) {
				status = 0;
			} else {
				perror(argv[1]);
			}
		}
	}
	spectra_buf_free(&body);
	spectra_span_free(span);
	spectra_resource_free(&resource);
	return status;
}
