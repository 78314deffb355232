#!/usr/bin/env bash
# Removes what scripts/install.sh wrote under a prefix (default ~/.local): the files listed in
# PREFIX/share/attune/install-manifest.txt, the list itself, then the folders that install
# created, each only if it is empty. Anything else stays, such as a file you added there.
#
# Usage: scripts/uninstall.sh [--prefix DIR] [--files-only]
#   --files-only removes the files only, keeping the folders and the list (install.sh uses it
#   to replace an earlier install).
set -euo pipefail

prefix="${HOME}/.local"
files_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --files-only) files_only=true; shift ;;
    *) echo "error: unknown argument '$1'. Usage: scripts/uninstall.sh [--prefix DIR]" >&2; exit 2 ;;
  esac
done
[ -n "$prefix" ] || { echo "error: PREFIX is empty; give the folder Attune was installed in." >&2; exit 2; }
manifest="$prefix/share/attune/install-manifest.txt"
if [ ! -f "$manifest" ]; then
  echo "error: Attune is not installed in $prefix (there is no $manifest). Give the PREFIX used for 'make install'." >&2
  exit 1
fi
prefix="$(cd "$prefix" && pwd)"

files=()
folders=()
while IFS= read -r line; do
  case "$line" in
    "#"*|"") continue ;;
    "file "*) path="${line#file }" ;;
    "folder "*) path="${line#folder }" ;;
    *) echo "error: $manifest has a line that is not 'file PATH' or 'folder PATH': $line" >&2; exit 1 ;;
  esac
  # Only paths inside the prefix, never above it.
  case "/$path/" in
    *"/../"*|//*) echo "error: $manifest names a path outside $prefix: $path" >&2; exit 1 ;;
  esac
  case "$line" in "file "*) files+=("$path") ;; *) folders+=("$path") ;; esac
done <"$manifest"

for file in "${files[@]+"${files[@]}"}"; do
  target="$prefix/$file"
  if [ -d "$target" ] && [ ! -L "$target" ]; then
    echo "note: $target is now a folder, so it was left in place." >&2
  elif [ -e "$target" ] || [ -L "$target" ]; then
    rm -f "$target"
  fi
done
$files_only && exit 0
rm -f "$manifest"

# Deepest folders first, the prefix itself ('.') last; a folder that is not empty stays.
while IFS= read -r folder; do
  [ -n "$folder" ] || continue
  target="$prefix/$folder"
  [ "$folder" = . ] && target="$prefix"
  [ -d "$target" ] && [ ! -L "$target" ] && rmdir "$target" 2>/dev/null || true
done < <(for folder in "${folders[@]+"${folders[@]}"}"; do
  printf '%s\t%s\n' "$(tr -cd / <<<"$folder" | wc -c)" "$folder"
done | sort -t$'\t' -k1,1nr -k2,2r | cut -f2- | grep -vx '\.' ; for folder in "${folders[@]+"${folders[@]}"}"; do [ "$folder" = . ] && echo .; done)

echo "Removed Attune from $prefix."
if [ -d "$prefix/share/attune" ]; then
  echo "$prefix/share/attune stays: it holds files the install did not write (with the default PREFIX, your progress and journal)."
fi
