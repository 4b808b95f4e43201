/* The built-in price catalog as data: the types of the tables tools/gen_pricing.php generates
 * into catalog_data.c, from the vendored @pydantic/genai-prices data and the kept rows of
 * data/pricing-catalog.csv. All static const: nothing is built at module startup. Plain C.
 *
 * Money here is the package's: US dollars per `per` units of a usage key (per 1M tokens, per
 * 1000 requests, per hour of audio...). pricing.h converts to the cents the record carries. */
#ifndef SPECTRA_PRICING_CATALOG_H
#define SPECTRA_PRICING_CATALOG_H

#include <stddef.h>
#include <stdint.h>

#include "../record/usage_keys.h"

typedef enum { SPECTRA_DIRECTION_NONE = 0, SPECTRA_DIRECTION_INPUT, SPECTRA_DIRECTION_OUTPUT } spectra_direction;

/* One usage key of the units dictionary. A unit is an ancestor of another when its dimensions
 * are a subset of the other's (input_tokens is an ancestor of cache_read_tokens). */
typedef struct {
	const char *usage_key; /* input_tokens */
	const char *price_key; /* input_mtok */
	double per;            /* 1e6 */
	spectra_direction direction;
	uint64_t ancestors;   /* bit k: usage key k is an ancestor */
	uint64_t descendants; /* bit k: usage key k is a descendant */
	uint64_t joins;       /* bit k: this unit is the join of k and another unit unrelated to k */
} spectra_unit_info;

typedef struct {
	uint64_t start; /* the tier's price applies when total input tokens exceed this */
	double price;
} spectra_price_tier;

typedef struct {
	uint8_t key; /* spectra_usage_key */
	uint8_t tier_count;
	const spectra_price_tier *tiers; /* sorted by start; NULL when flat */
	double price;                    /* the base price when tiered */
} spectra_unit_price;

typedef enum {
	SPECTRA_PRICE_ALWAYS = 0,
	SPECTRA_PRICE_FROM_DATE,   /* from: Unix seconds of the start date, UTC midnight */
	SPECTRA_PRICE_TIME_OF_DAY, /* from, until: ms after UTC midnight; until < from wraps */
} spectra_price_constraint;

/* One price mapping of a model, with the condition under which it applies. Its unit prices
 * are sorted most specific unit first (the order the cost computation needs). */
typedef struct {
	spectra_price_constraint constraint;
	int64_t from;
	int64_t until;
	const spectra_unit_price *prices;
	size_t count;
} spectra_price_set;

/* A priced model: a genai-prices model (conditional price sets, a match rule) or an exact-id
 * row (one set, match -1) from the CSV or the pricing file. */
typedef struct {
	const char *provider; /* genai-prices provider id, or the CSV/pricing-file provider slug */
	const char *model;
	const char *display_name;
	const char *type; /* text, embedding, image, audio, video */
	const char *tier; /* "standard" for every genai-prices model */
	const spectra_price_set *sets;
	size_t set_count; /* the last matching set applies, else the first (the package's rule) */
	int32_t match;    /* root of its match rule in spectra_match_nodes, -1 = exact id */
} spectra_price;

typedef enum {
	SPECTRA_MATCH_EQUALS = 0,
	SPECTRA_MATCH_STARTS_WITH,
	SPECTRA_MATCH_ENDS_WITH,
	SPECTRA_MATCH_CONTAINS,
	SPECTRA_MATCH_REGEX, /* first: its first instruction in spectra_regex_program */
	SPECTRA_MATCH_AND,   /* first, count: its children in spectra_match_children */
	SPECTRA_MATCH_OR,
} spectra_match_op;

typedef struct {
	spectra_match_op op;
	const char *text; /* lowercased, except regexes (the pattern, for messages) */
	uint32_t text_len;
	uint32_t first;
	uint32_t count;
	int32_t first_bytes; /* a root rule: the bytes a matching id can start with, as an index into
						  * spectra_regex_classes; -1 = any (a cheap test before the rule) */
} spectra_match_node;

typedef enum {
	SPECTRA_RX_CHAR = 0, /* a: the byte */
	SPECTRA_RX_ANY,      /* any byte but \n and \r */
	SPECTRA_RX_CLASS,    /* a: index into spectra_regex_classes */
	SPECTRA_RX_SPLIT,    /* try a, then b */
	SPECTRA_RX_JMP,      /* a */
	SPECTRA_RX_BOL,
	SPECTRA_RX_EOL,
	SPECTRA_RX_LOOK,     /* run the sub-program at a here; when it matches go on at b */
	SPECTRA_RX_LOOK_NOT, /* same, when it does not match */
	SPECTRA_RX_MATCH,
} spectra_regex_opcode;

typedef struct {
	spectra_regex_opcode op;
	uint32_t a;
	uint32_t b;
} spectra_regex_op;

typedef struct {
	uint16_t provider; /* index into spectra_catalog_providers */
	const char *id;    /* lowercased */
	uint16_t model;    /* the first model of the provider with this "equals" alternative */
} spectra_exact_id;

typedef struct {
	const char *id;
	int32_t match;       /* provider_match rule, -1 = none */
	int32_t model_match; /* the rule that names this provider from a model id alone, -1 = none */
	uint16_t first_model;
	uint16_t model_count;
	uint16_t first_rule_model; /* into spectra_catalog_rule_models */
	uint16_t rule_model_count;
	uint16_t first_fallback; /* into spectra_catalog_fallbacks (provider indexes) */
	uint16_t fallback_count;
} spectra_catalog_provider;

typedef struct {
	const char *provider;
	const char *tool_call_type; /* output item type, e.g. web_search_call */
	double cents_per_call;
} spectra_tool_call_price;

extern const char spectra_catalog_source[];      /* "@pydantic/genai-prices 0.1.8" */
extern const char spectra_catalog_source_date[]; /* its publish date, YYYY-MM-DD */
extern const spectra_unit_info spectra_units[SPECTRA_USAGE_KEY_COUNT];
extern const signed char spectra_unit_joins[SPECTRA_USAGE_KEY_COUNT][SPECTRA_USAGE_KEY_COUNT];
extern const spectra_price_tier spectra_price_tiers[];
extern const spectra_unit_price spectra_unit_prices[];
extern const spectra_price_set spectra_price_sets[];
extern const spectra_match_node spectra_match_nodes[];
extern const size_t spectra_match_node_count;
extern const uint16_t spectra_match_children[];
extern const spectra_regex_op spectra_regex_program[];
extern const uint8_t spectra_regex_classes[][32];
/* [0, genai count): genai-prices models in provider order; then the kept CSV rows, sorted by
 * (provider, model, tier) in byte order */
extern const spectra_price spectra_catalog_models[];
extern const size_t spectra_catalog_model_count;
extern const size_t spectra_catalog_genai_model_count;
extern const spectra_exact_id spectra_catalog_exact_ids[]; /* sorted by (provider, id) */
extern const size_t spectra_catalog_exact_id_count;
extern const uint16_t spectra_catalog_rule_models[];
extern const uint16_t spectra_catalog_fallbacks[];
extern const spectra_catalog_provider spectra_catalog_providers[];
extern const size_t spectra_catalog_provider_count;
extern const char *const spectra_catalog_tiers[];
extern const size_t spectra_catalog_tier_count;
extern const spectra_tool_call_price spectra_pricing_tool_call_rows[];
extern const size_t spectra_pricing_tool_call_row_count;

#endif
