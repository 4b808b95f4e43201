/* API endpoint paths -> the operation they perform and the kind of model they call, in one
 * table (endpoints.c). A record whose endpoint is known (the `url` or `endpoint` option of
 * track(), later automatic capture) is named by it: an image generation is not a "chat". */
#ifndef SPECTRA_PROVIDERS_ENDPOINTS_H
#define SPECTRA_PROVIDERS_ENDPOINTS_H

#include <stddef.h>

typedef struct {
	const char *path_suffix; /* the path ends with it ("/chat/completions", ":generateContent") */
	const char *operation;   /* gen_ai.operation.name: a semconv value or one of ours (README) */
	const char *model_type;  /* text, embedding, image, audio, video, moderation, rerank, ocr */
} spectra_endpoint_info;

/* The row whose suffix ends path (query and fragment ignored) and is the longest such, or
 * NULL. Case-sensitive, as URL paths are. */
const spectra_endpoint_info *spectra_endpoint_find(const char *path, size_t len);

size_t spectra_endpoint_count(void);
const spectra_endpoint_info *spectra_endpoint_at(size_t index);

#endif
