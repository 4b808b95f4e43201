#!/usr/bin/env bash
# Installs the HTTP clients of tests/capture/composer_clients.phpt (Guzzle 7, Symfony
# HttpClient) into tests/capture/clients/vendor (its composer.json) with Composer. Without them (no Composer, or
# the registry does not have them) that test is skipped and says so.
set -euo pipefail
cd "$(dirname "$0")/../tests/capture/clients"
command -v composer >/dev/null || { echo "composer is not installed: the Composer client test will be skipped"; exit 1; }
if [ -f vendor/autoload.php ] && [ vendor/autoload.php -nt composer.json ]; then
  exit 0
fi
COMPOSER_NO_INTERACTION=1 timeout 600 composer update --no-dev --prefer-dist --no-progress --no-audit
