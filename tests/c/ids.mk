# Record stage ids (src/record: clocks, random ids, ULIDs, W3C trace context) and the hex
# encoding (src/util/hex). Included by tests/c/Makefile.
#   make -C tests/c test_record && (cd tests/c && ./test_record)
#   make -C tests/c ids-valgrind     the same under valgrind --leak-check=full
IDS_SRCS := \
	$(ROOT)/src/record/clock.c \
	$(ROOT)/src/record/random_id.c \
	$(ROOT)/src/record/trace_context.c \
	$(ROOT)/src/util/hex.c \
	$(ROOT)/src/util/buf.c
IDS_HEADERS := \
	$(ROOT)/src/record/clock.h \
	$(ROOT)/src/record/random_id.h \
	$(ROOT)/src/record/trace_context.h \
	$(ROOT)/src/util/hex.h \
	$(ROOT)/src/util/buf.h

C_TESTS += test_record

test_record: test_record.c $(IDS_SRCS) $(IDS_HEADERS)
	$(CC) $(CFLAGS) -I$(ROOT)/src -o $@ test_record.c $(IDS_SRCS) -lpthread

ids-valgrind: test_record
	valgrind --quiet --leak-check=full --errors-for-leak-kinds=all --error-exitcode=1 ./test_record

.PHONY: ids-valgrind
