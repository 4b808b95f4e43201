# Provider table (src/providers): one source for pricing slugs and gen_ai.provider.name.
# Links the pricing stage (catalog, lookup) and the native span builder to check both
# read the same row for every name.
C_TESTS += test_providers

PROVIDERS_TEST_SOURCES := $(ROOT)/src/providers/providers.c $(ROOT)/src/pricing/pricing.c \
	$(ROOT)/src/pricing/pricing_file.c $(ROOT)/src/pricing/catalog_data.c $(ROOT)/src/pricing/model_match.c \
	$(ROOT)/src/pricing/price_compute.c $(ROOT)/src/span/native_builder.c $(ROOT)/src/span/genai_attributes.c \
	$(ROOT)/src/span/span.c $(ROOT)/src/record/record.c $(ROOT)/src/util/json_reader.c $(ROOT)/src/util/buf.c
PROVIDERS_TEST_HEADERS := $(ROOT)/src/providers/providers.h $(ROOT)/src/pricing/pricing.h \
	$(ROOT)/src/record/record.h $(ROOT)/src/record/record_fields.h $(ROOT)/src/span/span.h check.h

test_providers: test_providers.c $(PROVIDERS_TEST_SOURCES) $(PROVIDERS_TEST_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_providers.c $(PROVIDERS_TEST_SOURCES) -lm

# The pricing stage reads provider names through this table, so its test links it too
# (target-specific: works whichever fragment make reads first).
test_pricing: PRICING_SOURCES += $(ROOT)/src/providers/providers.c
test_pricing: $(ROOT)/src/providers/providers.c $(ROOT)/src/providers/providers.h
