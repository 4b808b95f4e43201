/* The extractor row type: one provider endpoint shape, how to recognise it and how to
 * read it into the record. Type only, shared by the table (extract.c) and the provider
 * files that define rows. */
#ifndef SPECTRA_PHP_EXTRACT_EXTRACTOR_H
#define SPECTRA_PHP_EXTRACT_EXTRACTOR_H

#include "php.h"
#include "src/record/record.h"

typedef struct {
	const char *name;       /* "openai.chat_completions" */
	const char *operation;  /* GenAI operation name it implies */
	const char *model_type; /* text, embedding, ... */
	bool (*matches)(HashTable *body);
	void (*extract)(HashTable *body, spectra_record *record);
} spectra_extractor;

#endif
