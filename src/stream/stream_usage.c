#include "stream_usage.h"

#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"
#include "delta_skim.h"
#include "../util/json_reader.h"

void spectra_stream_usage_init(spectra_stream_usage *usage)
{
	memset(usage, 0, sizeof *usage);
	usage->input_tokens = usage->output_tokens = usage->cached_tokens = -1;
	usage->cache_write_tokens = usage->reasoning_tokens = -1;
	usage->billed_cost_usd = -1;
	spectra_json_arena_init(&usage->arena);
	spectra_delta_memo_init(&usage->skim_memo);
	spectra_buf_init(&usage->answer);
}

void spectra_stream_usage_keep_answer(spectra_stream_usage *usage, size_t limit)
{
	usage->answer_limit = limit;
	usage->no_skim = limit > 0;
}

void spectra_stream_usage_free(spectra_stream_usage *usage)
{
	free(usage->response_id);
	free(usage->model);
	free(usage->error_type);
	for (size_t i = 0; i < usage->finish_reason_count; i++) {
		free(usage->finish_reasons[i]);
	}
	for (size_t i = 0; i < usage->tool_type_count; i++) {
		free(usage->tools[i].type);
	}
	spectra_json_arena_free(&usage->arena);
	spectra_buf_free(&usage->answer);
	spectra_stream_usage_init(usage);
}

/* ---- reading the JSON tree -------------------------------------------------------------- */

/* The member named by one segment of a path (not NUL-terminated). */
static const spectra_json_value *member(const spectra_json_value *object, const char *key, size_t len)
{
	if (object->type != SPECTRA_JSON_OBJECT) {
		return NULL;
	}
	for (size_t i = 0; i < object->as.object.count; i++) {
		const spectra_json_member *candidate = &object->as.object.members[i];
		if (candidate->key_len == len && memcmp(candidate->key, key, len) == 0) {
			return &candidate->value;
		}
	}
	return NULL;
}

static const spectra_json_value *at(const spectra_json_value *value, const char *path)
{
	while (value && *path) {
		const char *dot = strchr(path, '.');
		size_t len = dot ? (size_t) (dot - path) : strlen(path);
		value = member(value, path, len);
		path += len + (dot != NULL);
	}
	return value;
}

static bool count_at(const spectra_json_value *value, const char *path, int64_t *out)
{
	const spectra_json_value *number = at(value, path);
	if (!number || number->type != SPECTRA_JSON_NUMBER || !number->as.number.is_integer || number->as.number.integer < 0
		|| number->as.number.integer > SPECTRA_MAX_TOKEN_COUNT) {
		return false;
	}
	*out = number->as.number.integer;
	return true;
}

/* A finite amount of US dollars from 0 to SPECTRA_MAX_BILLED_USD. */
static bool dollars_at(const spectra_json_value *value, const char *path, double *out)
{
	const spectra_json_value *number = at(value, path);
	if (!number || number->type != SPECTRA_JSON_NUMBER) {
		return false;
	}
	double amount = number->as.number.value;
	if (!(amount >= 0 && amount <= SPECTRA_MAX_BILLED_USD)) {
		return false;
	}
	*out = amount;
	return true;
}

static const char *string_at(const spectra_json_value *value, const char *path, size_t *len)
{
	const spectra_json_value *string = at(value, path);
	if (!string || string->type != SPECTRA_JSON_STRING || string->as.string.len == 0) {
		return NULL;
	}
	*len = string->as.string.len;
	return string->as.string.chars;
}

static bool string_is(const spectra_json_value *value, const char *path, const char *expected)
{
	size_t len = 0;
	const char *found = string_at(value, path, &len);
	return found && len == strlen(expected) && memcmp(found, expected, len) == 0;
}

static bool is_true(const spectra_json_value *value, const char *path)
{
	const spectra_json_value *flag = at(value, path);
	return flag && flag->type == SPECTRA_JSON_BOOL && flag->as.boolean;
}

/* ---- filling the usage ------------------------------------------------------------------ */

