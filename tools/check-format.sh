#!/usr/bin/env bash
# Checks the hand-written C against .clang-format (clang-format --dry-run --Werror).
# Generated code is exempt: src/otlp/gen/**, src/pricing/catalog_data.c, stubs/*_arginfo.h.
#
#   tools/check-format.sh                  every hand-written .c/.h git knows (tracked or new)
#   tools/check-format.sh FILE...          only these files
#   tools/check-format.sh --changed [REV]  only files changed since REV (default HEAD),
#                                          committed or not: for CI on a tree not yet reformatted
#   tools/check-format.sh --fix [FILE...]  rewrites the files in place instead of checking
#
# Prints each file that differs with its number of differing lines, then a summary.
# Exit status: 0 all formatted, 1 some differ, 2 usage error or clang-format missing.
# CLANG_FORMAT selects the binary (default clang-format; output can differ between major
# versions, this configuration was tuned with clang-format 14).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}

if ! command -v "$CLANG_FORMAT" >/dev/null; then
	echo "check-format.sh: $CLANG_FORMAT not found (Debian: apt-get install -y clang-format)" >&2
	exit 2
fi

is_generated() {
	case "$1" in
		src/otlp/gen/*|src/pricing/catalog_data.c|stubs/*_arginfo.h) return 0 ;;
	esac
	return 1
}

fix=0
mode=all
rev=HEAD
files=()
while [ $# -gt 0 ]; do
	case "$1" in
		--fix) fix=1 ;;
		--changed)
			mode=changed
			if [ $# -gt 1 ] && [ "${2#-}" = "$2" ]; then
				rev=$2
				shift
			fi
			;;
		-h|--help)
			sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
			exit 0
			;;
		-*)
			echo "check-format.sh: unknown option $1" >&2
			exit 2
			;;
		*)
			mode=given
			files+=("$1")
			;;
	esac
	shift
done

if [ "$mode" = all ]; then
	mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.c' '*.h' | sort -u)
elif [ "$mode" = changed ]; then
	mapfile -t files < <({
		git diff --name-only --diff-filter=d "$rev" -- '*.c' '*.h'
		git ls-files --others --exclude-standard -- '*.c' '*.h'
	} | sort -u)
fi

checked=0
differing=0
differing_lines=0
for file in "${files[@]}"; do
	if is_generated "$file" || [ ! -f "$file" ]; then
		continue
	fi
	checked=$((checked + 1))
	if [ "$fix" = 1 ]; then
		"$CLANG_FORMAT" -i --style=file "$file"
		continue
	fi
	if ! "$CLANG_FORMAT" --dry-run --Werror --style=file "$file" >/dev/null 2>&1; then
		lines=$("$CLANG_FORMAT" --style=file "$file" | diff "$file" - | grep -c '^<' || true)
		echo "$file: $lines line(s) differ"
		differing=$((differing + 1))
		differing_lines=$((differing_lines + lines))
	fi
done

version=$("$CLANG_FORMAT" --version | sed 's/.*version \([0-9.]*\).*/\1/')
if [ "$fix" = 1 ]; then
	echo "check-format.sh: formatted $checked file(s) with clang-format $version"
	exit 0
fi
if [ "$differing" -gt 0 ]; then
	echo "check-format.sh: $differing of $checked file(s) differ from .clang-format ($differing_lines line(s); clang-format $version)."
	echo "Show a diff: $CLANG_FORMAT FILE | diff FILE -    Fix: tools/check-format.sh --fix FILE"
	exit 1
fi
echo "check-format.sh: $checked file(s) formatted (clang-format $version)"
