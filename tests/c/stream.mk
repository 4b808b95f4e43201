# Stream parsers (src/stream): Server-Sent Events.
C_TESTS += test_sse

test_sse: test_sse.c $(ROOT)/src/stream/sse.c $(ROOT)/src/stream/sse.h $(ROOT)/src/util/buf.c check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_sse.c $(ROOT)/src/stream/sse.c $(ROOT)/src/util/buf.c
