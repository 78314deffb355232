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
	$(SWIFT) build --build-tests 2>&1 | tee $(BUILD_LOG); test $${PIPESTATUS[0]} -eq 0
	@scripts/check-warnings.sh $(BUILD_LOG)
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
