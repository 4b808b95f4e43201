#!/usr/bin/env bash
# Installs what building and testing ext-spectra needs on Debian 12 (run as root).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages=(php8.2-dev php8.2-cli libcurl4-openssl-dev libprotobuf-c-dev protobuf-c-compiler zlib1g-dev pkg-config
          make gcc valgrind php-parser python3
          # tests/export/tls.phpt makes its CA and certificates with the openssl command
          openssl
          # the faketime lane of tools/test.sh: the suite again with the clock 400 days ahead
          faketime
          # source checks (tools/check-format.sh, clang-format 14) and the libFuzzer harnesses
          # of tests/fuzz (clang with its fuzzer/sanitizer runtimes)
          clang-format clang libclang-rt-14-dev
          # end-to-end tests: real php-fpm behind real nginx, a Laravel app from Composer
          php8.2-fpm nginx-light php8.2-curl php8.2-xml php8.2-mbstring php8.2-sqlite3 php8.2-intl unzip php-pear)
if [ "${1:-}" = --list ]; then
  # the Debian packages, one per line (nodejs/npm/composer only when their commands are absent)
  printf '%s\n' "${packages[@]}"
  command -v node >/dev/null 2>&1 || echo nodejs
  command -v npm >/dev/null 2>&1 || echo npm
  command -v composer >/dev/null 2>&1 || echo composer
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v composer >/dev/null 2>&1 || missing+=(composer)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
echo "build dependencies present"
