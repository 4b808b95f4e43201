#include "model_match.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* Backtracking over the program with a visited set of (instruction, position): each pair is
 * explored at most once, so a test is O(program length x text length) whatever the pattern.
 * The set lives on the stack for ids up to a few hundred bytes, on the heap beyond. */
typedef struct {
	const char *text;
	size_t len;
	unsigned base; /* first instruction of the program */
	size_t span;   /* instructions covered by the visited set */
	uint8_t *visited;
} regex_run;

typedef struct {
	unsigned pc;
	size_t pos;
} regex_thread;

static size_t program_length(unsigned first)
{
	size_t n = 0;
	int depth = 0; /* each LOOK sub-program ends in its own MATCH */
	for (;; n++) {
		const spectra_regex_op *op = &spectra_regex_program[first + n];
		if (op->op == SPECTRA_RX_LOOK || op->op == SPECTRA_RX_LOOK_NOT) {
			depth++;
		} else if (op->op == SPECTRA_RX_MATCH && depth-- == 0) {
			return n + 1;
		}
	}
}

static bool first_visit(regex_run *run, unsigned pc, size_t pos)
{
	size_t bit = (size_t) (pc - run->base) * (run->len + 1) + pos;
	uint8_t mask = (uint8_t) (1u << (bit & 7));
	if (run->visited[bit >> 3] & mask) {
		return false;
	}
	run->visited[bit >> 3] |= mask;
	return true;
}

static bool in_class(unsigned class_index, unsigned char c)
{
	return (spectra_regex_classes[class_index][c >> 3] >> (c & 7)) & 1;
}

static bool run_from(regex_run *run, unsigned start_pc, size_t start_pos);

/* A lookahead's sub-program, with a visited set of its own (a success leaves pairs marked). */
static bool look_matches(const regex_run *outer, unsigned pc, size_t pos)
{
	regex_run sub = { outer->text, outer->len, outer->base, outer->span, NULL };
	size_t bytes = (outer->span * (outer->len + 1) + 7) / 8;
	sub.visited = calloc(1, bytes ? bytes : 1);
	if (!sub.visited) {
		return false;
	}
	bool matched = run_from(&sub, pc, pos);
	free(sub.visited);
	return matched;
}

static bool run_from(regex_run *run, unsigned start_pc, size_t start_pos)
{
	regex_thread stack_threads[64];
	regex_thread *threads = stack_threads;
	size_t capacity = 64;
	size_t count = 0;
	bool matched = false;
	threads[count++] = (regex_thread){ start_pc, start_pos };
	while (count > 0 && !matched) {
		regex_thread t = threads[--count];
		for (;;) {
			if (!first_visit(run, t.pc, t.pos)) {
				break;
			}
			const spectra_regex_op *op = &spectra_regex_program[t.pc];
			bool go_on = true;
			switch (op->op) {
			case SPECTRA_RX_CHAR:
				go_on = t.pos < run->len && (unsigned char) run->text[t.pos] == op->a;
				t.pos++;
				t.pc++;
				break;
			case SPECTRA_RX_ANY:
				go_on = t.pos < run->len && run->text[t.pos] != '\n' && run->text[t.pos] != '\r';
				t.pos++;
				t.pc++;
				break;
			case SPECTRA_RX_CLASS:
				go_on = t.pos < run->len && in_class(op->a, (unsigned char) run->text[t.pos]);
				t.pos++;
				t.pc++;
				break;
			case SPECTRA_RX_SPLIT:
				if (count == capacity) {
					size_t grown = capacity * 2;
					regex_thread *more = malloc(grown * sizeof *more);
					if (!more) {
						go_on = false;
						break;
					}
					memcpy(more, threads, count * sizeof *more);
					if (threads != stack_threads) {
						free(threads);
					}
					threads = more;
					capacity = grown;
				}
				threads[count++] = (regex_thread){ op->b, t.pos };
				t.pc = op->a;
				break;
			case SPECTRA_RX_JMP:
				t.pc = op->a;
				break;
			case SPECTRA_RX_BOL:
				go_on = t.pos == 0;
				t.pc++;
				break;
			case SPECTRA_RX_EOL:
				go_on = t.pos == run->len;
				t.pc++;
				break;
			case SPECTRA_RX_LOOK:
			case SPECTRA_RX_LOOK_NOT:
				go_on = look_matches(run, op->a, t.pos) == (op->op == SPECTRA_RX_LOOK);
				t.pc = op->b;
				break;
			case SPECTRA_RX_MATCH:
				matched = true;
				go_on = false;
				break;
			}
			if (!go_on) {
				break;
			}
		}
	}
	if (threads != stack_threads) {
		free(threads);
	}
	return matched;
}

bool spectra_regex_test(unsigned first, const char *text, size_t len)
{
	uint8_t stack_visited[4096];
	regex_run run = { text, len, first, program_length(first), stack_visited };
	size_t bytes = (run.span * (len + 1) + 7) / 8;
	if (bytes > sizeof stack_visited) {
		run.visited = calloc(1, bytes);
		if (!run.visited) {
			return false;
		}
	} else {
		memset(stack_visited, 0, bytes);
	}
	bool matched = false;
	/* unanchored: a match may start anywhere; the visited set carries over (a failed pair
	 * fails from any start). A pattern that starts with ^ is tried at 0 only. */
	size_t last_start = spectra_regex_program[first].op == SPECTRA_RX_BOL ? 0 : len;
	for (size_t start = 0; start <= last_start && !matched; start++) {
		matched = run_from(&run, first, start);
	}
	if (run.visited != stack_visited) {
		free(run.visited);
	}
	return matched;
}

/* needle occurs in id (ids are short: a first-byte scan beats memmem's setup) */
static bool contains(const char *id, size_t len, const char *needle, size_t needle_len)
{
	if (needle_len == 0) {
		return true;
	}
	const char *end = id + len;
	const char *at = id;
	while ((size_t) (end - at) >= needle_len && (at = memchr(at, needle[0], (size_t) (end - at) - needle_len + 1))) {
		if (memcmp(at + 1, needle + 1, needle_len - 1) == 0) {
			return true;
		}
		at++;
	}
	return false;
}

bool spectra_match_rule(int node_index, const char *id, size_t len)
{
	if (node_index < 0) {
		return false;
	}
	const spectra_match_node *node = &spectra_match_nodes[node_index];
	if (node->first_bytes >= 0 && (len == 0 || !in_class((unsigned) node->first_bytes, (unsigned char) id[0]))) {
		return false;
	}
	switch (node->op) {
	case SPECTRA_MATCH_EQUALS:
		return len == node->text_len && memcmp(id, node->text, len) == 0;
	case SPECTRA_MATCH_STARTS_WITH:
		return len >= node->text_len && memcmp(id, node->text, node->text_len) == 0;
	case SPECTRA_MATCH_ENDS_WITH:
		return len >= node->text_len && memcmp(id + len - node->text_len, node->text, node->text_len) == 0;
	case SPECTRA_MATCH_CONTAINS:
		return contains(id, len, node->text, node->text_len);
	case SPECTRA_MATCH_REGEX:
		return spectra_regex_test(node->first, id, len);
	case SPECTRA_MATCH_AND:
		for (uint32_t i = 0; i < node->count; i++) {
			if (!spectra_match_rule(spectra_match_children[node->first + i], id, len)) {
				return false;
			}
		}
		return true;
	case SPECTRA_MATCH_OR:
		for (uint32_t i = 0; i < node->count; i++) {
			if (spectra_match_rule(spectra_match_children[node->first + i], id, len)) {
				return true;
			}
		}
		return false;
	}
	return false;
}
