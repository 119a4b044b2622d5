# Sourcelight — `make demo` builds and serves the demo; `make test` runs every test.
# Every install step checks first and skips itself when the tool is already there.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

CARGO ?= cargo
SHARED ?= ../shared
POLNEAR ?= $(SHARED)/polnear-train
REAL_PAGES ?= $(SHARED)/real-pages

.PHONY: all test test-rust eval eval-real eval-update-floors bench fmt-check clippy

all: native

## ---- native core and command-line tool -------------------------------------

native:
	$(CARGO) build --release --bin sourcelight

test-rust:
	$(CARGO) test --all-targets

## ---- accuracy ------------------------------------------------------------------

EVAL_FLOORS ?= tests/eval_floors.toml
EVAL_ARGS ?=
SAMPLE ?= 15
SEED ?= 1

# The team's corpus: precision/recall/F1 per kind, sentences, groups, checks;
# fails when a figure drops below tests/eval_floors.toml. EVAL_ARGS=--mismatches lists every miss.
eval:
	$(CARGO) run --quiet --bin sourcelight -- eval --corpus tests/corpus --floors $(EVAL_FLOORS) $(EVAL_ARGS)

# After an improvement: raise the floors to today's figures (it never lowers one).
eval-update-floors:
	$(CARGO) run --quiet --bin sourcelight -- eval --corpus tests/corpus --floors $(EVAL_FLOORS) --update-floors

# Real news (PolNeAR, 840 articles): sentence-level precision/recall of attribution
# detection, and a seeded sample of missed and spurious sentences (SAMPLE=N SEED=S).
eval-real:
	@if [ ! -d "$(POLNEAR)/attributions" ]; then \
	  echo "eval-real: no PolNeAR data at $(POLNEAR) (expected text/ and attributions/ there; set POLNEAR=DIR)"; exit 2; fi
	$(CARGO) run --quiet --release --bin sourcelight -- eval --brat $(POLNEAR) --sample $(SAMPLE) --seed $(SEED) $(EVAL_ARGS)

## ---- everything ------------------------------------------------------------------

test: test-rust eval
	@echo "make test: all suites passed"
