# Stream parsers (src/stream): Server-Sent Events.
C_TESTS += test_sse

test_sse: test_sse.c $(ROOT)/src/stream/sse.c $(ROOT)/src/stream/sse.h $(ROOT)/src/util/buf.c check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_sse.c $(ROOT)/src/stream/sse.c $(ROOT)/src/util/buf.c

# AWS event-stream framing (CRCs by zlib, linked by the extension for gzip anyway).
C_TESTS += test_event_stream

test_event_stream: test_event_stream.c $(ROOT)/src/stream/event_stream.c $(ROOT)/src/stream/event_stream.h $(ROOT)/src/util/buf.c check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_event_stream.c $(ROOT)/src/stream/event_stream.c $(ROOT)/src/util/buf.c -lz

# Newline-delimited JSON and JSON-array streams.
C_TESTS += test_json_stream

test_json_stream: test_json_stream.c $(ROOT)/src/stream/json_stream.c $(ROOT)/src/stream/json_stream.h $(ROOT)/src/util/buf.c check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_json_stream.c $(ROOT)/src/stream/json_stream.c $(ROOT)/src/util/buf.c

# What streamed responses say about their usage, read through the real framings.
C_TESTS += test_stream_usage

STREAM_USAGE_SOURCES := $(ROOT)/src/stream/stream_usage.c $(ROOT)/src/stream/delta_skim.c $(ROOT)/src/stream/sse.c $(ROOT)/src/stream/json_stream.c \
	$(ROOT)/src/util/json_reader.c $(ROOT)/src/util/buf.c
test_stream_usage: test_stream_usage.c $(STREAM_USAGE_SOURCES) $(wildcard $(ROOT)/src/stream/*.h) check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_stream_usage.c $(STREAM_USAGE_SOURCES)

# Whole streamed responses from tests/fixtures/streams, any framing, cut anywhere.
C_TESTS += test_stream_reader

STREAM_READER_SOURCES := $(ROOT)/src/stream/stream_reader.c $(ROOT)/src/stream/stream_usage.c $(ROOT)/src/stream/delta_skim.c $(ROOT)/src/stream/sse.c \
	$(ROOT)/src/stream/json_stream.c $(ROOT)/src/stream/event_stream.c $(ROOT)/src/util/json_reader.c $(ROOT)/src/util/buf.c
test_stream_reader: test_stream_reader.c read_file.h $(STREAM_READER_SOURCES) $(wildcard $(ROOT)/src/stream/*.h) $(wildcard ../fixtures/streams/*) check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_stream_reader.c $(STREAM_READER_SOURCES) -lz

# A stream's usage into its record: reported, estimated, ended early, failed.
C_TESTS += test_stream_record

STREAM_RECORD_SOURCES := $(ROOT)/src/stream/stream_record.c $(ROOT)/src/stream/stream_usage.c $(ROOT)/src/stream/delta_skim.c $(ROOT)/src/record/record.c \
	$(ROOT)/src/providers/providers.c $(ROOT)/src/util/json_reader.c $(ROOT)/src/util/buf.c
test_stream_record: test_stream_record.c $(STREAM_RECORD_SOURCES) $(wildcard $(ROOT)/src/stream/*.h) check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_stream_record.c $(STREAM_RECORD_SOURCES)

# The delta skim: the text-delta events it takes (counted as the full reading counts them) and the rest.
C_TESTS += test_delta_skim

test_delta_skim: test_delta_skim.c $(STREAM_USAGE_SOURCES) $(wildcard $(ROOT)/src/stream/*.h) check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_delta_skim.c $(STREAM_USAGE_SOURCES)
