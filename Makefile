SHELL := /bin/bash
# Two commands on a fresh Debian machine: `make run` opens the shell, `make test` runs the
# tests. Both install what is missing first (apt-get, as root) and build.
SWIFT ?= swift
BUILD_LOG := .build/build.log

.PHONY: run test build deps clean

deps:
	@scripts/install-deps.sh

build: deps
	@mkdir -p .build
	$(SWIFT) build 2>&1 | tee $(BUILD_LOG); test $${PIPESTATUS[0]} -eq 0
	@scripts/check-warnings.sh $(BUILD_LOG)

run: build
	@.build/debug/attune $(ARGS)

test: deps
	@mkdir -p .build
	@scripts/install-lrs.sh
	@scripts/install-browser.sh
	@scripts/install-deb-tools.sh || echo "note: the package test will say what it skips without dpkg-dev or lintian." >&2
	$(SWIFT) build --build-tests 2>&1 | tee $(BUILD_LOG); test $${PIPESTATUS[0]} -eq 0
	@scripts/check-warnings.sh $(BUILD_LOG)
	@# The manual page's generator (swift-argument-parser's), for the install test: SwiftPM
	@# cannot build while `swift test` holds .build.
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build --no-parallel

clean:
	rm -rf .build

# `make bench`: the benchmark tables (Benchmarks/ is its own package, built in release mode
# into Benchmarks/.build, so it never touches this package's .build), and the self-contained
# program into Benchmarks/.build/static for the builds section. ARGS passes options to
# attune-bench, e.g. make bench ARGS="--only search".
BENCH_LOG := Benchmarks/.build/build.log
.PHONY: bench

bench: deps
	@mkdir -p Benchmarks/.build
	$(SWIFT) build -c release --package-path Benchmarks 2>&1 | tee $(BENCH_LOG); test $${PIPESTATUS[0]} -eq 0
	$(SWIFT) build -c release --package-path Benchmarks --product attune 2>&1 | tee -a $(BENCH_LOG); test $${PIPESTATUS[0]} -eq 0
	@if grep -E "^/.*/Benchmarks/Sources/.*: warning:" $(BENCH_LOG); then \
		echo "error: the benchmarks build has warnings (listed above)." >&2; exit 1; fi
	@# The self-contained program, as make install builds it, for the builds section (in a
	@# scratch folder of its own: its flags differ from the dynamic release build's).
	@set -o pipefail; program="$$(SWIFT="$(SWIFT)" scripts/build-program.sh --configuration release \
		--scratch-path Benchmarks/.build/static --program-only | sed -n 1p)" && cp "$$program" Benchmarks/.build/attune-self-contained
	strip --strip-unneeded Benchmarks/.build/attune-self-contained
	Benchmarks/.build/release/attune-bench --self-contained Benchmarks/.build/attune-self-contained $(ARGS)

# `make install`: the self-contained release program (the Swift runtime linked in, stripped;
# scripts/build-program.sh) for daily use under PREFIX (default ~/.local, no root needed):
# the program in PREFIX/bin, the content in PREFIX/share/attune, the guides, a manual page and
# completions for bash, zsh and fish. `make uninstall` removes exactly what it wrote
# (listed in PREFIX/share/attune/install-manifest.txt). BUILD=debug installs the dynamic debug
# build, for development; BINARY=FILE installs that program, built already (the install test
# uses it). SCRATCH=DIR builds in DIR instead of .build.
PREFIX ?= $(HOME)/.local
BUILD ?= release
.PHONY: install uninstall deb

install: deps
	@SWIFT="$(SWIFT)" scripts/install.sh --prefix "$(PREFIX)" --configuration "$(BUILD)" $(if $(BINARY),--binary "$(BINARY)") $(if $(SCRATCH),--scratch-path "$(SCRATCH)")

uninstall:
	@scripts/uninstall.sh --prefix "$(PREFIX)"

# `make deb`: the Debian package attune_VERSION_ARCH.deb in DEB_DIR (default .build/deb), of
# the self-contained release program (scripts/deb.sh), then lintian on it: an error fails.
# BINARY=FILE packages that program instead (the package test does, with the debug build,
# whose RUNPATH into the Swift toolchain lintian rightly calls an error: not checked then).
DEB_DIR ?= .build/deb
deb: deps
	@scripts/install-deb-tools.sh
	@package="$$(SWIFT="$(SWIFT)" scripts/deb.sh --output "$(DEB_DIR)" $(if $(BINARY),--binary "$(BINARY)") $(if $(SCRATCH),--scratch-path "$(SCRATCH)"))" \
		&& echo "lintian $$package" && lintian --fail-on error --info $(if $(BINARY),--suppress-tags custom-library-search-path) "$$package"