/* Adds the characters (UTF-8 lead bytes; a stray byte counts as one) of a text delta. */
static void count_text_at(spectra_stream_usage *usage, const spectra_json_value *value, const char *path)
{
	const spectra_json_value *text = at(value, path);
	if (!text || text->type != SPECTRA_JSON_STRING) {
		return;
	}
	spectra_stream_usage_add_text(usage, spectra_stream_characters(text->as.string.chars, text->as.string.len));
}

/* Counts a text delta of the answer, and keeps its bytes when the answer is kept: up to the
 * limit, cut before a UTF-8 continuation byte so no character is split. */
static void answer_text_at(spectra_stream_usage *usage, const spectra_json_value *value, const char *path)
{
	const spectra_json_value *text = at(value, path);
	if (!text || text->type != SPECTRA_JSON_STRING) {
		return;
	}
	size_t len = text->as.string.len;
	spectra_stream_usage_add_text(usage, spectra_stream_characters(text->as.string.chars, len));
	if (usage->answer_limit == 0 || usage->answer_cut || len == 0) {
		return;
	}
	size_t room = usage->answer_limit - usage->answer.len;
	if (len > room) {
		len = room;
		while (len > 0 && ((unsigned char) text->as.string.chars[len] & 0xC0) == 0x80) {
			len--;
		}
		usage->answer_cut = true;
	}
	if (!spectra_buf_append(&usage->answer, text->as.string.chars, len)) {
		usage->answer_cut = true;
	}
}

static void keep_string(char **field, const char *value, size_t len)
{
	if (!value || *field) {
		return; /* the first one seen stays: later chunks repeat it */
	}
	*field = spectra_strndup(value, len < SPECTRA_MAX_STRING_BYTES ? len : SPECTRA_MAX_STRING_BYTES);
}

static void keep_string_at(char **field, const spectra_json_value *value, const char *path)
{
	if (*field) {
		return; /* kept from an earlier event: no need to look */
	}
	size_t len = 0;
	const char *found = string_at(value, path, &len);
	keep_string(field, found, len);
}

/* A finish reason in slot index (a choice or candidate), set once per slot. */
static void finish_reason_at(spectra_stream_usage *usage, size_t slot, const char *reason, size_t len)
{
	if (!reason || slot >= SPECTRA_MAX_FINISH_REASONS) {
		return;
	}
	while (usage->finish_reason_count <= slot) {
		usage->finish_reasons[usage->finish_reason_count++] = NULL;
	}
	if (!usage->finish_reasons[slot]) {
		usage->finish_reasons[slot] =
			spectra_strndup(reason, len < SPECTRA_MAX_STRING_BYTES ? len : SPECTRA_MAX_STRING_BYTES);
	}
}

static void count_tool(spectra_stream_usage *usage, const char *type, size_t len)
{
	if (!type) {
		return;
	}
	len = len < SPECTRA_MAX_STRING_BYTES ? len : SPECTRA_MAX_STRING_BYTES;
	for (size_t i = 0; i < usage->tool_type_count; i++) {
		if (strlen(usage->tools[i].type) == len && memcmp(usage->tools[i].type, type, len) == 0) {
			usage->tools[i].count++;
			return;
		}
	}
	if (usage->tool_type_count < SPECTRA_MAX_TOOL_CALL_TYPES) {
		char *copy = spectra_strndup(type, len);
		if (copy) {
			usage->tools[usage->tool_type_count++] = (spectra_stream_tool_count){ copy, 1 };
		}
	}
}

static void set_count(spectra_stream_usage *usage, int64_t *field, const spectra_json_value *value, const char *path)
{
	int64_t count;
	if (count_at(value, path, &count)) {
		*field = count;
		usage->usage_seen = true;
	}
}

/* Anthropic and Bedrock report uncached input beside cache reads and writes: the GenAI input
 * is their sum. */
