/* What a streamed response says about itself (src/stream/stream_usage.c), read from streams
 * shaped as each provider documents them, through the real framings (the SSE parser, the
 * JSON stream cutter) where the provider uses one: usage, ids, models, finish reasons, tool
 * calls, errors, and "no usage in the stream" kept apart from "usage 0". */
#include "stream/json_stream.h"
#include "stream/sse.h"
#include "stream/stream_usage.h"

#include <stdio.h>
#include <string.h>

#include "check.h"

static bool sse_to_usage(void *context, const spectra_sse_event *event)
{
	spectra_stream_usage_event(context, event->type, event->type_len, event->data, event->data_len);
	return true;
}

static void read_sse(spectra_stream_usage *usage, const char *stream)
{
	spectra_stream_usage_init(usage);
	spectra_sse_parser parser;
	spectra_sse_init(&parser, sse_to_usage, usage);
	/* in small pieces, as a network read gives them */
	for (size_t i = 0, len = strlen(stream); i < len; i += 5) {
		spectra_sse_feed(&parser, stream + i, len - i < 5 ? len - i : 5);
	}
	spectra_sse_finish(&parser);
	spectra_sse_free(&parser);
}

static bool json_to_usage(void *context, const char *value, size_t len)
{
	spectra_stream_usage_event(context, NULL, 0, value, len);
	return true;
}

static int64_t tool_count(const spectra_stream_usage *usage, const char *type)
{
	for (size_t i = 0; i < usage->tool_type_count; i++) {
		if (strcmp(usage->tools[i].type, type) == 0) {
			return usage->tools[i].count;
		}
	}
	return 0;
}

static bool finish_is(const spectra_stream_usage *usage, size_t slot, const char *reason)
{
	return slot < usage->finish_reason_count && usage->finish_reasons[slot]
		&& strcmp(usage->finish_reasons[slot], reason) == 0;
}

static void test_openai_chat(void)
{
	spectra_stream_usage u;
	read_sse(&u,
		"data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini-2024-07-18\","
		"\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n"
		"data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini-2024-07-18\","
		"\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n"
		"data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini-2024-07-18\","
		"\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n"
		"data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini-2024-07-18\","
		"\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":12,\"total_tokens\":21,"
		"\"prompt_tokens_details\":{\"cached_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n"
		"data: [DONE]\n\n");
	CHECK(u.usage_seen && u.input_tokens == 9 && u.output_tokens == 12 && u.cached_tokens == 0
		&& u.reasoning_tokens == 0);
	CHECK(u.response_id && strcmp(u.response_id, "chatcmpl-123") == 0);
	CHECK(u.model && strcmp(u.model, "gpt-4o-mini-2024-07-18") == 0);
	CHECK(finish_is(&u, 0, "stop") && u.finish_reason_count == 1);
	CHECK(u.completed && u.events == 5 && u.bad_events == 0);
	spectra_stream_usage_free(&u);

	/* without stream_options.include_usage: ended, but no usage at all (not a usage of 0) */
	read_sse(&u,
		"data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
		"\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n"
		"data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
		"\"delta\":{},\"finish_reason\":\"length\"}]}\n\ndata: [DONE]\n\n");
	CHECK(!u.usage_seen && u.input_tokens == -1 && u.output_tokens == -1);
	CHECK(u.completed && finish_is(&u, 0, "length"));
	spectra_stream_usage_free(&u);

	/* tool calls: counted once each, at the delta that carries the call's id */
	read_sse(&u,
		"data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
		"\"id\":\"call_a\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}}]}\n\n"
		"data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
		"\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}}]}\n\n"
		"data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,"
		"\"id\":\"call_b\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{}\"}}]}}]}\n\n"
		"data: {\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n");
	CHECK(tool_count(&u, "function") == 2 && finish_is(&u, 0, "tool_calls"));
	spectra_stream_usage_free(&u);

	/* Groq puts the usage in x_groq; xAI counts reasoning outside completion_tokens */
	read_sse(&u,
		"data: {\"id\":\"chatcmpl-g\",\"object\":\"chat.completion.chunk\",\"model\":\"llama-3.3-70b-versatile\",\"choices\":"
		"[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"x_groq\":{\"id\":\"req_1\",\"usage\":{\"queue_time\":0.01,"
		"\"prompt_tokens\":18,\"prompt_time\":0.001,\"completion_tokens\":7,\"completion_time\":0.02,\"total_tokens\":25}}}\n\n"
		"data: [DONE]\n\n");
	CHECK(u.usage_seen && u.input_tokens == 18 && u.output_tokens == 7);
	spectra_stream_usage_free(&u);
	read_sse(&u,
		"data: {\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"model\":\"grok-3-mini\",\"choices\":[],\"usage\":"
		"{\"prompt_tokens\":32,\"completion_tokens\":9,\"total_tokens\":135,\"prompt_tokens_details\":{\"cached_tokens\":6},"
		"\"completion_tokens_details\":{\"reasoning_tokens\":94}}}\n\n");
	CHECK(u.input_tokens == 32 && u.output_tokens == 103 && u.reasoning_tokens == 94 && u.cached_tokens == 6);
	spectra_stream_usage_free(&u);
}

