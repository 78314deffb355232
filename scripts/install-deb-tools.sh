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
"$(dirname "$0")/apt-install.sh" "${missing[@]}"
