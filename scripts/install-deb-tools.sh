#!/usr/bin/env bash
# Installs what 'make deb' needs beyond the build, only when missing: dpkg-dev
# (dpkg-shlibdeps works out the package's dependencies), binutils (strip) and lintian (checks
# the package against Debian's policy). 'make test' runs it too, for the package test.
set -euo pipefail
missing=()
command -v dpkg-shlibdeps >/dev/null 2>&1 || missing+=(dpkg-dev)
command -v strip >/dev/null 2>&1 || missing+=(binutils)
command -v lintian >/dev/null 2>&1 || missing+=(lintian)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "error: ${missing[*]} must be installed, and that needs root (apt-get). Run as root or install them yourself." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