static void test_openai_responses(void)
{
	spectra_stream_usage u;
	read_sse(&u,
		"event: response.created\ndata: {\"type\":\"response.created\",\"sequence_number\":0,\"response\":{\"id\":\"resp_1\","
		"\"object\":\"response\",\"status\":\"in_progress\",\"model\":\"gpt-4.1-2025-04-14\",\"output\":[],\"usage\":null}}\n\n"
		"event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\",\"item_id\":\"msg_1\","
		"\"output_index\":1,\"content_index\":0,\"delta\":\"Hi\"}\n\n"
		"event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{\"id\":\"resp_1\",\"object\":\"response\","
		"\"status\":\"completed\",\"model\":\"gpt-4.1-2025-04-14\",\"output\":[{\"type\":\"web_search_call\",\"id\":\"ws_1\","
		"\"status\":\"completed\"},{\"type\":\"message\",\"id\":\"msg_1\",\"content\":[]}],\"usage\":{\"input_tokens\":328,"
		"\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":52,\"output_tokens_details\":{\"reasoning_tokens\":0},"
		"\"total_tokens\":380}}}\n\n");
	CHECK(u.usage_seen && u.input_tokens == 328 && u.output_tokens == 52 && u.cached_tokens == 0);
	CHECK(u.response_id && strcmp(u.response_id, "resp_1") == 0 && strcmp(u.model, "gpt-4.1-2025-04-14") == 0);
	CHECK(finish_is(&u, 0, "completed") && tool_count(&u, "web_search_call") == 1 && u.completed);
	spectra_stream_usage_free(&u);
	/* an incomplete response says why */
	read_sse(&u,
		"event: response.incomplete\ndata: {\"type\":\"response.incomplete\",\"response\":{\"id\":\"resp_2\","
		"\"status\":\"incomplete\",\"incomplete_details\":{\"reason\":\"max_output_tokens\"},\"output\":[],"
		"\"usage\":{\"input_tokens\":10,\"output_tokens\":64}}}\n\n");
	CHECK(finish_is(&u, 0, "max_output_tokens") && u.output_tokens == 64);
	spectra_stream_usage_free(&u);
}

