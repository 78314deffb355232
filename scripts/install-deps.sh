#!/usr/bin/env bash
# Installs what building and testing Attune needs on Debian/Ubuntu, only when missing:
# libedit (line editing), pkg-config (to find it), SQLite headers (progress store), tmux
# (the terminal end-to-end tests), Graphviz (the test that renders `attune graph`),
# libqrencode (the join code drawn in the terminal for phones); libcurl's development files
# (sending to an LRS with the answer's size bounded as it arrives, and the self-contained
# release build links Foundation's networking, built on libcurl, into the program); man-db
# (the install test reads the installed manual page with `man -l`); Snowball's stemmers
# (libstemmer-dev: search in Spanish matches word forms and accents alike).
set -euo pipefail

missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libedit || missing+=(libedit-dev)
  pkg-config --exists sqlite3 || missing+=(libsqlite3-dev)
  pkg-config --exists libqrencode || missing+=(libqrencode-dev)
  pkg-config --exists libcurl || missing+=(libcurl4-openssl-dev)
else
  missing+=(libedit-dev libsqlite3-dev libqrencode-dev libcurl4-openssl-dev)
fi
[ -f /usr/include/libstemmer.h ] || missing+=(libstemmer-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v dot >/dev/null 2>&1 || missing+=(graphviz)
command -v man >/dev/null 2>&1 || missing+=(man-db)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)

[ ${#missing[@]} -eq 0 ] && exit 0

"$(dirname "$0")/apt-install.sh" "${missing[@]}"
