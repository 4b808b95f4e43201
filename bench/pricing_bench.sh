#!/usr/bin/env bash
# Builds bench/pricing_bench.c against this tree and against BASE_COMMIT's src/ (default: the
# last commit before the genai-prices catalog), runs both, and reports the catalog's size and
# load cost (a shared object holding only the pricing stage, dlopen'ed: its relocations are
# the load-time work; the catalog is static data, so the module's startup does nothing else).
# Timings are medians of RUNS runs, reported and never checked.
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
}
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
