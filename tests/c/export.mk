# Deliver stage (src/export). Included by tests/c/Makefile.
#   make -C tests/c test_export && (cd tests/c && ./test_export)
#   make -C tests/c export-valgrind     the same under valgrind --leak-check=full
# test_export starts `php -n -S` with tests/tools/otlp_receiver.php on a free loopback
# port (SPECTRA_TEST_PHP overrides the php binary). The exporter itself needs
# -lcurl -lz -lpthread; the OTLP merge/parse come from src/otlp when its sources are in
# the tree (then also protobuf-c and -lm), otherwise from stubs inside the test.
EXPORT_SRCS := \
	$(ROOT)/src/export/export_config.c \
	$(ROOT)/src/export/exporter.c \
	$(ROOT)/src/export/transport.c \
	$(ROOT)/src/export/retry.c \
	$(ROOT)/src/export/queue.c
EXPORT_HEADERS := \
	$(ROOT)/src/export/exporter.h \
	$(ROOT)/src/export/transport.h \
	$(ROOT)/src/export/retry.h \
	$(ROOT)/src/export/queue.h \
	$(ROOT)/src/otlp/otlp.h \
	$(ROOT)/src/util/buf.h
EXPORT_LIBS := -lcurl -lz -lpthread

ifneq ($(wildcard $(ROOT)/src/otlp/encode_protobuf.c),)
EXPORT_OTLP_GEN_SRCS := $(wildcard $(ROOT)/src/otlp/gen/opentelemetry/proto/*/v1/*.pb-c.c \
	$(ROOT)/src/otlp/gen/opentelemetry/proto/collector/trace/v1/*.pb-c.c)
EXPORT_OTLP_SRCS := \
	$(ROOT)/src/span/span.c \
	$(filter-out %/record_wire.c,$(wildcard $(ROOT)/src/otlp/*.c)) \
	$(ROOT)/src/util/json_reader.c \
	$(ROOT)/src/util/hex.c \
	$(EXPORT_OTLP_GEN_SRCS)
EXPORT_OTLP_CFLAGS := -I$(ROOT)/src -I$(ROOT)/src/otlp/gen $(shell pkg-config --cflags libprotobuf-c)
EXPORT_OTLP_LIBS := $(shell pkg-config --libs libprotobuf-c) -lm
else
EXPORT_OTLP_SRCS :=
EXPORT_OTLP_CFLAGS := -DSPECTRA_EXPORT_TEST_OTLP_STUBS
EXPORT_OTLP_LIBS :=
endif

C_TESTS += test_export

test_export: test_export.c read_file.h $(EXPORT_SRCS) $(EXPORT_HEADERS) $(ROOT)/src/util/buf.c $(EXPORT_OTLP_SRCS)
	$(CC) $(CFLAGS) $(EXPORT_OTLP_CFLAGS) -DSPECTRA_SOURCE_ROOT='"$(abspath $(ROOT))"' -o $@ \
		test_export.c $(EXPORT_SRCS) $(ROOT)/src/util/buf.c $(EXPORT_OTLP_SRCS) \
		$(EXPORT_LIBS) $(EXPORT_OTLP_LIBS)

export-valgrind: test_export
	valgrind --quiet --leak-check=full --error-exitcode=1 ./test_export

.PHONY: export-valgrind
