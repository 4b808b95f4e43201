# Span + OTLP stages (src/span, src/otlp). Included by tests/c/Makefile.
#   make -C tests/c check            runs test_otlp (and the node decoder check, which
#                                    skips itself when tests/tools/node_modules is missing)
#   make -C tests/c otlp-valgrind    runs test_otlp and test_span_wire under valgrind --leak-check=full
#   make -C tests/c dump_span        sample ExportTraceServiceRequest writer
OTLP_PROTOBUF_CFLAGS := $(shell pkg-config --cflags libprotobuf-c)
OTLP_PROTOBUF_LIBS := $(shell pkg-config --libs libprotobuf-c)
# the generated code includes its siblings as "opentelemetry/proto/...", hence -I gen
OTLP_CFLAGS := -I$(ROOT)/src -I$(ROOT)/src/otlp/gen $(OTLP_PROTOBUF_CFLAGS)
OTLP_GEN_SRCS := \
	$(ROOT)/src/otlp/gen/opentelemetry/proto/common/v1/common.pb-c.c \
	$(ROOT)/src/otlp/gen/opentelemetry/proto/resource/v1/resource.pb-c.c \
	$(ROOT)/src/otlp/gen/opentelemetry/proto/trace/v1/trace.pb-c.c \
	$(ROOT)/src/otlp/gen/opentelemetry/proto/collector/trace/v1/trace_service.pb-c.c
OTLP_SRCS := \
	$(ROOT)/src/span/span.c \
	$(ROOT)/src/otlp/utf8.c \
	$(ROOT)/src/otlp/otlp.c \
	$(ROOT)/src/otlp/encode_protobuf.c \
	$(ROOT)/src/otlp/span_wire.c \
	$(ROOT)/src/otlp/encode_json.c \
	$(ROOT)/src/otlp/console.c \
	$(ROOT)/src/util/buf.c \
	$(ROOT)/src/util/json_reader.c \
	$(ROOT)/src/util/hex.c \
	$(OTLP_GEN_SRCS)
OTLP_HEADERS := $(ROOT)/src/span/span.h $(ROOT)/src/otlp/otlp.h $(wildcard $(ROOT)/src/otlp/*.h) $(ROOT)/src/util/buf.h \
	$(ROOT)/src/util/json_reader.h $(ROOT)/src/util/hex.h \
	$(OTLP_GEN_SRCS:.c=.h)

C_TESTS += test_otlp test_span_wire

test_otlp: test_otlp.c $(OTLP_SRCS) $(OTLP_HEADERS)
	$(CC) $(CFLAGS) $(OTLP_CFLAGS) -o $@ test_otlp.c $(OTLP_SRCS) $(OTLP_PROTOBUF_LIBS) -lm

test_span_wire: test_span_wire.c check.h $(OTLP_SRCS) $(OTLP_HEADERS)
	$(CC) $(CFLAGS) $(OTLP_CFLAGS) -o $@ test_span_wire.c $(OTLP_SRCS) $(OTLP_PROTOBUF_LIBS) -lm

dump_span: dump_span.c $(OTLP_SRCS) $(OTLP_HEADERS)
	$(CC) $(CFLAGS) $(OTLP_CFLAGS) -o $@ dump_span.c $(OTLP_SRCS) $(OTLP_PROTOBUF_LIBS) -lm

otlp-valgrind: test_otlp test_span_wire
	valgrind --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=1 ./test_otlp
	valgrind --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=1 ./test_span_wire

otlp-node-check: dump_span
	./test_decode_with_node.sh

check: otlp-node-check

otlp-clean:
	rm -f dump_span

clean: otlp-clean

.PHONY: otlp-valgrind otlp-node-check otlp-clean
