#!/usr/bin/env bash
# Writes the manual page and the shell completions of a built program into a folder:
# attune.1 (by swift-argument-parser's generate-manual, the tool behind its GenerateManual
# plugin, run on the program exactly as the plugin runs it) and completion.bash,
# completion.zsh and completion.fish (by the program itself). For scripts/install.sh and
# scripts/deb.sh.
#
# Usage: scripts/generate-pages.sh PROGRAM GENERATE-MANUAL FOLDER
set -euo pipefail
binary="${1:?usage: scripts/generate-pages.sh PROGRAM GENERATE-MANUAL FOLDER}"
tool="${2:?usage: scripts/generate-pages.sh PROGRAM GENERATE-MANUAL FOLDER}"
folder="${3:?usage: scripts/generate-pages.sh PROGRAM GENERATE-MANUAL FOLDER}"
[ -x "$binary" ] || { echo "error: $binary is not an executable program." >&2; exit 2; }
[ -x "$tool" ] || { echo "error: swift-argument-parser's generate-manual is not at $tool; build it with 'swift build --product generate-manual'." >&2; exit 2; }
mkdir -p "$folder"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$tool" "$binary" --output-directory "$work" >/dev/null
[ -s "$work/attune.1" ] || { echo "error: generate-manual wrote no manual page (attune.1) for $binary." >&2; exit 2; }
# generate-manual keeps the blank line between paragraphs, which groff warns about (man shows
# "mdoc warning: Empty input line"); .Pp is mdoc's paragraph break.
sed 's/^$/.Pp/' "$work/attune.1" >"$folder/attune.1"
for shell in bash zsh fish; do
  "$binary" --generate-completion-script "$shell" >"$work/completion.$shell"
done
# A completion script is sourced, never run: bash's needs no '#!' line (lintian warns of one).
sed '1{/^#!/d}' "$work/completion.bash" >"$folder/completion.bash"
cp "$work/completion.zsh" "$work/completion.fish" "$folder/"
