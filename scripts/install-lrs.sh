#!/usr/bin/env bash
# Installs a Learning Record Store for the xAPI round-trip test: ralph-malph (PyPI) in a
# virtualenv at .build/lrs-venv. Failure here is not fatal: the test then says why it is
# skipped.
set -uo pipefail
venv=".build/lrs-venv"
[ -x "$venv/bin/ralph" ] && exit 0
command -v python3 >/dev/null 2>&1 || { echo "note: python3 is missing; the LRS round-trip test will be skipped." >&2; exit 0; }
echo "Installing ralph-malph (a Learning Record Store) for the xAPI round-trip test..."
if ! python3 -m venv "$venv" >/dev/null 2>&1; then
  # Debian splits venv support out of python3.
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq python3-venv >/dev/null 2>&1; fi
  python3 -m venv "$venv" || { echo "note: could not create a virtualenv; the LRS test will be skipped." >&2; exit 0; }
fi
"$venv/bin/pip" install -q "ralph-malph[lrs,cli]" requests || echo "note: ralph-malph did not install; the LRS test will be skipped." >&2
exit 0
