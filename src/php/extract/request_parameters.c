#include "request_parameters.h"

#include <math.h>

#include "src/php/extract/zval_read.h"

/* The first of paths that holds a finite number (int, float, numeric string). */
static bool read_number(HashTable *body, const char *const *paths, double *out)
{
	for (; *paths; paths++) {
		zval *value = spectra_read_path(body, *paths);
		if (!value) {
			continue;
		}
		double number;
		zend_long whole;
		zend_uchar type = Z_TYPE_P(value) == IS_STRING
			? is_numeric_string(Z_STRVAL_P(value), Z_STRLEN_P(value), &whole, &number, false)
			: Z_TYPE_P(value);
		if (type == IS_LONG) {
			number = (double) (Z_TYPE_P(value) == IS_LONG ? Z_LVAL_P(value) : whole);
		} else if (type == IS_DOUBLE && Z_TYPE_P(value) == IS_DOUBLE) {
			number = Z_DVAL_P(value);
		} else if (type != IS_DOUBLE) {
			continue;
		}
		if (zend_finite(number)) {
			*out = number;
			return true;
		}
	}
	return false;
}

static void read_real(HashTable *body, const char *const *paths, double *field)
{
	double number;
	if (read_number(body, paths, &number)) {
		*field = number;
	}
}

/* A whole, non-negative count (token limits, seeds, choices). */
static void read_whole(HashTable *body, const char *const *paths, int64_t *field)
{
	double number;
	if (read_number(body, paths, &number) && number >= 0 && number <= 9007199254740992.0 && number == floor(number)) {
		*field = (int64_t) number;
	}
}

/* A string or a list of strings at the first of the paths that has one (OpenAI's "stop" is
 * either); other values are skipped. */
static void read_strings(spectra_record *record, HashTable *body, const char *const *paths, spectra_string_list *list)
{
	for (; *paths; paths++) {
		zval *value = spectra_read_path(body, *paths);
		if (value && Z_TYPE_P(value) == IS_STRING) {
			spectra_record_add_request_item(record, list, Z_STRVAL_P(value), Z_STRLEN_P(value));
			return;
		}
		if (value && Z_TYPE_P(value) == IS_ARRAY) {
			zval *item;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
				if (Z_TYPE_P(item) == IS_STRING) {
					spectra_record_add_request_item(record, list, Z_STRVAL_P(item), Z_STRLEN_P(item));
				}
			}
			ZEND_HASH_FOREACH_END();
			return;
		}
	}
}

/* The request parameters of the GenAI conventions, under the names OpenAI-style, Anthropic
 * and Gemini bodies use. */
void spectra_read_request_parameters(spectra_record *record, HashTable *body)
{
	static const char *const max_tokens[] = { "max_tokens", "max_completion_tokens", "max_output_tokens",
		"generationConfig.maxOutputTokens", NULL };
	static const char *const temperature[] = { "temperature", "generationConfig.temperature", NULL };
	static const char *const top_p[] = { "top_p", "generationConfig.topP", NULL };
	static const char *const top_k[] = { "top_k", "generationConfig.topK", NULL };
	static const char *const frequency_penalty[] = { "frequency_penalty", "generationConfig.frequencyPenalty", NULL };
	static const char *const presence_penalty[] = { "presence_penalty", "generationConfig.presencePenalty", NULL };
	static const char *const seed[] = { "seed", "generationConfig.seed", NULL };
	static const char *const choices[] = { "n", "generationConfig.candidateCount", NULL };
	read_whole(body, max_tokens, &record->request_max_tokens);
	read_real(body, temperature, &record->request_temperature);
	read_real(body, top_p, &record->request_top_p);
	read_real(body, top_k, &record->request_top_k);
	read_real(body, frequency_penalty, &record->request_frequency_penalty);
	read_real(body, presence_penalty, &record->request_presence_penalty);
	read_whole(body, seed, &record->request_seed);
	read_whole(body, choices, &record->request_choice_count);
	static const char *const stop[] = { "stop", "stop_sequences", "generationConfig.stopSequences", NULL };
	static const char *const encodings[] = { "encoding_format", "embedding_types", NULL };
	read_strings(record, body, stop, &record->request_stop_sequences);
	read_strings(record, body, encodings, &record->request_encoding_formats);
	HashTable *tools = spectra_read_array(body, "tools");
	if (tools) {
		record->request_tool_count = zend_hash_num_elements(tools);
	}
}
