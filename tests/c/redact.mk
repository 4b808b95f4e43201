# Masking of credential-carrying settings for display (src/util/redact.c).
C_TESTS += test_redact

test_redact: test_redact.c $(ROOT)/src/util/redact.c $(ROOT)/src/util/redact.h $(ROOT)/src/util/buf.c check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_redact.c $(ROOT)/src/util/redact.c $(ROOT)/src/util/buf.c
