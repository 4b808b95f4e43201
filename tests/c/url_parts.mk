# Capture's URL splitter and curl error names (src/util/url_parts, src/util/curl_errors).
# Included by tests/c/Makefile.
#   make -C tests/c test_url_parts && (cd tests/c && ./test_url_parts)
URL_PARTS_SRCS := $(ROOT)/src/util/url_parts.c $(ROOT)/src/util/curl_errors.c
URL_PARTS_HEADERS := $(ROOT)/src/util/url_parts.h $(ROOT)/src/util/curl_errors.h

C_TESTS += test_url_parts

test_url_parts: test_url_parts.c $(URL_PARTS_SRCS) $(URL_PARTS_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_url_parts.c $(URL_PARTS_SRCS)