static void input_with_cache(spectra_stream_usage *usage, const spectra_json_value *block, const char *uncached_path,
	const char *read_path, const char *written_path)
{
	int64_t uncached = 0, read = 0, written = 0;
	if (!count_at(block, uncached_path, &uncached)) {
		return;
	}
	count_at(block, read_path, &read);
	count_at(block, written_path, &written);
	usage->input_tokens = uncached + read + written;
	usage->cached_tokens = read;
	usage->cache_write_tokens = written;
	usage->usage_seen = true;
}

/* ---- the formats -------------------------------------------------------------------------- */

/* OpenAI-style usage block (chat chunks, Groq's x_groq.usage). */
static void openai_usage(spectra_stream_usage *usage, const spectra_json_value *block)
{
	set_count(usage, &usage->input_tokens, block, "prompt_tokens");
	set_count(usage, &usage->output_tokens, block, "completion_tokens");
	int64_t cached;
	if (count_at(block, "prompt_cache_hit_tokens", &cached)
		|| count_at(block, "prompt_tokens_details.cached_tokens", &cached)) {
		usage->cached_tokens = cached;
	}
	set_count(usage, &usage->reasoning_tokens, block, "completion_tokens_details.reasoning_tokens");
	/* xAI counts reasoning outside completion_tokens (total = prompt + completion + reasoning) */
	int64_t total;
	if (usage->reasoning_tokens > 0 && usage->input_tokens >= 0 && usage->output_tokens >= 0
		&& count_at(block, "total_tokens", &total)
		&& total == usage->input_tokens + usage->output_tokens + usage->reasoning_tokens) {
		usage->output_tokens += usage->reasoning_tokens;
	}
	/* the amount billed, as the non-streamed reading takes it (src/php/extract/openai.c) */
	double billed, upstream;
	const spectra_json_value *byok = at(block, "is_byok");
	if (dollars_at(block, "cost", &billed)) {
		if (byok && byok->type == SPECTRA_JSON_BOOL && byok->as.boolean
			&& dollars_at(block, "cost_details.upstream_inference_cost", &upstream)) {
			billed += upstream;
		}
		usage->billed_cost_usd = billed;
	} else if (dollars_at(block, "cost.total_cost", &billed)) {
		usage->billed_cost_usd = billed;
	}
	usage->completed = true;
}

static void openai_chat_chunk(spectra_stream_usage *usage, const spectra_json_value *chunk)
{
	keep_string_at(&usage->response_id, chunk, "id");
	keep_string_at(&usage->model, chunk, "model");
	const spectra_json_value *choices = at(chunk, "choices");
	for (size_t i = 0; choices && choices->type == SPECTRA_JSON_ARRAY && i < choices->as.array.count; i++) {
		const spectra_json_value *choice = &choices->as.array.items[i];
		int64_t index = (int64_t) i;
		count_at(choice, "index", &index);
		size_t len = 0;
		const char *reason = string_at(choice, "finish_reason", &len);
		finish_reason_at(usage, (size_t) index, reason, len);
		if (index == 0) {
			answer_text_at(usage, choice, "delta.content");
		} else {
			count_text_at(usage, choice, "delta.content");
		}
		count_text_at(usage, choice, "delta.reasoning_content"); /* DeepSeek, xAI */
		count_text_at(usage, choice, "delta.reasoning");         /* OpenRouter */
		const spectra_json_value *calls = at(choice, "delta.tool_calls");
		for (size_t c = 0; calls && calls->type == SPECTRA_JSON_ARRAY && c < calls->as.array.count; c++) {
			/* a call's first delta carries its id; the following ones only argument pieces */
			const spectra_json_value *call = &calls->as.array.items[c];
			count_text_at(usage, call, "function.arguments");
			if (string_at(call, "id", &len)) {
				const char *type = string_at(call, "type", &len);
				count_tool(usage, type ? type : "function", type ? len : strlen("function"));
			}
		}
	}
	const spectra_json_value *block = at(chunk, "usage");
	if (block && block->type == SPECTRA_JSON_OBJECT) {
		openai_usage(usage, block);
	}
	block = at(chunk, "x_groq.usage");
	if (block && block->type == SPECTRA_JSON_OBJECT) {
		openai_usage(usage, block);
	}
}

