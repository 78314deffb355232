#!/usr/bin/env bash
# Installs Attune for daily use under a prefix (default ~/.local), no root needed:
#   PREFIX/bin/attune                                    the program
#   PREFIX/share/attune/Knowledge, Scenarios             the content it comes with
#   PREFIX/share/doc/attune/*.md                         the author guides ('attune help format')
#   PREFIX/share/man/man1/attune.1                       the manual page
#   PREFIX/share/bash-completion/completions/attune      completions for bash,
#   PREFIX/share/zsh/site-functions/_attune              zsh
#   PREFIX/share/fish/vendor_completions.d/attune.fish   and fish
# Every file written, and every folder created, is listed in
# PREFIX/share/attune/install-manifest.txt, so scripts/uninstall.sh removes exactly those.
# Installing again over an earlier install first removes the files that one wrote, and
# keeps its list of folders.
#
# Usage: scripts/install.sh [--prefix DIR] [--configuration release|debug] [--binary FILE]
#                           [--scratch-path DIR]
# It builds and installs (scripts/build-program.sh). release, the default, is the
# self-contained program: the Swift runtime linked in, stripped, loading only Debian's
# libraries. debug is the dynamic build, for development (it needs the toolchain to run).
# With --binary, it installs that program, built already, as it is (the install test does
# this: SwiftPM cannot build while 'swift test' holds .build); generate-manual must be beside it.
#
# The manual page and completions come from scripts/generate-pages.sh. swift-argument-parser's
# GenerateManual plugin itself is not used: it builds the package with settings of its own, so
# it and 'swift build -c release' each rebuild the release modules after the other (77 s and
# 85 s on the development machine, every time), and it cannot run during 'swift test'.
set -euo pipefail

prefix="${HOME}/.local"
configuration=release
binary=""
scratch=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --configuration) configuration="${2:?--configuration needs release or debug}"; shift 2 ;;
    --binary) binary="${2:?--binary needs the program to install}"; shift 2 ;;
    --scratch-path) scratch=(--scratch-path "${2:?--scratch-path needs a folder}"); shift 2 ;;
    *) echo "error: unknown argument '$1'. Usage: scripts/install.sh [--prefix DIR] [--configuration release|debug] [--binary FILE] [--scratch-path DIR]" >&2; exit 2 ;;
  esac
done
case "$configuration" in release|debug) ;; *) echo "error: --configuration is release or debug, not '$configuration'." >&2; exit 2 ;; esac
[ -n "$prefix" ] || { echo "error: PREFIX is empty; give a folder, for example PREFIX=~/.local." >&2; exit 2; }

case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
case "$binary" in /*|"") ;; *) binary="$PWD/$binary" ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$binary" ]; then
  built="$(scripts/build-program.sh --configuration "$configuration" "${scratch[@]+"${scratch[@]}"}")"
  binary="$(sed -n 1p <<<"$built")"
  tool="$(sed -n 2p <<<"$built")"
  if [ "$configuration" = release ]; then
    # Stripped: symbol tables and debug sections are most of the program's size.
    cp "$binary" "$work/attune"
    strip --strip-unneeded "$work/attune"
    binary="$work/attune"
  fi
else
  tool="$(dirname "$binary")/generate-manual"
fi
[ -x "$binary" ] || { echo "error: $binary is not an executable program." >&2; exit 2; }
scripts/generate-pages.sh "$binary" "$tool" "$work/generated"

created_prefix=false
if [ ! -d "$prefix" ]; then
  mkdir -p "$prefix"
  created_prefix=true
fi
prefix="$(cd "$prefix" && pwd)"

manifest="$prefix/share/attune/install-manifest.txt"

# An earlier install here: remove the files it wrote, keeping its list of the folders it created.
earlier_folders=()
if [ -f "$manifest" ]; then
  while IFS= read -r line; do
    case "$line" in "folder "*) earlier_folders+=("$line") ;; esac
  done <"$manifest"
  scripts/uninstall.sh --prefix "$prefix" --files-only
fi

# With the default prefix, PREFIX/share/attune is also the learner's data folder
# (~/.local/share/attune, or $ATTUNE_HOME, or $XDG_DATA_HOME/attune): Attune keeps that
# folder private to its owner, so the install creates it so.
data_folder="${ATTUNE_HOME:-${XDG_DATA_HOME:+$XDG_DATA_HOME/attune}}"
data_folder="${data_folder:-$HOME/.local/share/attune}"

# The manifest grows as each file is written, so even an install cut short can be uninstalled.
new_folders=()
$created_prefix && new_folders+=("folder .")
# Creates the folders of relative path $1 under the prefix that are missing, listing each.
make_folders() {
  local path="" part
  local IFS=/
  for part in $(dirname "$1"); do
    path="${path:+$path/}$part"
    if [ ! -d "$prefix/$path" ]; then
      if [ "$prefix/$path" -ef "$data_folder" ] || [ "$prefix/$path" = "$data_folder" ]; then
        mkdir -m 0700 "$prefix/$path"
      else
        mkdir -m 0755 "$prefix/$path"
      fi
      if [ -f "$manifest" ]; then echo "folder $path" >>"$manifest"; else new_folders+=("folder $path"); fi
    fi
  done
}
make_folders share/attune/install-manifest.txt
{
  echo "# Written by Attune's scripts/install.sh. scripts/uninstall.sh (make uninstall) removes these"
  echo "# files, then these folders if they are empty. Paths are relative to the prefix."
  for line in "${earlier_folders[@]+"${earlier_folders[@]}"}" "${new_folders[@]+"${new_folders[@]}"}"; do echo "$line"; done
} >"$manifest"
chmod 0644 "$manifest"

# put SOURCE DEST MODE: copies a file to DEST (relative to the prefix).
put() {
  make_folders "$2"
  echo "file $2" >>"$manifest"
  install -m "$3" "$1" "$prefix/$2"
}

put "$binary" bin/attune 0755
while IFS= read -r -d '' file; do
  put "$file" "share/attune/$file" 0644
done < <(find Knowledge Scenarios -type f ! -name '.*' -print0 | sort -z)
for guide in authoring.md knowledge.md ratings-policy.md; do
  put "docs/$guide" "share/doc/attune/$guide" 0644
done
put "$work/generated/attune.1" share/man/man1/attune.1 0644
put "$work/generated/completion.bash" share/bash-completion/completions/attune 0644
put "$work/generated/completion.zsh" share/zsh/site-functions/_attune 0644
put "$work/generated/completion.fish" share/fish/vendor_completions.d/attune.fish 0644

echo "Installed Attune in $prefix: the program is $prefix/bin/attune."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it (for bash: echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc) to type 'attune' anywhere." ;;
esac
