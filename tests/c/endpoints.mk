# Endpoint table (src/providers/endpoints.c): API paths -> operation and model type.
C_TESTS += test_endpoints

test_endpoints: test_endpoints.c $(ROOT)/src/providers/endpoints.c $(ROOT)/src/providers/endpoints.h check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_endpoints.c $(ROOT)/src/providers/endpoints.c
