#include "curl_stream.h"

#include <string.h>

#include "src/php/content/messages.h"
#include "src/stream/stream_reader.h"
#include "src/stream/stream_record.h"

bool spectra_curl_stream_is_sse(const char *bytes, size_t len)
{
	while (len && (*bytes == '\n' || *bytes == '\r' || *bytes == ' ')) {
		bytes++;
		len--;
	}
	return (len >= 5 && memcmp(bytes, "data:", 5) == 0) || (len >= 6 && memcmp(bytes, "event:", 6) == 0)
		|| (len >= 1 && bytes[0] == ':');
}

void spectra_curl_stream_read(spectra_record *record, const char *bytes, size_t len)
{
	spectra_stream_reader reader;
	spectra_stream_reader_init(&reader);
	spectra_content_stream_start(&reader.usage);
	spectra_stream_reader_feed(&reader, bytes, len);
	spectra_stream_reader_finish(&reader);
	if (reader.usage.model && (!record->model || !*record->model)) {
		/* the request named no model (a path-only one): the stream's is the one */
		spectra_record_set(record, &record->model, reader.usage.model);
	}
	spectra_stream_record(record, &reader.usage, SPECTRA_STREAM_ENDED);
	spectra_content_from_stream(record, &reader.usage);
	spectra_stream_reader_free(&reader);
}