static void openai_response_event(spectra_stream_usage *usage, const spectra_json_value *event, const char *type)
{
	if (strcmp(type, "response.completed") != 0 && strcmp(type, "response.incomplete") != 0
		&& strcmp(type, "response.failed") != 0) {
		if (strcmp(type, "response.created") == 0) {
			keep_string_at(&usage->response_id, event, "response.id");
			keep_string_at(&usage->model, event, "response.model");
		} else if (strcmp(type, "response.output_text.delta") == 0) {
			answer_text_at(usage, event, "delta");
		} else if (strcmp(type, "response.function_call_arguments.delta") == 0
			|| strcmp(type, "response.reasoning_summary_text.delta") == 0) {
			count_text_at(usage, event, "delta");
		}
		return;
	}
	const spectra_json_value *response = at(event, "response");
	keep_string_at(&usage->response_id, response, "id");
	keep_string_at(&usage->model, response, "model");
	set_count(usage, &usage->input_tokens, response, "usage.input_tokens");
	set_count(usage, &usage->output_tokens, response, "usage.output_tokens");
	set_count(usage, &usage->cached_tokens, response, "usage.input_tokens_details.cached_tokens");
	set_count(usage, &usage->reasoning_tokens, response, "usage.output_tokens_details.reasoning_tokens");
	size_t len = 0;
	const char *reason = string_at(response, "incomplete_details.reason", &len);
	if (!reason) {
		reason = string_at(response, "status", &len);
	}
	finish_reason_at(usage, 0, reason, len);
	keep_string_at(&usage->error_type, response, "error.code");
	const spectra_json_value *output = at(response, "output");
	for (size_t i = 0; output && output->type == SPECTRA_JSON_ARRAY && i < output->as.array.count; i++) {
		const char *item = string_at(&output->as.array.items[i], "type", &len);
		if (item && len > 5 && memcmp(item + len - 5, "_call", 5) == 0) {
			count_tool(usage, item, len);
		}
	}
	usage->completed = true;
}

/* Anthropic: input usage in message_start, cumulative output usage in message_delta. */
static void anthropic_event(spectra_stream_usage *usage, const spectra_json_value *event, const char *type)
{
	size_t len = 0;
	if (strcmp(type, "message_start") == 0) {
		const spectra_json_value *message = at(event, "message");
		keep_string_at(&usage->response_id, message, "id");
		keep_string_at(&usage->model, message, "model");
		input_with_cache(usage, message, "usage.input_tokens", "usage.cache_read_input_tokens",
			"usage.cache_creation_input_tokens");
		set_count(usage, &usage->output_tokens, message, "usage.output_tokens");
	} else if (strcmp(type, "content_block_start") == 0) {
		const char *block = string_at(event, "content_block.type", &len);
		if (block
			&& ((len == 8 && memcmp(block, "tool_use", 8) == 0)
				|| (len == 15 && memcmp(block, "server_tool_use", 15) == 0))) {
			count_tool(usage, block, len);
		}
	} else if (strcmp(type, "content_block_delta") == 0) {
		answer_text_at(usage, event, "delta.text");
		count_text_at(usage, event, "delta.partial_json");
		count_text_at(usage, event, "delta.thinking");
	} else if (strcmp(type, "message_delta") == 0) {
		const char *reason = string_at(event, "delta.stop_reason", &len);
		finish_reason_at(usage, 0, reason, len);
		set_count(usage, &usage->output_tokens, event, "usage.output_tokens"); /* cumulative */
	} else if (strcmp(type, "message_stop") == 0) {
		usage->completed = true;
	} else if (strcmp(type, "error") == 0) {
		keep_string_at(&usage->error_type, event, "error.type");
	}
}

