#!/usr/bin/env bash
# Builds the Debian package attune_VERSION_ARCH.deb with dpkg-deb:
#   /usr/bin/attune                                      the program, stripped
#   /usr/share/attune/Knowledge, Scenarios               the content it comes with
#   /usr/share/doc/attune/*.md                           the guides ('attune help format')
#   /usr/share/doc/attune/copyright, changelog.Debian.gz the licences of everything in it
#   /usr/share/man/man1/attune.1.gz                      the manual page
#   /usr/share/bash-completion/completions/attune        completions for bash,
#   /usr/share/zsh/vendor-completions/_attune            zsh
#   /usr/share/fish/vendor_completions.d/attune.fish     and fish
#   /usr/share/lintian/overrides/attune                  lintian's one error left, with the reason
# The version is the program's own ('attune --version', from AttuneVersion.swift), with the
# Debian revision DEB_REVISION (default 1). Depends is worked out by dpkg-shlibdeps from the
# libraries the program loads. The package's maintainer is DEB_MAINTAINER (a name and address).
#
# Usage: scripts/deb.sh [--output DIR] [--binary FILE] [--scratch-path DIR]
# It builds the self-contained release program (scripts/build-program.sh) unless --binary
# names a program built already, with generate-manual beside it: the package test does this
# with the debug build, which loads the Swift toolchain's libraries and so runs only where the
# toolchain is installed at the same place. The package goes in DIR (default .build/deb);
# its path is printed on standard output, and nothing else is.
set -euo pipefail

output=".build/deb"
binary=""
scratch=()
while [ $# -gt 0 ]; do
  case "$1" in
    --output) output="${2:?--output needs a folder}"; shift 2 ;;
    --binary) binary="${2:?--binary needs the program to package}"; shift 2 ;;
    --scratch-path) scratch=(--scratch-path "${2:?--scratch-path needs a folder}"); shift 2 ;;
    *) echo "error: unknown argument '$1'. Usage: scripts/deb.sh [--output DIR] [--binary FILE] [--scratch-path DIR]" >&2; exit 2 ;;
  esac
done
for tool in dpkg-deb dpkg-shlibdeps strip gzip; do
  command -v "$tool" >/dev/null 2>&1 \
    || { echo "error: $tool is missing; scripts/install-deb-tools.sh installs what 'make deb' needs (dpkg-dev, binutils, lintian)." >&2; exit 1; }
