# Endpoint table (src/providers/endpoints.c): API paths -> operation and model type.
C_TESTS += test_endpoints

test_endpoints: test_endpoints.c $(ROOT)/src/providers/endpoints.c $(ROOT)/src/providers/endpoints.h check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_endpoints.c $(ROOT)/src/providers/endpoints.c

# Host patterns of the provider table (src/providers/hosts.c) and custom hosts.
C_TESTS += test_hosts

test_hosts: test_hosts.c $(ROOT)/src/providers/hosts.c $(ROOT)/src/providers/hosts.h $(ROOT)/src/providers/providers.c $(ROOT)/src/util/buf.c check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_hosts.c $(ROOT)/src/providers/hosts.c $(ROOT)/src/providers/providers.c $(ROOT)/src/util/buf.c
