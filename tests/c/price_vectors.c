/* Prices usage vectors with the extension's price engine, for the differential test against
 * @pydantic/genai-prices (test_prices_with_node.sh). Reads lines
 *   provider TAB model TAB unix_ms TAB key=value;key=value...
 * (keys are usage keys: input_tokens, cache_read_tokens, ...) and prints for each
 *   model TAB input_usd TAB output_usd TAB total_usd      (the price found)
 *   none                                                  (no price)
 *   unknown TAB reason                                    (cost_known false)
 * Usage: price_vectors < vectors.tsv > ours.tsv
 *        price_vectors --regex < ids.txt     each catalog regex on each id: "pattern TAB id TAB 0|1",
 *                                            for comparing the compiled programs with RegExp */
#include "pricing/model_match.h"
#include "pricing/pricing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage_key(const char *name)
{
	for (int k = 0; k < SPECTRA_USAGE_KEY_COUNT; k++) {
		if (strcmp(spectra_units[k].usage_key, name) == 0) {
			return k;
		}
	}
	return -1;
}

/* Every regex node of the catalog against every id read (one a line). */
static int test_regexes(void)
{
	char line[8192];
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = '\0';
		for (size_t i = 0; i < spectra_match_node_count; i++) {
			const spectra_match_node *node = &spectra_match_nodes[i];
			if (node->op == SPECTRA_MATCH_REGEX) {
				printf("%s\t%s\t%d\n", node->text, line, spectra_regex_test(node->first, line, strlen(line)));
			}
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--regex") == 0) {
		return test_regexes();
	}
	char line[8192];
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = '\0';
		char *save = NULL;
		char *provider = strtok_r(line, "\t", &save);
		char *model = strtok_r(NULL, "\t", &save);
		char *when = strtok_r(NULL, "\t", &save);
		char *quantities = strtok_r(NULL, "\t", &save);
		if (!provider || !model || !when) {
			fprintf(stderr, "price_vectors: bad line\n");
			return 2;
		}
		spectra_usage usage;
		spectra_usage_init(&usage);
		char *pair_save = NULL;
		for (char *pair = quantities ? strtok_r(quantities, ";", &pair_save) : NULL; pair;
			 pair = strtok_r(NULL, ";", &pair_save)) {
			char *eq = strchr(pair, '=');
			int key = eq ? (*eq = '\0', usage_key(pair)) : -1;
			if (key < 0) {
				fprintf(stderr, "price_vectors: unknown usage key %s\n", pair);
				return 2;
			}
			usage.values[key] = strtod(eq + 1, NULL);
		}
		const spectra_price *price = spectra_pricing_lookup(provider, model, NULL);
		if (!price) {
			puts("none");
			continue;
		}
		spectra_cost cost;
		spectra_pricing_compute(price, strtoll(when, NULL, 10), &usage, &cost);
		if (!cost.known) {
			printf("unknown\t%s\n", cost.reason);
			continue;
		}
		printf("%s\t%.17g\t%.17g\t%.17g\n", price->model, cost.prompt_cents / 100, cost.completion_cents / 100,
			cost.total_cents / 100);
	}
	return 0;
}
