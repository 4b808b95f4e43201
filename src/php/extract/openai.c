/* The hand-written parts of the OpenAI flavors (chat completions, completions, Responses,
 * images and embeddings are rows of usage_map.c): what the chat usage says beyond its paths,
 * and audio transcriptions. The same shapes are spoken by most OpenAI-compatible providers
 * (Groq, Mistral, xAI, DeepSeek, OpenRouter, Perplexity, Ollama's /v1). */
#include "openai.h"

#include "src/php/extract/zval_read.h"
#include "src/util/num.h"

/* What the call was billed, when the response says so: OpenRouter's usage.cost (its credits,
 * in US dollars; a bring-your-own-key call also paid cost_details.upstream_inference_cost to
 * the upstream provider) and Perplexity's usage.cost.total_cost. */
static void read_billed_cost(HashTable *usage, spectra_record *record)
{
	double billed, upstream;
	bool byok = false;
	if (spectra_read_number(usage, "cost", SPECTRA_MAX_BILLED_USD, &billed)) {
		if (spectra_read_bool(usage, "is_byok", &byok) && byok
			&& spectra_read_number(usage, "cost_details.upstream_inference_cost", SPECTRA_MAX_BILLED_USD, &upstream)) {
			billed += upstream;
		}
		record->billed_cost_usd = billed;
	} else if (spectra_read_number(usage, "cost.total_cost", SPECTRA_MAX_BILLED_USD, &billed)) {
		record->billed_cost_usd = billed;
		double part;
		if (spectra_read_number(usage, "cost.input_tokens_cost", SPECTRA_MAX_BILLED_USD, &part)) {
			record->billed_input_usd = part;
		}
		if (spectra_read_number(usage, "cost.output_tokens_cost", SPECTRA_MAX_BILLED_USD, &part)) {
			record->billed_output_usd = part;
		}
	}
}

/* Perplexity reports reasoning and citation tokens beside completion_tokens (its total_tokens
 * leaves them out) and bills both as output; its searches are billed per query. */
static void read_perplexity_usage(HashTable *usage, spectra_record *record)
{
	int64_t value;
	if (!zend_hash_str_exists(usage, ZEND_STRL("citation_tokens"))
		&& !zend_hash_str_exists(usage, ZEND_STRL("num_search_queries"))
		&& !zend_hash_str_exists(usage, ZEND_STRL("search_context_size"))) {
		return;
	}
	if (spectra_read_count(usage, "reasoning_tokens", &value)) {
		record->reasoning_tokens = value;
		record->completion_tokens = spectra_add_sat(record->completion_tokens, value);
	}
	if (spectra_read_count(usage, "citation_tokens", &value)) {
		record->usage[SPECTRA_USAGE_output_citation_tokens] = (double) value;
		record->completion_tokens = spectra_add_sat(record->completion_tokens, value);
	}
	if (spectra_read_count(usage, "num_search_queries", &value)) {
		record->usage[SPECTRA_USAGE_web_searches] = (double) value;
	}
}

/* The hand-written part of the chat and completions rows: xAI counts reasoning outside
 * completion_tokens (its total_tokens is prompt + completion + reasoning) and bills it as
 * output, so the record's output includes it, as elsewhere; which of the two a response is
 * only the total tells. Perplexity's extra output is told by keys only it sends, and a billed
 * cost is dollars, not a count. */
void spectra_openai_chat_usage(HashTable *body, spectra_record *record)
{
	HashTable *usage = spectra_read_array(body, "usage");
	if (!usage) {
		return;
	}
	int64_t total;
	if (record->reasoning_tokens > 0 && spectra_read_count(usage, "total_tokens", &total)
		&& total
			== spectra_add_sat(spectra_add_sat(record->prompt_tokens, record->completion_tokens),
				record->reasoning_tokens)) {
		record->completion_tokens += record->reasoning_tokens;
	}
	read_perplexity_usage(usage, record);
	read_billed_cost(usage, record);
}

/* Audio transcriptions and translations: {"text", "language"?, "duration"?, "segments"?,
 * "usage"?: {"type": "duration", "seconds"} (whisper-1) or {"type": "tokens", "input_tokens",
 * "output_tokens"} (gpt-4o-transcribe)}; Mistral's {"model", "text", "language", "segments",
 * "usage": {"prompt_audio_seconds", "prompt_tokens", "completion_tokens"}}; Groq's verbose_json
 * adds "x_groq". A bare {"text"} carries nothing to read. */
bool spectra_openai_is_transcription(HashTable *body)
{
	if (!spectra_read_string(body, "text") || spectra_read_array(body, "choices")
		|| spectra_read_path(body, "object")) {
		return false;
	}
	return spectra_read_path(body, "duration") || spectra_read_string(body, "usage.type")
		|| spectra_read_path(body, "usage.prompt_audio_seconds") || spectra_read_path(body, "segments")
		|| spectra_read_string(body, "language");
}

void spectra_openai_extract_transcription(HashTable *body, spectra_record *record)
{
	double seconds;
	zend_string *usage_type = spectra_read_string(body, "usage.type");
	if (usage_type && zend_string_equals_literal(usage_type, "duration")
		&& spectra_read_seconds(body, "usage.seconds", &seconds)) {
		record->duration_seconds = seconds;
	} else if (spectra_read_seconds(body, "usage.prompt_audio_seconds", &seconds)
		|| spectra_read_seconds(body, "duration", &seconds)) {
		record->duration_seconds = seconds; /* Mistral bills the seconds of audio it read */
	}
	if (!spectra_read_token_count(body, "usage.input_tokens", record, &record->prompt_tokens)) {
		spectra_read_token_count(body, "usage.prompt_tokens", record, &record->prompt_tokens);
	}
	if (!spectra_read_token_count(body, "usage.output_tokens", record, &record->completion_tokens)) {
		spectra_read_token_count(body, "usage.completion_tokens", record, &record->completion_tokens);
	}
}
