#!/bin/sh
# Differential test of the price engine against @pydantic/genai-prices' own calcPrice
# (tests/tools, pinned to the version vendored in data/genai-prices): usage vectors for every
# model of the data (every price key it is priced by, both sides of each tier threshold, each
# conditional price's start date or time of day, fallback providers, -YYYYMMDD ids, LiteLLM
# ids, inconsistent and empty usage) priced by tests/c/price_vectors and by the package.
# Skips (exit 0) when node or tests/tools/node_modules is missing; tools/test.sh runs npm ci.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tools="$here/../tools"
data="$here/../../data/genai-prices"

if ! command -v node >/dev/null 2>&1; then
	echo "SKIP test_prices_with_node: node is not installed"
	exit 0
fi
if [ ! -d "$tools/node_modules/@pydantic/genai-prices" ]; then
	echo "SKIP test_prices_with_node: run 'npm ci' in tests/tools first"
	exit 0
fi

make -s -C "$here" price_vectors
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node "$tools/genai-prices-diff.mjs" vectors "$data/data.json" "$data/SOURCE" >"$work/vectors.tsv"
"$here/price_vectors" <"$work/vectors.tsv" >"$work/ours.tsv"
status=0
node "$tools/genai-prices-diff.mjs" compare "$data/data.json" "$data/SOURCE" "$work/vectors.tsv" "$work/ours.tsv" || status=1
# the regex programs the generator compiled, against JavaScript's RegExp on the same ids
node "$tools/genai-prices-diff.mjs" ids "$data/data.json" "$data/SOURCE" >"$work/ids.txt"
"$here/price_vectors" --regex <"$work/ids.txt" >"$work/regex.tsv"
node "$tools/genai-prices-diff.mjs" regex "$data/data.json" "$data/SOURCE" "$work/regex.tsv" || status=1
exit $status
