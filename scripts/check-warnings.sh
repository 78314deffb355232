#!/usr/bin/env bash
# Fails when the build log shows a compiler warning in the project's own code.
set -euo pipefail
log="$1"
if grep -E "^/.*/(Sources|Tests)/.*: warning:" "$log" | grep -v "/.build/" ; then
  echo "error: the build has warnings (listed above); the project builds warning-free." >&2
  exit 1
fi
