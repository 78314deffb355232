#!/usr/bin/env bash
# Builds the program for scripts/install.sh and scripts/deb.sh, and prints two lines: the
# path of the program, then that of swift-argument-parser's generate-manual (the manual
# page's generator, built in debug mode: it is small and fast either way).
#
# Usage: scripts/build-program.sh [--configuration release|debug] [--scratch-path DIR] [--program-only]
# --program-only skips generate-manual (make bench) and prints the program's path alone.
#
# release (the default): the self-contained program. The Swift runtime and Foundation are
# linked in (--static-swift-stdlib), so it loads no library from the Swift toolchain, only
# Debian's: libc, libstdc++, libedit, libqrencode, libstemmer, SQLite and libcurl (FoundationNetworking,
# for sending learning records). It checks that with ldd and fails if one comes from the
# toolchain. debug: the ordinary dynamic build, for development.
# Compiler output goes to .build/build-CONFIGURATION.log; a warning in the project's code fails.
set -euo pipefail

configuration=release
scratch=()
program_only=false
while [ $# -gt 0 ]; do
  case "$1" in
    --configuration) configuration="${2:?--configuration needs release or debug}"; shift 2 ;;
    --scratch-path) scratch=(--scratch-path "${2:?--scratch-path needs a folder}"); shift 2 ;;
    --program-only) program_only=true; shift ;;
    *) echo "error: unknown argument '$1'. Usage: scripts/build-program.sh [--configuration release|debug] [--scratch-path DIR] [--program-only]" >&2; exit 2 ;;
  esac
done
case "$configuration" in release|debug) ;; *) echo "error: --configuration is release or debug, not '$configuration'." >&2; exit 2 ;; esac

cd "$(dirname "$0")/.."
swift="${SWIFT:-swift}"
flags=(-c "$configuration" "${scratch[@]+"${scratch[@]}"}")
# FoundationNetworking, linked statically, links libcurl (its development files: libcurl4-openssl-dev).
[ "$configuration" = release ] && flags+=(--static-swift-stdlib)

mkdir -p .build
log=".build/build-$configuration.log"
echo "Building Attune ($configuration)..." >&2
"$swift" build "${flags[@]}" --product attune >"$log" 2>&1 \
  || { tail -n 30 "$log" >&2; echo "error: the build failed; the whole log is in $log." >&2; exit 1; }
scripts/check-warnings.sh "$log" >&2
binary="$("$swift" build "${flags[@]}" --show-bin-path)/attune"
if ! $program_only; then
  "$swift" build "${scratch[@]+"${scratch[@]}"}" --product generate-manual >>"$log" 2>&1 \
    || { echo "error: swift-argument-parser's generate-manual could not be built; see $log." >&2; exit 1; }
  tool="$("$swift" build "${scratch[@]+"${scratch[@]}"}" --show-bin-path)/generate-manual"
fi

if [ "$configuration" = release ]; then
  toolchain="$(cd "$(dirname "$(readlink -f "$(command -v "$swift")")")/.." && pwd)"
  from_toolchain="$(env -u LD_LIBRARY_PATH ldd "$binary" | grep -F "$toolchain/" || true)"
  if [ -n "$from_toolchain" ]; then
    echo "$from_toolchain" >&2
    echo "error: the release program loads the libraries above from the Swift toolchain ($toolchain), so it is not self-contained." >&2
    exit 1
  fi
  if env -u LD_LIBRARY_PATH ldd "$binary" | grep -F "not found" >&2; then
    echo "error: the release program needs the libraries above, which are not installed." >&2
    exit 1
  fi
fi
echo "$binary"
$program_only || echo "$tool"
