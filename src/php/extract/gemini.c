/* Gemini and Vertex AI long-running video operations (Veo), a hand-written row of
 * usage_map.c: an operation is billed once, when it is done, which no path says
 * (generateContent is a row of usage_map.c). */
#include "gemini.h"

#include <string.h>

#include "src/php/extract/zval_read.h"

/* A long-running operation of a model (Veo's predictLongRunning and the polls of it): its name
 * is "models/{model}/operations/{id}" (Gemini API) or ".../publishers/google/models/{model}/
 * operations/{id}" (Vertex AI), beside done, metadata, response or error. Tuning, batch and
 * file operations have other names. */
bool spectra_gemini_is_video_operation(HashTable *body)
{
	zend_string *name = spectra_read_string(body, "name");
	if (!name || spectra_read_array(body, "candidates") || spectra_read_array(body, "usageMetadata")) {
		return false;
	}
	const char *models = strstr(ZSTR_VAL(name), "models/");
	return models && (models == ZSTR_VAL(name) || models[-1] == '/') && strstr(models, "/operations/");
}

/* Billed once: the operation that is done carries the videos (Gemini API
 * response.generateVideoResponse.generatedSamples, Vertex AI response.videos); the call that
 * started it and the polls before it produced none, a known 0. A failed operation carries an
 * error, read before any extractor (extract.c). */
void spectra_gemini_extract_video_operation(HashTable *body, spectra_record *record)
{
	bool done = false;
	spectra_read_bool(body, "done", &done);
	if (!done) {
		record->video_count = 0;
		record->usage[SPECTRA_USAGE_video_seconds] = 0;
		return;
	}
	HashTable *videos = spectra_read_array(body, "response.generateVideoResponse.generatedSamples");
	if (!videos) {
		videos = spectra_read_array(body, "response.videos");
	}
	if (videos) {
		record->video_count = zend_hash_num_elements(videos);
	}
}
