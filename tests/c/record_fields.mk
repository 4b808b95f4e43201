# Record-key table (src/record/record_fields.h) against the native span builder.
C_TESTS += test_record_fields

RECORD_FIELDS_TEST_SOURCES := $(ROOT)/src/record/record.c $(ROOT)/src/span/native_builder.c $(ROOT)/src/span/genai_attributes.c $(ROOT)/src/span/span.c \
	$(ROOT)/src/providers/providers.c $(ROOT)/src/util/buf.c
RECORD_FIELDS_TEST_HEADERS := $(ROOT)/src/record/record.h $(ROOT)/src/record/record_fields.h \
	$(ROOT)/src/span/native_builder.h $(ROOT)/src/span/span.h check.h

test_record_fields: test_record_fields.c $(RECORD_FIELDS_TEST_SOURCES) $(RECORD_FIELDS_TEST_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_record_fields.c $(RECORD_FIELDS_TEST_SOURCES)
