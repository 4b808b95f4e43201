/* The bulk of every stream is text deltas: an OpenAI-style chat chunk whose only news is a few
 * characters of delta content, an Anthropic content_block_delta. Reading each into a JSON
 * tree costs most of a stream's reading time, and all the reader takes from it is a count of
 * characters. This recognises exactly those events in their text and counts their
 * characters, without a tree. Whatever else an event holds (a finish reason, a tool call,
 * usage, an unknown member, a repeated member, anything but valid JSON) makes it decline, and
 * the event is read in full: for an event it accepts, the result is the one the full reading
 * gives (tests/fuzz/fuzz_stream_reader compares the two on every input). Plain C. */
#ifndef SPECTRA_STREAM_DELTA_SKIM_H
#define SPECTRA_STREAM_DELTA_SKIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
	SPECTRA_SKIM_DECLINED,
	SPECTRA_SKIM_CHAT_DELTA,      /* an OpenAI-style chat.completion.chunk with delta content only */
	SPECTRA_SKIM_ANTHROPIC_DELTA, /* {"type":"content_block_delta", ...} */
} spectra_skim_kind;

/* The kind of delta json is, with the characters of its text in *chars (Unicode code points
 * as the JSON reader decodes them, lenient about invalid UTF-8 as the stream reader is). */
spectra_skim_kind spectra_delta_skim(const char *json, size_t len, int64_t *chars);

/* The deltas of one stream differ mostly in their text: the same id, model, index and
 * keys around it. The memo keeps the bytes around the one text string of the last delta
 * accepted; a delta with the same bytes around a valid string is the same kind of delta
 * (the skim's path through it depends only on those bytes), so only its string is read. */
#define SPECTRA_DELTA_MEMO_BYTES 512

typedef struct {
	spectra_skim_kind kind; /* DECLINED: empty */
	size_t prefix_len;
	size_t suffix_len;
	char bytes
		[SPECTRA_DELTA_MEMO_BYTES]; /* the bytes before the text's opening quote, then those after its closing one */
} spectra_delta_memo;

void spectra_delta_memo_init(spectra_delta_memo *memo);

/* spectra_delta_skim through a memo of the stream's last delta; the result is the same. */
spectra_skim_kind spectra_delta_skim_memo(spectra_delta_memo *memo, const char *json, size_t len, int64_t *chars);

#endif
