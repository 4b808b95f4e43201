/* The C span: what the native builder and the PHP-builder bridge produce and what the
 * OTLP encoders consume. Plain malloc'd memory, so spans can cross to the sender thread. */
#ifndef SPECTRA_SPAN_SPAN_H
#define SPECTRA_SPAN_SPAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/buf.h"

typedef enum {
	SPECTRA_ATTR_STRING,
	SPECTRA_ATTR_BOOL,
	SPECTRA_ATTR_INT,
	SPECTRA_ATTR_DOUBLE,
	SPECTRA_ATTR_STRING_ARRAY,
} spectra_attr_type;

typedef struct {
	char *key;
	uint32_t key_len;
	uint32_t key_tag; /* cheap digest of the key, compared before the key itself */
	spectra_attr_type type;
	union {
		struct {
			char *str;
			size_t str_len; /* strlen(str), kept so the encoders need not measure again */
		};
		bool boolean;
		int64_t integer;
		double dbl;
		struct {
			char **items;
			size_t count;
		} strings;
	} value;
} spectra_attr;

/* Memory for a list that outlives it, from its owner (a record's space: see
 * spectra_attr_list_take_from()): size bytes aligned to align, or NULL when there is none
 * left. What the list took it never frees. */
typedef void *(*spectra_attr_take_fn)(void *context, size_t size, size_t align);

typedef struct {
	spectra_attr *items;
	size_t count;
	size_t cap;
	/* Hash index of the keys (slot = item position + 1, 0 = empty), made once the list
	 * outgrows a short linear scan, so adding n attributes stays O(n). Owned by span.c. */
	uint32_t *index;
	size_t index_size; /* a power of two, or 0 */
	/* The keys and values (strings, string arrays) live in chunks the list owns and frees
	 * as a whole: a few allocations per list instead of one or two per attribute. */
	struct spectra_attr_chunk *chunks;
	/* One bit per key tag (tag % 128) of the keys present: most new keys are known absent
	 * without a scan. Owned by span.c. */
	uint64_t tag_bits[2];
	/* Set by spectra_attr_list_init_borrowing(): the adders keep the caller's key and
	 * value pointers instead of copying them, for a list used and cleared while what it
	 * was built from is alive (the sender's per-span scratch). */
	bool borrows;
	/* Set by spectra_attr_list_take_from(): the item array, keys and values come from take
	 * while it gives memory, and from the list's own chunks after. */
	spectra_attr_take_fn take;
	void *take_context;
	bool items_taken; /* the item array is take's (not to be freed) */
} spectra_attr_list;

typedef struct {
	char *name;
	uint64_t time_unix_nano;
	spectra_attr_list attrs;
} spectra_span_event;

/* SpanKind and StatusCode values are the OTLP enum numbers. */
enum { SPECTRA_SPAN_KIND_INTERNAL = 1, SPECTRA_SPAN_KIND_CLIENT = 3 };
enum { SPECTRA_STATUS_UNSET = 0, SPECTRA_STATUS_OK = 1, SPECTRA_STATUS_ERROR = 2 };

typedef struct {
	uint8_t trace_id[16];
	uint8_t span_id[8];
	uint8_t parent_span_id[8];
	bool has_parent;
	char *trace_state; /* NULL when none */
	char *name;
	int kind;
	uint64_t start_time_unix_nano;
	uint64_t end_time_unix_nano;
	spectra_attr_list attrs;
	spectra_span_event *events;
	size_t event_count;
	int status_code;
	char *status_message; /* NULL when none */
	uint32_t flags;       /* OTLP Span.flags; 0 = not set */
} spectra_span;

/* Resource and scope shared by every span of one process. */
typedef struct {
	spectra_attr_list attrs;
	char *scope_name;
	char *scope_version;
	/* The packed protobuf Resource message, made once by spectra_otlp_prepare_resource()
	 * because it is the same for every request of the process. NULL = pack each time. */
	uint8_t *protobuf_resource;
	size_t protobuf_resource_len;
} spectra_resource;