/* Gemini / Vertex: every chunk may carry usageMetadata; the last one counts. */
static void gemini_chunk(spectra_stream_usage *usage, const spectra_json_value *chunk)
{
	keep_string_at(&usage->response_id, chunk, "responseId");
	keep_string_at(&usage->model, chunk, "modelVersion");
	const spectra_json_value *meta = at(chunk, "usageMetadata");
	if (meta && meta->type == SPECTRA_JSON_OBJECT) {
		int64_t prompt = 0, tool_prompt = 0, candidates = 0, thoughts = 0, cached = 0;
		bool any = count_at(meta, "promptTokenCount", &prompt);
		count_at(meta, "toolUsePromptTokenCount", &tool_prompt);
		any |= count_at(meta, "candidatesTokenCount", &candidates);
		any |= count_at(meta, "thoughtsTokenCount", &thoughts);
		count_at(meta, "cachedContentTokenCount", &cached);
		if (any) {
			usage->input_tokens = prompt + tool_prompt;
			usage->output_tokens = candidates + thoughts;
			usage->reasoning_tokens = thoughts;
			usage->cached_tokens = cached;
			usage->usage_seen = true;
		}
	}
	const spectra_json_value *candidates = at(chunk, "candidates");
	for (size_t i = 0; candidates && candidates->type == SPECTRA_JSON_ARRAY && i < candidates->as.array.count; i++) {
		const spectra_json_value *candidate = &candidates->as.array.items[i];
		int64_t index = (int64_t) i;
		count_at(candidate, "index", &index);
		size_t len = 0;
		const char *reason = string_at(candidate, "finishReason", &len);
		if (reason) {
			finish_reason_at(usage, (size_t) index, reason, len);
			usage->completed = true;
		}
		const spectra_json_value *parts = at(candidate, "content.parts");
		for (size_t p = 0; parts && parts->type == SPECTRA_JSON_ARRAY && p < parts->as.array.count; p++) {
			const spectra_json_value *part = &parts->as.array.items[p];
			if (index == 0 && !is_true(part, "thought")) {
				answer_text_at(usage, part, "text");
			} else {
				count_text_at(usage, part, "text");
			}
			if (at(&parts->as.array.items[p], "functionCall")) {
				count_tool(usage, "function_call", strlen("function_call"));
			}
		}
	}
}

/* Bedrock ConverseStream: the event type is the frame's :event-type header. */
static void bedrock_event(spectra_stream_usage *usage, const spectra_json_value *event, const char *type)
{
	size_t len = 0;
	if (strcmp(type, "contentBlockStart") == 0 && at(event, "start.toolUse")) {
		count_tool(usage, "tool_use", strlen("tool_use"));
	} else if (strcmp(type, "contentBlockDelta") == 0) {
		answer_text_at(usage, event, "delta.text");
		count_text_at(usage, event, "delta.toolUse.input");
		count_text_at(usage, event, "delta.reasoningContent.text");
	} else if (strcmp(type, "messageStop") == 0) {
		const char *reason = string_at(event, "stopReason", &len);
		finish_reason_at(usage, 0, reason, len);
	} else if (strcmp(type, "metadata") == 0) {
		input_with_cache(usage, event, "usage.inputTokens", "usage.cacheReadInputTokens",
			"usage.cacheWriteInputTokens");
		set_count(usage, &usage->output_tokens, event, "usage.outputTokens");
		usage->completed = true;
	}
}

/* Cohere v2 chat stream. */
static void cohere_event(spectra_stream_usage *usage, const spectra_json_value *event, const char *type)
{
	size_t len = 0;
	if (strcmp(type, "message-start") == 0) {
		keep_string_at(&usage->response_id, event, "id");
	} else if (strcmp(type, "tool-call-start") == 0) {
		count_tool(usage, "function", strlen("function"));
	} else if (strcmp(type, "content-delta") == 0) {
		answer_text_at(usage, event, "delta.message.content.text");
	} else if (strcmp(type, "tool-call-delta") == 0) {
		count_text_at(usage, event, "delta.message.tool_calls.function.arguments");
	} else if (strcmp(type, "message-end") == 0) {
		const char *reason = string_at(event, "delta.finish_reason", &len);
		finish_reason_at(usage, 0, reason, len);
		set_count(usage, &usage->input_tokens, event, "delta.usage.billed_units.input_tokens");
		set_count(usage, &usage->output_tokens, event, "delta.usage.billed_units.output_tokens");
		usage->completed = true;
	}
}

