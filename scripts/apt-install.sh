#!/usr/bin/env bash
# Installs the Debian packages named as arguments with apt-get, as root or through sudo.
# Shared by install-deps.sh and install-deb-tools.sh, which work out what is missing.
set -euo pipefail
[ $# -eq 0 ] && exit 0
echo "Installing: $*"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "error: $* must be installed, and that needs root (apt-get). Run as root or install them yourself." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "$@" >/dev/null
