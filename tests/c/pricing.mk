# Pricing stage: src/pricing (catalog, lookup, cost, pricing file) and the JSON reader.
#   make -C tests/c check           runs test_pricing and the differential test against
#                                   @pydantic/genai-prices (skips itself without node_modules)
#   make -C tests/c price_vectors   the engine as a filter (test_prices_with_node.sh)
C_TESTS += test_pricing

PRICING_SOURCES := $(wildcard $(ROOT)/src/pricing/*.c) $(ROOT)/src/record/record.c $(ROOT)/src/util/json_reader.c \
	$(ROOT)/src/util/buf.c
PRICING_HEADERS := $(wildcard $(ROOT)/src/pricing/*.h) $(ROOT)/src/record/usage_keys.h $(ROOT)/src/util/json_reader.h \
	$(ROOT)/src/util/buf.h
# Read by the test to compare the kept CSV rows (relative to tests/c, where tests run).
PRICING_CATALOG_CSV := $(ROOT)/data/pricing-catalog.csv

test_pricing: test_pricing.c $(PRICING_SOURCES) $(PRICING_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -DSPECTRA_TEST_CATALOG_CSV='"$(PRICING_CATALOG_CSV)"' \
		-o $@ test_pricing.c $(PRICING_SOURCES) -lm

price_vectors: price_vectors.c $(PRICING_SOURCES) $(PRICING_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ price_vectors.c $(PRICING_SOURCES) $(ROOT)/src/providers/providers.c -lm

# Just this stage, and the same under valgrind (both also work while other stages are broken).
pricing-check: test_pricing
	./test_pricing

pricing-valgrind: test_pricing
	valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 ./test_pricing

pricing-node-check: price_vectors
	./test_prices_with_node.sh

check: pricing-node-check

pricing-clean:
	rm -f price_vectors

clean: pricing-clean

.PHONY: pricing-check pricing-valgrind pricing-node-check pricing-clean
