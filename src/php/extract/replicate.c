/* Replicate predictions: {"id", "model", "version", "input", "output", "error", "status",
 * "metrics": {"predict_time", "total_time"}, "urls": {"get", "cancel", "stream"?}, ...}. The
 * official image and video models are billed per file generated, so a succeeded prediction
 * counts the files its output lists (one URL, a list of them, or an object of them; .mp4/.webm/
 * .mov are videos). A language model's output is a list of text pieces, not files: nothing is
 * counted then. A prediction still starting or processing (the create call, the polls) has
 * produced no file yet: 0 images and 0 videos, a known 0 for the models billed per file.
 * metrics.predict_time is the hardware time other models are billed by, at the rate of a
 * hardware class the response does not name: it becomes the compute_seconds quantity, which no
 * built-in row prices and a pricing file can (compute_seconds_each, the model's hardware rate). */
#include "replicate.h"

#include <string.h>

#include "src/php/extract/zval_read.h"

bool spectra_replicate_is_prediction(HashTable *body)
{
	return spectra_read_string(body, "urls.get") && spectra_read_string(body, "status")
		&& zend_hash_str_exists(body, ZEND_STRL("input"));
}

static bool is_file_url(zend_string *text)
{
	return (ZSTR_LEN(text) > 8 && strncmp(ZSTR_VAL(text), "https://", 8) == 0)
		|| (ZSTR_LEN(text) > 5 && strncmp(ZSTR_VAL(text), "data:", 5) == 0);
}

static bool is_video_url(zend_string *url)
{
	static const char *const suffixes[] = { ".mp4", ".webm", ".mov" };
	size_t len = ZSTR_LEN(url);
	const char *end = memchr(ZSTR_VAL(url), '?', len);
	if (end) {
		len = (size_t) (end - ZSTR_VAL(url));
	}
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t suffix_len = strlen(suffixes[i]);
		if (len >= suffix_len && memcmp(ZSTR_VAL(url) + len - suffix_len, suffixes[i], suffix_len) == 0) {
			return true;
		}
	}
	return false;
}

/* Counts the output's files into images and videos; false when the output is not files. */
static bool count_files(zval *output, int64_t *images, int64_t *videos)
{
	*images = *videos = 0;
	if (Z_TYPE_P(output) == IS_STRING) {
		if (!is_file_url(Z_STR_P(output))) {
			return false;
		}
		*(is_video_url(Z_STR_P(output)) ? videos : images) += 1;
		return true;
	}
	if (Z_TYPE_P(output) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(output)) == 0) {
		return false;
	}
	zval *item;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(output), item) {
		ZVAL_DEREF(item);
		if (Z_TYPE_P(item) != IS_STRING || !is_file_url(Z_STR_P(item))) {
			return false;
		}
		*(is_video_url(Z_STR_P(item)) ? videos : images) += 1;
	}
	ZEND_HASH_FOREACH_END();
	return true;
}

void spectra_replicate_extract_prediction(HashTable *body, spectra_record *record)
{
	spectra_read_into(body, "id", record, &record->response_id);
	zend_string *status = spectra_read_string(body, "status");
	if (zend_string_equals_literal(status, "failed") || zend_string_equals_literal(status, "canceled")) {
		record->is_failed = true;
		spectra_record_set(record, &record->error_type,
			zend_string_equals_literal(status, "failed") ? "prediction_failed" : "prediction_canceled");
		spectra_read_into(body, "error", record, &record->error_message);
		return;
	}
	if (zend_string_equals_literal(status, "starting") || zend_string_equals_literal(status, "processing")) {
		record->image_count = 0;
		record->video_count = 0;
		record->usage[SPECTRA_USAGE_video_seconds] = 0;
		record->usage[SPECTRA_USAGE_compute_seconds] = 0;
	}
	double seconds;
	if (zend_string_equals_literal(status, "succeeded")
		&& spectra_read_seconds(body, "metrics.predict_time", &seconds)) {
		record->usage[SPECTRA_USAGE_compute_seconds] = seconds;
	}
	zval *output = spectra_read_path(body, "output");
	int64_t images, videos;
	if (zend_string_equals_literal(status, "succeeded") && output && count_files(output, &images, &videos)) {
		if (images) {
			record->image_count = images;
		}
		if (videos) {
			record->video_count = videos;
		}
	}
	spectra_record_add_finish_reason(record, ZSTR_VAL(status), ZSTR_LEN(status));
}
