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
# Usage: scripts/install.sh [--prefix DIR] [--configuration release|debug]
#          builds (release by default), generates the manual page with swift-argument-parser's
#          GenerateManual plugin, and installs.
#        scripts/install.sh [--prefix DIR] --binary FILE --manual FILE
#          installs a binary and manual page built already (the install test uses this, as
#          SwiftPM cannot build while 'swift test' holds the build folder).
set -euo pipefail

prefix="${HOME}/.local"
configuration=release
binary=""
manual=""
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --configuration) configuration="${2:?--configuration needs release or debug}"; shift 2 ;;
    --binary) binary="${2:?--binary needs a file}"; shift 2 ;;
    --manual) manual="${2:?--manual needs a file}"; shift 2 ;;
    *) echo "error: unknown argument '$1'. Usage: scripts/install.sh [--prefix DIR] [--configuration release|debug]" >&2; exit 2 ;;
  esac
done
case "$configuration" in release|debug) ;; *) echo "error: --configuration is release or debug, not '$configuration'." >&2; exit 2 ;; esac
if { [ -n "$binary" ] && [ -z "$manual" ]; } || { [ -z "$binary" ] && [ -n "$manual" ]; }; then
  echo "error: --binary and --manual go together." >&2; exit 2
fi
[ -n "$prefix" ] || { echo "error: PREFIX is empty; give a folder, for example PREFIX=~/.local." >&2; exit 2; }

case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift="${SWIFT:-swift}"

if [ -z "$binary" ]; then
  mkdir -p .build
  log=".build/install-$configuration.log"
  echo "Building Attune ($configuration)..."
  "$swift" build -c "$configuration" --product attune 2>&1 | tee "$log"; test "${PIPESTATUS[0]}" -eq 0
  scripts/check-warnings.sh "$log"
  binary="$("$swift" build -c "$configuration" --show-bin-path)/attune"
  # swift-argument-parser's own plugin: it builds (nothing left to do after the line above)
  # and runs its generate-manual tool on each executable, writing attune.1 in its work folder.
  echo "Generating the manual page..."
  "$swift" package --disable-sandbox generate-manual --configuration "$configuration" >>"$log" 2>&1 \
    || { echo "error: the manual page could not be generated; see $log." >&2; exit 1; }
  manual="$(find .build/plugins -path '*GenerateManual*' -name attune.1 -newer "$binary" -print -quit)"
  [ -n "$manual" ] || { echo "error: the GenerateManual plugin wrote no attune.1; see $log." >&2; exit 1; }
fi
[ -x "$binary" ] || { echo "error: $binary is not an executable program." >&2; exit 2; }
[ -s "$manual" ] || { echo "error: the manual page $manual is missing or empty." >&2; exit 2; }

created_prefix=false
if [ ! -d "$prefix" ]; then
  mkdir -p "$prefix"
  created_prefix=true
fi
prefix="$(cd "$prefix" && pwd)"
manifest_name="share/attune/install-manifest.txt"

# An earlier install here: remove the files it wrote, remembering the folders it created.
earlier_folders=()
if [ -f "$prefix/$manifest_name" ]; then
  while IFS= read -r line; do
    case "$line" in "folder "*) earlier_folders+=("${line#folder }") ;; esac
  done <"$prefix/$manifest_name"
  scripts/uninstall.sh --prefix "$prefix" --files-only
fi

files=()
folders=()
$created_prefix && folders+=(.)
# Creates the folders of relative path $1 under the prefix that are missing, remembering each.
make_folders() {
  local path="" part
  local IFS=/
  for part in $(dirname "$1"); do
    path="${path:+$path/}$part"
    if [ ! -d "$prefix/$path" ]; then
      mkdir -m 0755 "$prefix/$path"
      folders+=("$path")
    fi
  done
}
# put SOURCE DEST MODE: copies a file to DEST (relative to the prefix).
put() {
  make_folders "$2"
  install -m "$3" "$1" "$prefix/$2"
  files+=("$2")
}
# write DEST: writes standard input to DEST (relative to the prefix), mode 0644.
write() {
  make_folders "$1"
  cat >"$prefix/$1.tmp"
  chmod 0644 "$prefix/$1.tmp"
  mv -f "$prefix/$1.tmp" "$prefix/$1"
  files+=("$1")
}

put "$binary" bin/attune 0755
while IFS= read -r -d '' file; do
  put "$file" "share/attune/$file" 0644
done < <(find Knowledge Scenarios -type f ! -name '.*' -print0 | sort -z)
for guide in authoring.md knowledge.md ratings-policy.md; do
  put "docs/$guide" "share/doc/attune/$guide" 0644
done
put "$manual" share/man/man1/attune.1 0644
"$prefix/bin/attune" --generate-completion-script bash | write share/bash-completion/completions/attune
"$prefix/bin/attune" --generate-completion-script zsh | write share/zsh/site-functions/_attune
"$prefix/bin/attune" --generate-completion-script fish | write share/fish/vendor_completions.d/attune.fish

# The folders this install created, and those an earlier one did (still there after its removal).
for folder in "${earlier_folders[@]+"${earlier_folders[@]}"}"; do
  [ -d "$prefix/$folder" ] && [[ " ${folders[*]+"${folders[*]}"} " != *" $folder "* ]] && folders+=("$folder")
done
make_folders "$manifest_name"
{
  echo "# Written by Attune's scripts/install.sh. scripts/uninstall.sh (make uninstall) removes these"
  echo "# files, then these folders if they are empty. Paths are relative to $prefix."
  for file in "${files[@]}"; do echo "file $file"; done
  for folder in "${folders[@]+"${folders[@]}"}"; do echo "folder $folder"; done
} >"$prefix/$manifest_name"
chmod 0644 "$prefix/$manifest_name"

echo "Installed Attune in $prefix: the program is $prefix/bin/attune."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it (for bash: echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc) to type 'attune' anywhere." ;;
esac