/* Ollama: the final object has "done": true and the counts. */
static void ollama_chunk(spectra_stream_usage *usage, const spectra_json_value *chunk)
{
	keep_string_at(&usage->model, chunk, "model");
	answer_text_at(usage, chunk, "message.content"); /* /api/chat */
	answer_text_at(usage, chunk, "response");        /* /api/generate */
	const spectra_json_value *done = at(chunk, "done");
	if (done && done->type == SPECTRA_JSON_BOOL && done->as.boolean) {
		set_count(usage, &usage->input_tokens, chunk, "prompt_eval_count");
		set_count(usage, &usage->output_tokens, chunk, "eval_count");
		size_t len = 0;
		const char *reason = string_at(chunk, "done_reason", &len);
		finish_reason_at(usage, 0, reason, len);
		usage->completed = true;
	}
}

/* Standard base64 (RFC 4648 section 4, padding optional) into a malloc'd buffer; NULL when
 * the text is not base64. */
static char *base64_decode(const char *text, size_t len, size_t *out_len)
{
	char *out = malloc(len / 4 * 3 + 3);
	if (!out) {
		return NULL;
	}
	uint32_t bits = 0;
	int pending = 0;
	size_t used = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) text[i];
		int value;
		if (c >= 'A' && c <= 'Z') {
			value = c - 'A';
		} else if (c >= 'a' && c <= 'z') {
			value = c - 'a' + 26;
		} else if (c >= '0' && c <= '9') {
			value = c - '0' + 52;
		} else if (c == '+') {
			value = 62;
		} else if (c == '/') {
			value = 63;
		} else if (c == '=' && len - i <= 2) {
			break;
		} else {
			free(out);
			return NULL;
		}
		bits = (bits << 6) | (uint32_t) value;
		if (++pending == 4) {
			out[used++] = (char) (bits >> 16);
			out[used++] = (char) (bits >> 8);
			out[used++] = (char) bits;
			bits = 0;
			pending = 0;
		}
	}
	if (pending == 2) {
		out[used++] = (char) (bits >> 4);
	} else if (pending == 3) {
		out[used++] = (char) (bits >> 10);
		out[used++] = (char) (bits >> 2);
	} else if (pending == 1) {
		free(out);
		return NULL;
	}
	*out_len = used;
	return out;
}

static void read_event(spectra_stream_usage *usage, const char *event_name, size_t name_len, const char *json,
	size_t json_len, bool nested);

/* Bedrock InvokeModelWithResponseStream: the model's own event, base64 in "bytes". */
static void bedrock_invoke_chunk(spectra_stream_usage *usage, const spectra_json_value *chunk)
{
	size_t len = 0;
	const char *encoded = string_at(chunk, "bytes", &len);
	size_t decoded_len = 0;
	char *decoded = encoded ? base64_decode(encoded, len, &decoded_len) : NULL;
	if (!decoded) {
		usage->bad_events++;
		return;
	}
	read_event(usage, NULL, 0, decoded, decoded_len, true);
	free(decoded);
}

