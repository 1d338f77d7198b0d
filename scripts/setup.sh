#!/usr/bin/env bash
# Installs sayso into ./.venv from the hashed lock file (model included), idempotently.
#   scripts/setup.sh          the analyser and its CLI
#   scripts/setup.sh --test   also the test tools, and (as root, with apt) Chromium and PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

python=${PYTHON:-python3.11}
command -v "$python" >/dev/null 2>&1 || python=python3
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
stamp=.venv/.sayso-installed-$( (cat requirements.lock.txt pyproject.toml; echo "test=$want_test") | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade "pip>=24"
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock.txt
  .venv/bin/python -m pip install --quiet --no-deps -e .
  rm -f .venv/.sayso-installed-*
  touch "$stamp"
fi

if [ "$want_test" = 1 ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing ${missing[*]} from Debian" >&2
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "setup: ${missing[*]} not installed; browser/PostgreSQL tests will be skipped" >&2
    fi
  fi
fi
