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
	$(SWIFT) build --build-tests 2>&1 | tee $(BUILD_LOG); test $${PIPESTATUS[0]} -eq 0
	@scripts/check-warnings.sh $(BUILD_LOG)
	@# The manual page's generator (swift-argument-parser's), for the install test: SwiftPM
	@# cannot build while `swift test` holds .build.
	$(SWIFT) build --product generate-manual
	$(SWIFT) test --skip-build --no-parallel

clean:
	rm -rf .build

# `make bench`: the benchmark tables (Benchmarks/ is its own package, built in release mode
# into Benchmarks/.build, so it never touches this package's .build). ARGS passes options to
# attune-bench, e.g. make bench ARGS="--only search".
BENCH_LOG := Benchmarks/.build/build.log
.PHONY: bench

bench: deps
	@mkdir -p Benchmarks/.build
	$(SWIFT) build -c release --package-path Benchmarks 2>&1 | tee $(BENCH_LOG); test $${PIPESTATUS[0]} -eq 0
	$(SWIFT) build -c release --package-path Benchmarks --product attune 2>&1 | tee -a $(BENCH_LOG); test $${PIPESTATUS[0]} -eq 0
	@if grep -E "^/.*/Benchmarks/Sources/.*: warning:" $(BENCH_LOG); then \
		echo "error: the benchmarks build has warnings (listed above)." >&2; exit 1; fi
	Benchmarks/.build/release/attune-bench $(ARGS)

# `make install`: a release build for daily use under PREFIX (default ~/.local, no root needed):
# the program in PREFIX/bin, the content in PREFIX/share/attune, the guides, a manual page and
# completions for bash, zsh and fish. `make uninstall` removes exactly what it wrote
# (listed in PREFIX/share/attune/install-manifest.txt). BUILD=debug installs a debug build;
# BINARY=FILE installs that program, built already (the install test uses it).
PREFIX ?= $(HOME)/.local
BUILD ?= release
.PHONY: install uninstall

install: deps
	@SWIFT="$(SWIFT)" scripts/install.sh --prefix "$(PREFIX)" --configuration "$(BUILD)" $(if $(BINARY),--binary "$(BINARY)")

uninstall:
	@scripts/uninstall.sh --prefix "$(PREFIX)"