done
case "$output" in /*) ;; *) output="$PWD/$output" ;; esac
case "$binary" in /*|"") ;; *) binary="$PWD/$binary" ;; esac
cd "$(dirname "$0")/.."

if [ -z "$binary" ]; then
  built="$(scripts/build-program.sh --configuration release "${scratch[@]+"${scratch[@]}"}")"
  binary="$(sed -n 1p <<<"$built")"
  tool="$(sed -n 2p <<<"$built")"
else
  tool="$(dirname "$binary")/generate-manual"
fi
[ -x "$binary" ] || { echo "error: $binary is not an executable program." >&2; exit 2; }

upstream="$("$binary" --version)"
[[ "$upstream" =~ ^[0-9][0-9A-Za-z.+~]*$ ]] \
  || { echo "error: '$binary --version' printed '$upstream', which is not a version Debian accepts." >&2; exit 1; }
version="$upstream-${DEB_REVISION:-1}"
architecture="$(dpkg --print-architecture)"
maintainer="${DEB_MAINTAINER:-Attune maintainers <attune@example.org>}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/attune"
# put SOURCE PATH MODE: copies a file into the package at PATH (under /).
put() {
  install -d -m 0755 "$root/$(dirname "$2")"
  install -m "$3" "$1" "$root/$2"
}

put "$binary" usr/bin/attune 0755
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$root/usr/bin/attune"
while IFS= read -r -d '' file; do
  put "$file" "usr/share/attune/$file" 0644
done < <(find Knowledge Scenarios -type f ! -name '.*' -print0 | sort -z)
for guide in authoring.md knowledge.md ratings-policy.md; do
  put "docs/$guide" "usr/share/doc/attune/$guide" 0644
done
put scripts/debian/copyright usr/share/doc/attune/copyright 0644
put scripts/debian/lintian-overrides usr/share/lintian/overrides/attune 0644

scripts/generate-pages.sh "$binary" "$tool" "$work/generated"
gzip -9n <"$work/generated/attune.1" >"$work/attune.1.gz"
put "$work/attune.1.gz" usr/share/man/man1/attune.1.gz 0644
put "$work/generated/completion.bash" usr/share/bash-completion/completions/attune 0644
put "$work/generated/completion.zsh" usr/share/zsh/vendor-completions/_attune 0644
put "$work/generated/completion.fish" usr/share/fish/vendor_completions.d/attune.fish 0644

# The changelog's date is that of the commit that last set the version, so the same source
# makes the same package.
when="$(git log -1 --format=%cD -- Sources/AttuneCore/Library/AttuneVersion.swift 2>/dev/null || true)"
[ -n "$when" ] || when="$(date -R -r Sources/AttuneCore/Library/AttuneVersion.swift)"
{
  echo "attune ($version) unstable; urgency=medium"
  echo
  echo "  * Attune $upstream, packaged from its source tree by scripts/deb.sh."
  echo
  echo " -- $maintainer  $when"
} | gzip -9n >"$work/changelog.Debian.gz"
put "$work/changelog.Debian.gz" usr/share/doc/attune/changelog.Debian.gz 0644

# dpkg-shlibdeps reads debian/control of a source package: a minimal one, in the work folder.
mkdir -p "$work/debian"
printf 'Source: attune\n\nPackage: attune\nArchitecture: any\n' >"$work/debian/control"
# A program built without --static-swift-stdlib loads the Swift runtime from the toolchain.
toolchain="$(env -u LD_LIBRARY_PATH ldd "$binary" | sed -n 's|.*libswiftCore\.so => \(/.*\)/libswiftCore\.so .*|\1|p')"
shlibdeps=()
if [ -n "$toolchain" ]; then
  echo "note: $binary loads the Swift toolchain's own libraries (from $toolchain), which no Debian package provides: this package runs only where that toolchain is installed at the same place. 'make deb' without BINARY builds the self-contained program." >&2
  shlibdeps+=(--ignore-missing-info)
fi
depends="$(cd "$work" && dpkg-shlibdeps -O "${shlibdeps[@]+"${shlibdeps[@]}"}" -e attune/usr/bin/attune 2>"$work/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')" \
  || { cat "$work/shlibdeps.log" >&2; echo "error: dpkg-shlibdeps could not work out the package's dependencies." >&2; exit 1; }
[ ${#shlibdeps[@]} -gt 0 ] || cat "$work/shlibdeps.log" >&2
[ -n "$depends" ] || { echo "error: dpkg-shlibdeps found no dependencies for the program." >&2; exit 1; }

install -d -m 0755 "$root/DEBIAN"
(cd "$root" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/md5sums"
cat >"$root/DEBIAN/control" <<CONTROL
Package: attune
Version: $version
Architecture: $architecture
Maintainer: $maintainer
Installed-Size: $(du -s -k --apparent-size "$root/usr" | cut -f1)
Depends: $depends
Section: education
Priority: optional
Description: learning companion for people who work with babies and families
 Attune is a terminal learning companion for home visitors, early care
 teachers, nurses, child welfare staff and clinicians training in infant and
 early childhood mental health. It is a line-editing shell over a knowledge
 base (attachment, toxic stress, reflective practice, the programs families
 are referred to) and branching case scenarios with reflective feedback, with
 a private journal, group play where phones vote, and tools for authors.
 .
 Everything a learner writes stays on the computer, in a folder private to
 them.
CONTROL
chmod 0644 "$root/DEBIAN/control"

mkdir -p "$output"
package="$output/attune_${version}_${architecture}.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$package" >/dev/null
echo "Built $package ($(du -h "$package" | cut -f1)); Depends: $depends" >&2
echo "$package"
