# Endpoint table (src/providers/endpoints.c): API paths -> operation and model type.
C_TESTS += test_endpoints

test_endpoints: test_endpoints.c $(ROOT)/src/providers/endpoints.c $(ROOT)/src/providers/endpoints.h check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_endpoints.c $(ROOT)/src/providers/endpoints.c

# Host patterns of the provider table (src/providers/hosts.c) and custom hosts.
C_TESTS += test_hosts

test_hosts: test_hosts.c $(ROOT)/src/providers/hosts.c $(ROOT)/src/providers/hosts.h $(ROOT)/src/providers/providers.c $(ROOT)/src/util/buf.c check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_hosts.c $(ROOT)/src/providers/hosts.c $(ROOT)/src/providers/providers.c $(ROOT)/src/util/buf.c

# The memo of provider answers by URL authority capture asks (src/providers/host_verdicts.c).
C_TESTS += test_host_verdicts

HOST_VERDICTS_SOURCES := $(ROOT)/src/providers/host_verdicts.c $(ROOT)/src/providers/hosts.c \
	$(ROOT)/src/providers/providers.c $(ROOT)/src/util/buf.c $(ROOT)/src/util/url_parts.c

test_host_verdicts: test_host_verdicts.c $(HOST_VERDICTS_SOURCES) $(ROOT)/src/providers/host_verdicts.h check.h
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_host_verdicts.c $(HOST_VERDICTS_SOURCES)
