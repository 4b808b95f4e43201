# The OTel key=value list parser (src/util/kv_list: OTLP headers, resource attributes).
# Included by tests/c/Makefile.
#   make -C tests/c test_kv && (cd tests/c && ./test_kv)
#   make -C tests/c kv-valgrind     the same under valgrind --leak-check=full
KV_SRCS := $(ROOT)/src/util/kv_list.c $(ROOT)/src/util/hex.c $(ROOT)/src/util/buf.c
KV_HEADERS := $(ROOT)/src/util/kv_list.h $(ROOT)/src/util/hex.h $(ROOT)/src/util/buf.h

C_TESTS += test_kv

test_kv: test_kv.c $(KV_SRCS) $(KV_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_kv.c $(KV_SRCS)

kv-valgrind: test_kv
	valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 ./test_kv

.PHONY: kv-valgrind