static void test_anthropic(void)
{
	spectra_stream_usage u;
	read_sse(&u,
		"event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
		"\"role\":\"assistant\",\"content\":[],\"model\":\"claude-sonnet-4-5-20250929\",\"stop_reason\":null,"
		"\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":10,\"cache_read_input_tokens\":100,\"output_tokens\":1}}}\n\n"
		"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
		"event: ping\ndata: {\"type\": \"ping\"}\n\n"
		"event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Okay\"}}\n\n"
		"event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\","
		"\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{}}}\n\n"
		"event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\",\"stop_sequence\":null},"
		"\"usage\":{\"output_tokens\":89}}\n\n"
		"event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
	/* input = 25 uncached + 100 read + 10 written; output is cumulative: the last value */
	CHECK(u.usage_seen && u.input_tokens == 135 && u.cached_tokens == 100 && u.cache_write_tokens == 10
		&& u.output_tokens == 89);
	CHECK(strcmp(u.response_id, "msg_1") == 0 && strcmp(u.model, "claude-sonnet-4-5-20250929") == 0);
	CHECK(finish_is(&u, 0, "tool_use") && tool_count(&u, "tool_use") == 1 && u.completed);
	spectra_stream_usage_free(&u);
	/* an error event mid-stream */
	read_sse(&u,
		"event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"usage\":{\"input_tokens\":5,"
		"\"output_tokens\":1}}}\n\nevent: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n");
	CHECK(u.error_type && strcmp(u.error_type, "overloaded_error") == 0 && !u.completed && u.input_tokens == 5);
	spectra_stream_usage_free(&u);
}

static void test_gemini_bedrock_cohere_ollama(void)
{
	spectra_stream_usage u;
	/* Gemini with alt=sse: the last usageMetadata counts; thoughts are output */
	read_sse(&u,
		"data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"The\"}],\"role\":\"model\"},\"index\":0}],"
		"\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":1,\"totalTokenCount\":10},\"modelVersion\":\"gemini-2.5-flash\","
		"\"responseId\":\"abc\"}\r\n\r\n"
		"data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"f\",\"args\":{}}}],\"role\":\"model\"},"
		"\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":9,\"candidatesTokenCount\":12,"
		"\"thoughtsTokenCount\":30,\"totalTokenCount\":51},\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"abc\"}\r\n\r\n");
	CHECK(u.input_tokens == 9 && u.output_tokens == 42 && u.reasoning_tokens == 30);
	CHECK(finish_is(&u, 0, "STOP") && tool_count(&u, "function_call") == 1 && strcmp(u.response_id, "abc") == 0);
	spectra_stream_usage_free(&u);

	/* Gemini's JSON-array form, cut by the JSON stream reader */
	spectra_stream_usage_init(&u);
	spectra_json_stream cutter;
	spectra_json_stream_init(&cutter, json_to_usage, &u);
	const char *array =
		"[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}\r\n,\r\n{\"candidates\":[{\"finishReason\":"
		"\"MAX_TOKENS\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":4,\"candidatesTokenCount\":8}}\r\n]";
	spectra_json_stream_feed(&cutter, array, strlen(array));
	CHECK(spectra_json_stream_finish(&cutter));
	spectra_json_stream_free(&cutter);
	CHECK(u.input_tokens == 4 && u.output_tokens == 8 && finish_is(&u, 0, "MAX_TOKENS"));
	spectra_stream_usage_free(&u);

	/* Bedrock ConverseStream payloads, named by the frame's :event-type header */
	spectra_stream_usage_init(&u);
	static const char *const bedrock[][2] = {
		{ "messageStart", "{\"role\":\"assistant\"}" },
		{ "contentBlockStart",
			"{\"contentBlockIndex\":1,\"start\":{\"toolUse\":{\"toolUseId\":\"t1\",\"name\":\"f\"}}}" },
		{ "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}" },
		{ "messageStop", "{\"stopReason\":\"tool_use\"}" },
		{ "metadata",
			"{\"usage\":{\"inputTokens\":30,\"outputTokens\":20,\"totalTokens\":350,\"cacheReadInputTokens\":200,"
			"\"cacheWriteInputTokens\":100},\"metrics\":{\"latencyMs\":500}}" },
	};
	for (size_t i = 0; i < 5; i++) {
		spectra_stream_usage_event(&u, bedrock[i][0], strlen(bedrock[i][0]), bedrock[i][1], strlen(bedrock[i][1]));
	}
	CHECK(u.input_tokens == 330 && u.cached_tokens == 200 && u.cache_write_tokens == 100 && u.output_tokens == 20);
	CHECK(finish_is(&u, 0, "tool_use") && tool_count(&u, "tool_use") == 1 && u.completed);
	spectra_stream_usage_free(&u);

	/* Cohere v2 chat stream */
	read_sse(&u,
		"event: message-start\ndata: {\"id\":\"29f14a5a\",\"type\":\"message-start\",\"delta\":{\"message\":{\"role\":\"assistant\"}}}\n\n"
		"event: content-delta\ndata: {\"type\":\"content-delta\",\"index\":0,\"delta\":{\"message\":{\"content\":{\"text\":\"Hi\"}}}}\n\n"
		"event: message-end\ndata: {\"type\":\"message-end\",\"delta\":{\"finish_reason\":\"COMPLETE\",\"usage\":{\"billed_units\":"
		"{\"input_tokens\":3,\"output_tokens\":10},\"tokens\":{\"input_tokens\":69,\"output_tokens\":10}}}}\n\n");
	CHECK(u.input_tokens == 3 && u.output_tokens == 10 && finish_is(&u, 0, "COMPLETE")
		&& strcmp(u.response_id, "29f14a5a") == 0);
	spectra_stream_usage_free(&u);

	/* Ollama's NDJSON stream */
	spectra_stream_usage_init(&u);
	spectra_json_stream_init(&cutter, json_to_usage, &u);
	const char *lines =
		"{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T08:52:19.385406455-07:00\",\"message\":{\"role\":\"assistant\","
		"\"content\":\"The\"},\"done\":false}\n"
		"{\"model\":\"llama3.2\",\"created_at\":\"2023-08-04T19:22:45.499127Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
		"\"done\":true,\"done_reason\":\"stop\",\"total_duration\":4883583458,\"prompt_eval_count\":26,\"eval_count\":282}\n";
	spectra_json_stream_feed(&cutter, lines, strlen(lines));
	spectra_json_stream_finish(&cutter);
	spectra_json_stream_free(&cutter);
	CHECK(u.input_tokens == 26 && u.output_tokens == 282 && finish_is(&u, 0, "stop") && u.completed);
	spectra_stream_usage_free(&u);

	/* data that is not JSON is counted, not fatal */
	read_sse(&u, "data: {not json\n\ndata: 42\n\n");
	CHECK(u.bad_events == 1 && u.events == 2 && !u.usage_seen);
	spectra_stream_usage_free(&u);
}

int main(void)
{
	test_openai_chat();
	test_openai_responses();
	test_anthropic();
	test_gemini_bedrock_cohere_ollama();
	printf("%d passed, %d failed (stream usage)\n", passed, failed);
	return failed == 0 ? 0 : 1;
}
