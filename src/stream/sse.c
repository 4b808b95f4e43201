#include "sse.h"

#include <string.h>

static const char bom[3] = { '\xEF', '\xBB', '\xBF' };

void spectra_sse_init(spectra_sse_parser *parser, spectra_sse_handler handler, void *context)
{
	memset(parser, 0, sizeof *parser);
	parser->handler = handler;
	parser->context = context;
	parser->retry_ms = -1;
	parser->at_start = true;
	spectra_buf_init(&parser->line);
	spectra_buf_init(&parser->data);
	spectra_buf_init(&parser->type);
	spectra_buf_init(&parser->last_id);
}

void spectra_sse_free(spectra_sse_parser *parser)
{
	spectra_buf_free(&parser->line);
	spectra_buf_free(&parser->data);
	spectra_buf_free(&parser->type);
	spectra_buf_free(&parser->last_id);
}

static bool set_buf(spectra_sse_parser *parser, spectra_buf *buf, const char *bytes, size_t len)
{
	buf->len = 0;
	if (!spectra_buf_append(buf, bytes, len)) {
		parser->failed = true;
		return false;
	}
	return true;
}

static void reset_event(spectra_sse_parser *parser)
{
	parser->data.len = 0;
	parser->type.len = 0;
}

static void dispatch(spectra_sse_parser *parser)
{
	if (parser->skipping) {
		parser->oversized_events++;
		parser->skipping = false;
		reset_event(parser);
		return;
	}
	if (parser->data.len == 0) {
		reset_event(parser);
		return;
	}
	spectra_sse_event event = {
		.type = parser->type.len ? parser->type.data : "message",
		.type_len = parser->type.len ? parser->type.len : strlen("message"),
		.data = parser->data.data,
		.data_len = parser->data.len - 1, /* the LF after the last data line */
		.last_id = parser->last_id.len ? parser->last_id.data : "",
		.last_id_len = parser->last_id.len,
	};
	parser->events++;
	if (!parser->handler(parser->context, &event)) {
		parser->stopped = true;
	}
	reset_event(parser);
}

static bool all_digits(const char *value, size_t len)
{
	if (len == 0) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (value[i] < '0' || value[i] > '9') {
			return false;
		}
	}
	return true;
}

static int64_t digits_value(const char *value, size_t len)
{
	int64_t result = 0;
	for (size_t i = 0; i < len; i++) {
		if (result > (INT64_MAX - 9) / 10) {
			return INT64_MAX; /* saturated: a reconnection time beyond any use */
		}
		result = result * 10 + (value[i] - '0');
	}
	return result;
}

static void process_field(spectra_sse_parser *parser, const char *field, size_t field_len, const char *value,
	size_t value_len)
{
	if (field_len == 5 && memcmp(field, "event", 5) == 0) {
		set_buf(parser, &parser->type, value, value_len);
	} else if (field_len == 4 && memcmp(field, "data", 4) == 0) {
		if (parser->data.len + value_len + 1 > SPECTRA_SSE_MAX_EVENT_BYTES) {
			parser->skipping = true;
			parser->data.len = 0;
			return;
		}
		if (!spectra_buf_append(&parser->data, value, value_len) || !spectra_buf_append_char(&parser->data, '\n')) {
			parser->failed = true;
		}
	} else if (field_len == 2 && memcmp(field, "id", 2) == 0) {
		if (!memchr(value, '\0', value_len)) {
			set_buf(parser, &parser->last_id, value, value_len);
		}
	} else if (field_len == 5 && memcmp(field, "retry", 5) == 0) {
		if (all_digits(value, value_len)) {
			parser->retry_ms = digits_value(value, value_len);
		}
	}
	/* any other field is ignored */
}

/* One complete line, from the line buffer or straight from the input. */
static void process_line_bytes(spectra_sse_parser *parser, const char *line, size_t len)
{
	if (len == 0) {
		dispatch(parser);
		return;
	}
	if (parser->skipping || line[0] == ':') {
		return; /* the rest of a dropped event, or a comment */
	}
	const char *colon = memchr(line, ':', len);
	if (!colon) {
		process_field(parser, line, len, "", 0);
		return;
	}
	size_t field_len = (size_t) (colon - line);
	const char *value = colon + 1;
	size_t value_len = len - field_len - 1;
	if (value_len && *value == ' ') {
		value++;
		value_len--;
	}
	process_field(parser, line, field_len, value, value_len);
}

