/* What names a provider endpoint shape (a flavor row of usage_map.c) and its hand-written
 * hooks, when it has any. Type only. */
#ifndef SPECTRA_PHP_EXTRACT_EXTRACTOR_H
#define SPECTRA_PHP_EXTRACT_EXTRACTOR_H

#include "php.h"
#include "src/record/record.h"

typedef struct {
	const char *name;                                         /* "openai.chat_completions" */
	const char *operation;                                    /* GenAI operation name it implies */
	const char *model_type;                                   /* text, embedding, ... */
	bool (*matches)(HashTable *body);                         /* NULL: the row's data tests say */
	void (*extract)(HashTable *body, spectra_record *record); /* NULL: the row's paths say it all */
} spectra_extractor;

#endif
