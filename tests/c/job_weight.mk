# What a span job weighs against the queue's byte cap (src/export/job_weight.c).
C_TESTS += test_job_weight

JOB_WEIGHT_TEST_SOURCES := $(ROOT)/src/export/job_weight.c $(ROOT)/src/span/span_job.c $(ROOT)/src/span/span.c \
	$(ROOT)/src/span/native_builder.c $(ROOT)/src/span/genai_attributes.c $(ROOT)/src/record/record.c $(ROOT)/src/providers/providers.c $(ROOT)/src/util/buf.c
JOB_WEIGHT_TEST_HEADERS := $(ROOT)/src/export/job_weight.h $(ROOT)/src/span/span_job.h $(ROOT)/src/span/span.h \
	$(ROOT)/src/record/record.h check.h

test_job_weight: test_job_weight.c $(JOB_WEIGHT_TEST_SOURCES) $(JOB_WEIGHT_TEST_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_job_weight.c $(JOB_WEIGHT_TEST_SOURCES)
