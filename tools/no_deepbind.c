/* LD_PRELOAD shim for the ASan lane: PHP built without sanitizers dlopen()s extensions
 * with RTLD_DEEPBIND, which the ASan runtime refuses. Dropping the flag is harmless for
 * our tests (no symbol clashes between the extensions loaded there). */
#define _GNU_SOURCE
#include <dlfcn.h>

void *dlopen(const char *file, int mode)
{
	static void *(*next_dlopen)(const char *, int);
	if (!next_dlopen) {
		next_dlopen = (void *(*) (const char *, int) ) dlsym(RTLD_NEXT, "dlopen");
	}
	return next_dlopen(file, mode & ~RTLD_DEEPBIND);
}
