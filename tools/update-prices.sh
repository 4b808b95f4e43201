#!/usr/bin/env bash
# Vendors the price data of the npm package @pydantic/genai-prices (MIT) into
# data/genai-prices/ and regenerates src/pricing/catalog_data.c from it.
#
# Usage: tools/update-prices.sh [VERSION]      (default: the version in data/genai-prices/SOURCE)
#
# Needs node and npm and the network (npm pack / npm view); nothing else in the build does:
# the generator reads only the vendored files. Writes:
#   data/genai-prices/data.json   {"providers": [...], "units": {...}} from the package's bundle
#   data/genai-prices/LICENSE     the package's license text
#   data/genai-prices/SOURCE      package, version, tarball integrity and shasum, publish date
# Then: review `git diff data/`, bump the differential test's pinned version in
# tests/tools/package.json (npm install --package-lock-only), run make -C tests/c check.
set -euo pipefail
cd "$(dirname "$0")/.."
package=@pydantic/genai-prices
version=${1:-$(sed -n 's/^version: //p' data/genai-prices/SOURCE 2>/dev/null || true)}
[ -n "$version" ] || { echo "usage: tools/update-prices.sh VERSION" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent --json "$package@$version" >pack.json)
tarball=$(node -e 'console.log(require(process.argv[1])[0].filename)' "$work/pack.json")
integrity=$(node -e 'console.log(require(process.argv[1])[0].integrity)' "$work/pack.json")
shasum=$(node -e 'console.log(require(process.argv[1])[0].shasum)' "$work/pack.json")
published=$(npm view "$package@$version" "time[$version]")
license=$(npm view "$package@$version" license)
registry_url=$(npm view "$package@$version" dist.tarball)
tar -xzf "$work/$tarball" -C "$work"

node tools/extract-genai-prices.mjs "$work/package" >"$work/data.json"
mkdir -p data/genai-prices
mv "$work/data.json" data/genai-prices/data.json
cp "$work/package/LICENSE" data/genai-prices/LICENSE
cat >data/genai-prices/SOURCE <<SOURCE
package: $package
version: $version
published: $published
license: $license
tarball: $registry_url
integrity: $integrity
shasum: $shasum
extracted: dist/index.js, its bundled providers and units (tools/extract-genai-prices.mjs)
SOURCE
php tools/gen_pricing.php >src/pricing/catalog_data.c
echo "data/genai-prices/ now holds $package $version (published $published); src/pricing/catalog_data.c regenerated"