static void process_line(spectra_sse_parser *parser)
{
	size_t len = parser->line.len;
	parser->line.len = 0;
	if (parser->line_too_long) {
		parser->line_too_long = false;
		parser->skipping = true;
		parser->data.len = 0;
		return;
	}
	process_line_bytes(parser, parser->line.data, len);
}

static bool append_to_line(spectra_sse_parser *parser, const char *bytes, size_t len)
{
	if (parser->line_too_long) {
		return true;
	}
	if (parser->line.len + len > SPECTRA_SSE_MAX_EVENT_BYTES) {
		parser->line_too_long = true;
		parser->line.len = 0;
		return true;
	}
	if (!spectra_buf_append(&parser->line, bytes, len)) {
		parser->failed = true;
		return false;
	}
	return true;
}

/* The leading BOM, which may arrive split over several chunks. Returns how many bytes of
 * bytes it took. */
static size_t take_bom(spectra_sse_parser *parser, const char *bytes, size_t len)
{
	size_t used = 0;
	while (parser->at_start && used < len) {
		if (bytes[used] == bom[parser->bom_seen]) {
			used++;
			if (++parser->bom_seen == sizeof bom) {
				parser->at_start = false;
			}
			continue;
		}
		/* not a BOM after all: the bytes matched so far are ordinary line bytes */
		parser->at_start = false;
		if (parser->bom_seen && !append_to_line(parser, bom, parser->bom_seen)) {
			return used;
		}
	}
	return used;
}

bool spectra_sse_feed(spectra_sse_parser *parser, const char *bytes, size_t len)
{
	if (parser->stopped || parser->failed) {
		return false;
	}
	size_t i = parser->at_start ? take_bom(parser, bytes, len) : 0;
	/* the next LF and CR at or after i, found with memchr and kept until passed, so each
	 * byte is searched once for each; NULL = none in the rest of these bytes */
	const char *end = bytes + len, *next_lf = NULL, *next_cr = NULL;
	bool lf_searched = false, cr_searched = false;
	while (i < len && !parser->stopped && !parser->failed) {
		if (parser->after_cr) {
			parser->after_cr = false;
			if (bytes[i] == '\n') {
				i++; /* the LF of a CRLF whose CR ended the previous line */
				continue;
			}
		}
		if (!lf_searched || (next_lf && next_lf < bytes + i)) {
			next_lf = memchr(bytes + i, '\n', len - i);
			lf_searched = true;
		}
		if (!cr_searched || (next_cr && next_cr < bytes + i)) {
			next_cr = memchr(bytes + i, '\r', len - i);
			cr_searched = true;
		}
		const char *line_end = next_lf ? next_lf : end;
		if (next_cr && next_cr < line_end) {
			line_end = next_cr;
		}
		size_t run = (size_t) (line_end - bytes);
		if (run < len && parser->line.len == 0 && !parser->line_too_long) {
			/* a whole line in these bytes: read where it is, not copied */
			parser->after_cr = bytes[run] == '\r';
			if (run - i > SPECTRA_SSE_MAX_EVENT_BYTES) {
				parser->skipping = true;
				parser->data.len = 0;
			} else {
				process_line_bytes(parser, bytes + i, run - i);
			}
			i = run + 1;
			continue;
		}
		if (!append_to_line(parser, bytes + i, run - i)) {
			break;
		}
		if (run == len) {
			break; /* the line goes on in the next chunk */
		}
		parser->after_cr = bytes[run] == '\r';
		i = run + 1;
		process_line(parser);
	}
	return !parser->stopped && !parser->failed;
}

bool spectra_sse_finish(spectra_sse_parser *parser)
{
	bool pending = parser->line.len > 0 || parser->line_too_long || parser->data.len > 0 || parser->skipping
		|| (parser->at_start && parser->bom_seen > 0);
	parser->line.len = 0;
	parser->line_too_long = false;
	parser->skipping = false;
	reset_event(parser);
	return !pending;
}