static void read_value(spectra_stream_usage *usage, const char *event_name, size_t name_len,
	const spectra_json_value *root, bool nested)
{
	if (root->type != SPECTRA_JSON_OBJECT) {
		return;
	}
	/* the event's type: its "type" member (Anthropic, OpenAI Responses, Cohere), else the
	 * framing's name (Bedrock's :event-type; SSE "event:" lines repeat the member) */
	char type[64] = "";
	size_t len = 0;
	const char *member = string_at(root, "type", &len);
	if (member && len < sizeof type) {
		memcpy(type, member, len);
		type[len] = '\0';
	} else if (event_name && name_len < sizeof type && !(name_len == 7 && memcmp(event_name, "message", 7) == 0)) {
		memcpy(type, event_name, name_len);
		type[name_len] = '\0';
	}
	if (string_is(root, "object", "chat.completion.chunk") || (at(root, "choices") && !*type)) {
		openai_chat_chunk(usage, root);
	} else if (strncmp(type, "response.", 9) == 0) {
		openai_response_event(usage, root, type);
	} else if (strncmp(type, "message_", 8) == 0 || strncmp(type, "content_block_", 14) == 0
		|| strcmp(type, "ping") == 0 || (strcmp(type, "error") == 0 && at(root, "error"))) {
		anthropic_event(usage, root, type);
	} else if (strncmp(type, "message-", 8) == 0 || strncmp(type, "tool-call-", 10) == 0
		|| strncmp(type, "content-", 8) == 0) {
		cohere_event(usage, root, type);
	} else if (strcmp(type, "chunk") == 0 && !nested && at(root, "bytes")) {
		bedrock_invoke_chunk(usage, root);
	} else if (*type
		&& (strcmp(type, "metadata") == 0 || strcmp(type, "messageStop") == 0 || strcmp(type, "contentBlockStart") == 0
			|| strcmp(type, "messageStart") == 0 || strcmp(type, "contentBlockDelta") == 0
			|| strcmp(type, "contentBlockStop") == 0)) {
		bedrock_event(usage, root, type);
	} else if (at(root, "usageMetadata") || at(root, "candidates")) {
		gemini_chunk(usage, root);
	} else if (at(root, "done")) {
		ollama_chunk(usage, root);
	}
}

static void read_event(spectra_stream_usage *usage, const char *event_name, size_t name_len, const char *json,
	size_t json_len, bool nested)
{
	if (json_len == 6 && memcmp(json, "[DONE]", 6) == 0) {
		usage->completed = true; /* the OpenAI-style end marker, not JSON */
		return;
	}
	if (nested) {
		/* a Bedrock chunk's inner event: the outer event's tree is still in use */
		spectra_json_value root;
		if (!spectra_json_parse_ex(json, json_len, SPECTRA_JSON_ALLOW_INVALID_UTF8, &root, NULL)) {
			usage->bad_events++;
			return;
		}
		read_value(usage, event_name, name_len, &root, nested);
		spectra_json_free(&root);
		return;
	}
	int64_t chars = 0;
	spectra_skim_kind kind =
		usage->no_skim ? SPECTRA_SKIM_DECLINED : spectra_delta_skim_memo(&usage->skim_memo, json, json_len, &chars);
	/* a chat chunk's id and model are kept from the first one that has them: until both are
	 * known, chunks are read in full */
	if (kind == SPECTRA_SKIM_ANTHROPIC_DELTA
		|| (kind == SPECTRA_SKIM_CHAT_DELTA && usage->response_id && usage->model)) {
		spectra_stream_usage_add_text(usage, chars);
		return;
	}
	spectra_json_value root;
	if (spectra_json_parse_in(&usage->arena, json, json_len, SPECTRA_JSON_ALLOW_INVALID_UTF8, &root, NULL)) {
		read_value(usage, event_name, name_len, &root, nested);
	} else {
		usage->bad_events++;
	}
	spectra_json_arena_reset(&usage->arena);
}

void spectra_stream_usage_event(spectra_stream_usage *usage, const char *event_name, size_t name_len, const char *json,
	size_t json_len)
{
	usage->events++;
	read_event(usage, event_name, name_len, json, json_len, false);
}

void spectra_stream_usage_value(spectra_stream_usage *usage, const char *event_name, size_t name_len,
	const spectra_json_value *root)
{
	usage->events++;
	read_value(usage, event_name, name_len, root, false);
}

int64_t spectra_stream_characters(const char *text, size_t len)
{
	int64_t count = 0;
	for (size_t i = 0; i < len; i++) {
		count += ((unsigned char) text[i] & 0xC0) != 0x80;
	}
	return count;
}

void spectra_stream_usage_add_text(spectra_stream_usage *usage, int64_t chars)
{
	usage->output_chars = usage->output_chars > INT64_MAX - chars ? INT64_MAX : usage->output_chars + chars;
}

int64_t spectra_stream_usage_estimated_output(const spectra_stream_usage *usage)
{
	return usage->output_chars / 4 + (usage->output_chars % 4 != 0);
}
