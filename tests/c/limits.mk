# Per-record limits and defined arithmetic on untrusted numbers (issue 8): src/util/num.h,
# the record's caps and clamps (src/record/record.c, src/record/limits.h), the pricing
# file's price cap and the hashed attribute list (src/span/span.c). Included by tests/c/Makefile.
#   make -C tests/c test_limits && (cd tests/c && ./test_limits)
#   make -C tests/c limits-valgrind     the same under valgrind --leak-check=full
C_TESTS += test_limits

LIMITS_TEST_SOURCES := $(ROOT)/src/record/record.c $(ROOT)/src/span/span.c $(wildcard $(ROOT)/src/pricing/*.c) \
	$(ROOT)/src/providers/providers.c $(ROOT)/src/util/json_reader.c $(ROOT)/src/util/buf.c
LIMITS_TEST_HEADERS := $(ROOT)/src/util/num.h $(ROOT)/src/record/limits.h $(ROOT)/src/record/record.h \
	$(ROOT)/src/pricing/pricing.h $(ROOT)/src/pricing/price_record.h $(ROOT)/src/span/span.h check.h

test_limits: test_limits.c $(LIMITS_TEST_SOURCES) $(LIMITS_TEST_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_limits.c $(LIMITS_TEST_SOURCES) -lm

limits-valgrind: test_limits
	valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 ./test_limits

.PHONY: limits-valgrind
