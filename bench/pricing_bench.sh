#!/usr/bin/env bash
# Builds bench/pricing_bench.c against this tree and against BASE_COMMIT's src/ (default: the
# last commit before the genai-prices catalog), runs both, and reports the catalog's size and
# load cost (a shared object holding only the pricing stage, dlopen'ed: its relocations are
# the load-time work; the catalog is static data, so the module's startup does nothing else).
# Timings are medians of RUNS runs; with valgrind installed, it also counts instructions per
# spectra_price_record() call (callgrind, N+1 calls minus 1 call over N), which a shared machine
# does not disturb. Reported, never checked.
#   bench/pricing_bench.sh [BASE_COMMIT] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-f341992}
runs=${2:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CC=${CC:-gcc}
CFLAGS="-std=c11 -D_GNU_SOURCE -O2 -g"

build() { # tree out
	local tree=$1 out=$2
	local sources=("$tree"/src/pricing/*.c "$tree/src/record/record.c" "$tree/src/util/json_reader.c"
		"$tree/src/util/buf.c" "$tree/src/providers/providers.c")
	$CC $CFLAGS -I"$tree/src" -o "$out" bench/pricing_bench.c "${sources[@]}" -lm
	$CC $CFLAGS -fPIC -shared -I"$tree/src" -o "$out.so" "${sources[@]}" -lm
	$CC $CFLAGS -I"$tree/src" -c -o "$out.catalog.o" "$tree/src/pricing/catalog_data.c"
	$CC $CFLAGS -I"$tree/src" -o "${out%_bench}_calls" "$work/calls.c" "${sources[@]}" -lm
}
cat >"$work/calls.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pricing/price_record.h"
#include "providers/providers.h"
int main(int argc, char **argv)
{
	(void) argc;
	spectra_record *r = spectra_record_new();
	spectra_record_set(r, &r->provider, argv[1]);
	spectra_record_set(r, &r->model, argv[2]);
	r->provider_info = spectra_provider_find(argv[1], strlen(argv[1]));
	r->usage_seen = true;
	r->prompt_tokens = 1200;
	r->cached_tokens = 200;
	r->completion_tokens = 300;
	double total = 0;
	for (int i = 0, n = atoi(argv[3]); i < n; i++) {
		spectra_price_record(r, "standard");
		total += r->total_cost;
	}
	printf("%g\n", total);
	spectra_record_free(r);
	return 0;
}
C

mkdir -p "$work/base"
git archive "$base" src | tar -x -C "$work/base"
build "$work/base" "$work/base_bench"
build . "$work/new_bench"

cat >"$work/dlopen.c" <<'C'
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
static int cmp(const void *a, const void *b) { double x = *(const double *) a, y = *(const double *) b; return (x > y) - (x < y); }
int main(int argc, char **argv) {
	double t[41];
	for (int i = 0; i < 41; i++) {
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (!h) { fprintf(stderr, "%s\n", dlerror()); return 1; }
		dlclose(h);
		t[i] = (b.tv_sec - a.tv_sec) * 1e6 + (b.tv_nsec - a.tv_nsec) / 1e3;
	}
	qsort(t, 41, sizeof t[0], cmp);
	printf("%.1f", t[20]);
	(void) argc;
	return 0;
}
C
$CC -O2 -o "$work/dlopen" "$work/dlopen.c" -ldl

for side in base new; do
	echo "== $side ($([ $side = base ] && echo "$base" || git rev-parse --short HEAD)$([ $side = new ] && ! git diff --quiet && echo '+changes'))"
	"$work/${side}_bench" "$runs" 100
	size -A "$work/${side}_bench.catalog.o" | awk '$1 ~ /^\.(rodata|data|data\.rel\.ro|data\.rel\.ro\.local|rela\.data\.rel\.ro|rela\.data\.rel\.ro\.local)/ {s += $2} END {printf "catalog_data.o data: %.0f KiB\n", s / 1024}'
	echo "relocations in the pricing .so: $(readelf -r "$work/${side}_bench.so" | grep -c 'R_X86_64')"
	echo "dlopen of the pricing .so (median of 41): $("$work/dlopen" "$work/${side}_bench.so") us"
done

command -v valgrind >/dev/null || exit 0
n=10000
refs() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | sed -n 's/.*refs: *//p' | tr -d ,; }
printf '%-44s %8s %8s\n' "instructions per call" base new
for call in "openai gpt-4o-mini" "anthropic claude-sonnet-4-5-20250929" "google gemini-2.5-flash" \
	"openrouter openai/gpt-4o-mini" "openai gpt-nonexistent"; do
	row=()
	for side in base new; do
		one=$(refs "$work/${side}_calls" $call 1)
		many=$(refs "$work/${side}_calls" $call $((n + 1)))
		row+=($(((many - one) / n)))
	done
	printf '%-44s %8s %8s\n' "$call" "${row[0]}" "${row[1]}"
done