/* How encoders take spans they should not hold all at once: build() makes span `index` of
 * a batch on demand, or NULL to leave it out; release() gets each span back once it is
 * written (it may free it, or reuse its memory for the next one). */
typedef enum {
	SPECTRA_SPAN_APPEND_BUILD, /* not written: build() the span */
	SPECTRA_SPAN_APPENDED,
	SPECTRA_SPAN_APPEND_FAILED, /* OOM */
} spectra_span_append_result;

/* append (optional, protobuf only) writes span `index` itself, as one ScopeSpans.spans
 * field at the end of out, without a spectra_span; build() is asked when it does not. */
typedef struct {
	spectra_span *(*build)(void *context, size_t index);
	void (*release)(void *context, spectra_span *span);
	void *context;
	spectra_span_append_result (*append)(void *context, size_t index, spectra_buf *out);
} spectra_span_source;

void spectra_attr_list_init(spectra_attr_list *list);
void spectra_attr_list_init_borrowing(spectra_attr_list *list);
/* Before the first attribute: the list takes its memory from take(context) first, so a
 * span job's context attributes live in its record's space and the thread that frees the
 * job frees nothing for them. */
void spectra_attr_list_take_from(spectra_attr_list *list, spectra_attr_take_fn take, void *context);
void spectra_attr_list_free(spectra_attr_list *list);
/* Empties the list for reuse, keeping its item array and one storage chunk. */
void spectra_attr_list_clear(spectra_attr_list *list);
/* str (len bytes) as a NUL-terminated string that lives as long as the list's values: a
 * copy in the list's storage when the list borrows, str itself otherwise (the adders copy
 * then). For keys and values made on the stack. NULL on OOM. */
const char *spectra_attr_list_stable(spectra_attr_list *list, const char *str, size_t len);
/* Makes room for about this many attributes whose keys and values take about this many
 * bytes, so a builder that knows its size allocates once. False on OOM (nothing changed). */
bool spectra_attr_list_reserve(spectra_attr_list *list, size_t attrs, size_t bytes);
/* Each adder copies its strings (a borrowing list keeps the pointers instead; only
 * spectra_attr_add_stringl always copies). An existing key is replaced, so keys stay unique
 * (OTLP requires it and the resource must be de-duplicated). False on OOM. */
bool spectra_attr_add_string(spectra_attr_list *list, const char *key, const char *value);
bool spectra_attr_add_stringl(spectra_attr_list *list, const char *key, const char *value, size_t len);
bool spectra_attr_add_bool(spectra_attr_list *list, const char *key, bool value);
bool spectra_attr_add_int(spectra_attr_list *list, const char *key, int64_t value);
bool spectra_attr_add_double(spectra_attr_list *list, const char *key, double value);
bool spectra_attr_add_strings(spectra_attr_list *list, const char *key, const char *const *items, size_t count);
const spectra_attr *spectra_attr_find(const spectra_attr_list *list, const char *key);

spectra_span *spectra_span_new(void);
void spectra_span_free(spectra_span *span);
bool spectra_span_add_event(spectra_span *span, const char *name, uint64_t time_unix_nano);
/* The event added last (to attach its attributes), or NULL when the span has none. */
spectra_span_event *spectra_span_last_event(spectra_span *span);

/* A span built again and again in the same memory: its attribute list borrows (see
 * spectra_attr_list.borrows), and trace_state and status_message are borrowed too, while
 * name lives in the list's storage. Clearing keeps the memory for the next span, so a
 * sender builds a batch of spans with a few allocations in all instead of a few per span. */
void spectra_span_init_borrowing(spectra_span *span);
void spectra_span_clear_borrowing(spectra_span *span);
void spectra_span_free_borrowing(spectra_span *span);

void spectra_resource_init(spectra_resource *resource);
void spectra_resource_free(spectra_resource *resource);

#endif
