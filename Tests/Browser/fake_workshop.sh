#!/usr/bin/env bash
# Runs the workshop harness (room_workshop.py) against the fake room server, on the pages as
# RoomPages.swift writes them today. Builds the tests first unless SKIP_BUILD=1.
#   Tests/Browser/fake_workshop.sh [SCREENSHOT_DIR]   (default .build/screenshots/fake-workshop)
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch="${SCRATCH:-.build-pages}"
shots="${1:-.build/screenshots/fake-workshop}"
pages=".build/room-pages"
[ -x .build/browser-venv/bin/python ] || bash scripts/install-browser.sh
[ "${SKIP_BUILD:-0}" = 1 ] || nice -n 10 swift build --build-tests --scratch-path "$scratch"
ATTUNE_ROOM_PAGES_DIR="$PWD/$pages" swift test --skip-build --scratch-path "$scratch" --filter RoomPagesDump >/dev/null
rm -rf "$shots" && mkdir -p "$shots"
exec .build/browser-venv/bin/python Tests/Browser/room_workshop.py --fake "$pages" "$shots"
