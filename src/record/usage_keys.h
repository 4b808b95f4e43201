/* The quantities a request can be priced by, one per usage key of the genai-prices units
 * dictionary (data/genai-prices/data.json "units") plus four of this project's own: three for
 * the rows kept from data/pricing-catalog.csv (images and videos generated, seconds of video)
 * and the hardware seconds a Replicate prediction ran (priced by a pricing file only).
 * Plain C. tools/gen_pricing.php checks that this list is exactly the data's keys (in the
 * data's order) followed by the four additions, and generates each key's dimensions, unit
 * size and price key into src/pricing/catalog_data.c.
 *
 * A record's usage vector (spectra_record.usage) holds one value per key; below 0 means the
 * response did not report that quantity. */
#ifndef SPECTRA_RECORD_USAGE_KEYS_H
#define SPECTRA_RECORD_USAGE_KEYS_H

/* clang-format off */
#define SPECTRA_USAGE_KEYS(X) \
	X(audio_seconds) \
	X(cache_audio_read_tokens) \
	X(cache_audio_write_1h_tokens) \
	X(cache_audio_write_5m_tokens) \
	X(cache_audio_write_tokens) \
	X(cache_image_read_tokens) \
	X(cache_image_write_1h_tokens) \
	X(cache_image_write_5m_tokens) \
	X(cache_image_write_tokens) \
	X(cache_read_tokens) \
	X(cache_text_read_tokens) \
	X(cache_text_write_1h_tokens) \
	X(cache_text_write_5m_tokens) \
	X(cache_text_write_tokens) \
	X(cache_video_read_tokens) \
	X(cache_video_write_1h_tokens) \
	X(cache_video_write_5m_tokens) \
	X(cache_video_write_tokens) \
	X(cache_write_1h_tokens) \
	X(cache_write_5m_tokens) \
	X(cache_write_tokens) \
	X(code_executions) \
	X(input_annotated_document_pages) \
	X(input_audio_seconds) \
	X(input_audio_tokens) \
	X(input_audio_tool_tokens) \
	X(input_characters) \
	X(input_document_pages) \
	X(input_image_tokens) \
	X(input_image_tool_tokens) \
	X(input_pixels) \
	X(input_text_messages) \
	X(input_text_tokens) \
	X(input_text_tool_tokens) \
	X(input_tokens) \
	X(input_tool_tokens) \
	X(input_video_tokens) \
	X(input_video_tool_tokens) \
	X(output_audio_citation_tokens) \
	X(output_audio_reasoning_tokens) \
	X(output_audio_seconds) \
	X(output_audio_tokens) \
	X(output_citation_tokens) \
	X(output_image_citation_tokens) \
	X(output_image_reasoning_tokens) \
	X(output_image_tokens) \
	X(output_reasoning_tokens) \
	X(output_text_citation_tokens) \
	X(output_text_reasoning_tokens) \
	X(output_text_tokens) \
	X(output_tokens) \
	X(output_video_citation_tokens) \
	X(output_video_reasoning_tokens) \
	X(output_video_tokens) \
	X(requests) \
	X(rerank_searches) \
	X(social_searches) \
	X(storage_searches) \
	X(web_searches) \
	X(output_images) \
	X(output_videos) \
	X(video_seconds) \
	X(compute_seconds)
/* clang-format on */

#define SPECTRA_USAGE_KEY_ENUM(key) SPECTRA_USAGE_##key,
typedef enum { SPECTRA_USAGE_KEYS(SPECTRA_USAGE_KEY_ENUM) SPECTRA_USAGE_KEY_COUNT } spectra_usage_key;
#undef SPECTRA_USAGE_KEY_ENUM

#endif
