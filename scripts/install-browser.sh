#!/usr/bin/env bash
# Installs what the browser test of the room pages needs: Debian's chromium and
# chromium-driver (as root, only when missing), and Selenium and axe-selenium-python (which
# ships axe-core, the accessibility checker) from PyPI in a virtualenv at .build/browser-venv. Failure is not fatal: the test then says why it is skipped.
set -uo pipefail
venv=".build/browser-venv"
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing chromium and chromium-driver for the room page browser test..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null 2>&1
    apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1 || echo "note: chromium did not install; the browser test will be skipped." >&2
  else
    echo "note: chromium and chromium-driver are missing (they need root to install); the browser test will be skipped." >&2
  fi
fi
[ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import selenium, axe_selenium_python" >/dev/null 2>&1 && exit 0
command -v python3 >/dev/null 2>&1 || { echo "note: python3 is missing; the browser test will be skipped." >&2; exit 0; }
if ! python3 -m venv "$venv" >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq python3-venv >/dev/null 2>&1; fi
  python3 -m venv "$venv" || { echo "note: could not create a virtualenv; the browser test will be skipped." >&2; exit 0; }
fi
"$venv/bin/pip" install -q selenium axe-selenium-python || echo "note: selenium or axe-selenium-python did not install; the browser test will be skipped." >&2
exit 0
