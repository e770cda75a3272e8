#!/usr/bin/env bash
# Install everything the tests need (Debian packages when run as root, Python packages into .venv)
# and run the whole test suite. Never downloads a browser: the browser tests use Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 CHROMEDRIVER_SKIP_DOWNLOAD=true

DEBIAN_PACKAGES=(chromium gpodder postgresql redis-server)
missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]} (run: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e '.[test]'
.venv/bin/ruff check webapp simplify audio tests bench
# PostgreSQL and Redis on loopback for the storage and queue tests (they fail without them when CI is set).
if services="$(bash scripts/ci_services.sh)"; then
  eval "$services"
elif [ -n "${CI:-}" ]; then
  exit 1
fi
exec .venv/bin/pytest "$@"
