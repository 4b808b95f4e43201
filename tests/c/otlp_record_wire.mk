# (after otlp.mk, whose sources it uses: included in name order)
# One-pass GenAI span writer (src/otlp/record_wire.c) against the native builder + span_wire.c.
#   make -C tests/c test_record_wire && (cd tests/c && ./test_record_wire)
#   make -C tests/c record-wire-valgrind   the same under valgrind --leak-check=full
# The node decoder check (test_decode_with_node.sh, make otlp-node-check) reads its requests.
C_TESTS += test_record_wire

RECORD_WIRE_SRCS := $(ROOT)/src/otlp/record_wire.c $(ROOT)/src/span/genai_attributes.c \
	$(ROOT)/src/span/native_builder.c $(ROOT)/src/record/record.c $(ROOT)/src/providers/providers.c $(OTLP_SRCS)
RECORD_WIRE_HEADERS := $(ROOT)/src/otlp/record_wire.h $(ROOT)/src/span/genai_attributes.h \
	$(ROOT)/src/span/native_builder.h $(ROOT)/src/record/record.h $(ROOT)/src/record/record_fields.h $(OTLP_HEADERS)

test_record_wire: test_record_wire.c check.h $(RECORD_WIRE_SRCS) $(RECORD_WIRE_HEADERS)
	$(CC) $(CFLAGS) $(OTLP_CFLAGS) -o $@ test_record_wire.c $(RECORD_WIRE_SRCS) $(OTLP_PROTOBUF_LIBS) -lm

record-wire-valgrind: test_record_wire
	valgrind --quiet --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all --error-exitcode=1 \
		./test_record_wire

otlp-node-check: test_record_wire

.PHONY: record-wire-valgrind
