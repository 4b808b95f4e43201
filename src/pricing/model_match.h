/* Evaluates the catalog's model-match rules (genai-prices' equals, starts_with, ends_with,
 * contains, regex, and, or) on a model or provider id. The rules are static data flattened by
 * tools/gen_pricing.php; a regex arrives compiled into a small backtracking program, so a call
 * never parses a pattern. Plain C, no state. */
#ifndef SPECTRA_PRICING_MODEL_MATCH_H
#define SPECTRA_PRICING_MODEL_MATCH_H

#include <stdbool.h>
#include <stddef.h>

/* id must be lowercased and trimmed already (the package compares lowercased text; its regexes
 * run on the lowercased id). */
bool spectra_match_rule(int node, const char *id, size_t len);

/* The regex program starting at instruction `first` finds a match anywhere in text (like
 * JavaScript's RegExp.prototype.test). */
bool spectra_regex_test(unsigned first, const char *text, size_t len);

#endif
