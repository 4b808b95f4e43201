# Pricing stage: src/pricing (catalog, lookup, cost, pricing file) and the JSON reader.
C_TESTS += test_pricing

PRICING_SOURCES := $(wildcard $(ROOT)/src/pricing/*.c) $(ROOT)/src/record/record.c $(ROOT)/src/util/json_reader.c $(ROOT)/src/util/buf.c
PRICING_HEADERS := $(wildcard $(ROOT)/src/pricing/*.h) $(ROOT)/src/util/json_reader.h $(ROOT)/src/util/buf.h
# Read by the test to compare the built-in row count (relative to tests/c, where tests run).
PRICING_CATALOG_CSV := $(ROOT)/data/pricing-catalog.csv

test_pricing: test_pricing.c $(PRICING_SOURCES) $(PRICING_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -DSPECTRA_TEST_CATALOG_CSV='"$(PRICING_CATALOG_CSV)"' \
		-o $@ test_pricing.c $(PRICING_SOURCES) -lm

# Just this stage, and the same under valgrind (both also work while other stages are broken).
pricing-check: test_pricing
	./test_pricing

pricing-valgrind: test_pricing
	valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 ./test_pricing

.PHONY: pricing-check pricing-valgrind
