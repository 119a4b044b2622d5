# Sourcelight — `make demo` builds and serves the demo; `make test` runs every test.
# Every install step checks first and skips itself when the tool is already there.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

CARGO ?= cargo
SHARED ?= ../shared
POLNEAR ?= $(SHARED)/polnear-train
REAL_PAGES ?= $(SHARED)/real-pages

.PHONY: all test test-rust eval eval-real eval-update-floors train-model check-model bench fmt-check clippy

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
# The learned cue model is cross-validated (--folds 5): each article is read by a model trained
# without it. EVAL_ARGS=--rules-only measures the rules alone.
eval-real:
	@if [ ! -d "$(POLNEAR)/attributions" ]; then \
	  echo "eval-real: no PolNeAR data at $(POLNEAR) (expected text/ and attributions/ there; set POLNEAR=DIR)"; exit 2; fi
	$(CARGO) run --quiet --release --bin sourcelight -- eval --brat $(POLNEAR) --folds 5 --sample $(SAMPLE) --seed $(SEED) $(EVAL_ARGS)

# The learned English cue model (src/model/cues-en.bin), trained on PolNeAR; deterministic.
train-model:
	@if [ ! -d "$(POLNEAR)/attributions" ]; then echo "train-model: no PolNeAR data at $(POLNEAR) (set POLNEAR=DIR)"; exit 2; fi
	$(CARGO) run --quiet --release --bin sourcelight -- train --brat $(POLNEAR)

# Fails when the committed model is not what training gives today (skipped without the data).
check-model:
	@if [ ! -d "$(POLNEAR)/attributions" ]; then echo "check-model: skipped: no PolNeAR data at $(POLNEAR)"; exit 0; fi
	$(CARGO) run --quiet --release --bin sourcelight -- train --brat $(POLNEAR) --check

# Speed of analyze (criterion, release build): one 1,200-word article, 10 MB of mixed
# English and Spanish (MB/s), and 1 MB against 10 MB of the same mix (linearity). About 1-2 minutes.
bench:
	$(CARGO) bench --bench analyze

## ---- everything ------------------------------------------------------------------

test: test-rust eval check-model fuzz-short test-wasm test-e2e lint-extension
	@echo "make test: all suites passed"

## ---- web: wasm, extension, demo (owner: extension/www) ------------------------
# dist/pkg       wasm-bindgen --target web output, wasm-opt -Oz'd
# dist/chromium  unpacked extension for Chromium (load this folder)
# dist/firefox   unpacked extension for Firefox
# dist/www       the static demo site
# dist/sourcelight-{chromium,firefox}.zip

WASM_RAW := target/wasm32-unknown-unknown/wasm/sourcelight.wasm
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/{getline; gsub(/"/, "", $$3); print $$3}' Cargo.lock)
NODE_BIN := node_modules/.bin
# The features rustc's wasm target emits; the metadata sections (producers, target features) are
# left out of the shipped wasm. (--converge, -Oz twice and opt-level "s" were each larger gzipped.)
WASM_OPT_FLAGS := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue --strip-debug --strip-producers --strip-target-features
E2E_ARGS ?=

.PHONY: install-web install-npm install-wasm-tools install-chromium install-firefox install-poppler wasm dist extension www demo test-wasm test-e2e lint-extension bench-web

install-web: install-npm install-wasm-tools install-chromium install-firefox install-poppler

install-npm: node_modules/.sourcelight-stamp
node_modules/.sourcelight-stamp: package.json package-lock.json
	npm ci --no-audit --no-fund || npm install --no-audit --no-fund
	touch $@

install-wasm-tools:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if [ "$$(wasm-bindgen --version 2>/dev/null | awk '{print $$2}')" != "$(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (3-4 minutes)"; \
	  $(CARGO) install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); fi

install-chromium:
	@if [ ! -x /usr/bin/chromium ]; then apt-get update && apt-get install -y chromium; fi

# Firefox ESR and geckodriver for the Firefox smoke test (which skips, saying so, without them).
install-firefox:
	@if [ ! -x /usr/bin/firefox-esr ]; then (apt-get update && apt-get install -y firefox-esr) || echo "WARNING: firefox-esr did not install: the Firefox smoke test will be skipped"; fi
	@if ! command -v geckodriver >/dev/null && [ ! -x $$HOME/.cargo/bin/geckodriver ]; then \
	  echo "installing geckodriver from crates.io (a few minutes)"; \
	  $(CARGO) install geckodriver || echo "WARNING: geckodriver did not install: the Firefox smoke test will be skipped"; fi

# pdftotext (Debian's poppler-utils) reads the print view's PDF back in the classroom test
# (which checks the PDF's page count and the page's text only, saying so, without it).
install-poppler:
	@if ! command -v pdftotext >/dev/null; then (apt-get update && apt-get install -y poppler-utils) || echo "WARNING: poppler-utils did not install: the print-view test will not read the PDF's text"; fi

wasm: install-wasm-tools install-npm
	$(CARGO) build --profile wasm --target wasm32-unknown-unknown --lib
	@# Built in a fresh folder and moved into place whole, so an interrupted or concurrent
	@# build never leaves a truncated dist/pkg behind.
	@if [ ! -s dist/pkg/sourcelight_bg.wasm ] || [ $(WASM_RAW) -nt dist/pkg/sourcelight_bg.wasm ]; then \
	  set -e; mkdir -p dist; tmp=$$(mktemp -d dist/.pkg.XXXXXX); chmod 755 $$tmp; \
	  wasm-bindgen --target web --no-typescript --out-dir $$tmp $(WASM_RAW); \
	  $(NODE_BIN)/wasm-opt -Oz $(WASM_OPT_FLAGS) $$tmp/sourcelight_bg.wasm -o $$tmp/opt.wasm; \
	  mv $$tmp/opt.wasm $$tmp/sourcelight_bg.wasm; \
	  rm -rf dist/pkg.old; if [ -d dist/pkg ]; then mv dist/pkg dist/pkg.old; fi; mv $$tmp dist/pkg; rm -rf dist/pkg.old; \
	  echo "wasm-bindgen + wasm-opt -Oz -> dist/pkg"; \
	fi
	@node scripts/size.mjs dist/pkg/sourcelight_bg.wasm

dist: wasm
	node scripts/build.mjs

extension www: dist

demo: dist
	@node scripts/serve.mjs dist/www --port 8000 --banner

test-wasm: wasm
	node --test tests/e2e/*.test.mjs

test-e2e: dist install-chromium install-firefox install-poppler
	REAL_PAGES=$(REAL_PAGES) node --test --test-concurrency=1 $(E2E_ARGS) tests/e2e/*.e2e.mjs

lint-extension: dist
	$(NODE_BIN)/web-ext lint --source-dir dist/firefox --self-hosted=false --warnings-as-errors --output=text

bench-web: dist install-chromium
	node tests/e2e/bench.mjs

## ---- fuzzing (owner: fuzz/) ------------------------------------------------------
# cargo-fuzz (libFuzzer + AddressSanitizer, release build with debug assertions) on stable Rust: RUSTC_BOOTSTRAP=1 lets stable
# accept the -Z flags cargo-fuzz passes. Targets: analyze (bytes read lossily as UTF-8:
# no panic, valid UTF-16 spans, claims in order, valid ids, deterministic) and offsets
# (Utf16Index against the naive count). Checks in fuzz/src/lib.rs; seeds in fuzz/seeds/.
# A crash is saved under fuzz/artifacts/TARGET/ and fails the run;
# replay it with: RUSTC_BOOTSTRAP=1 cargo fuzz run -O -a TARGET fuzz/artifacts/TARGET/crash-…
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := analyze offsets
CARGO_FUZZ_VERSION := 0.13.2
# -timeout: an input of at most 8 KB taking over 10 s is a hang (super-linear time) and fails too.
FUZZ_ARGS ?= -max_len=8192 -timeout=10 -print_final_stats=1

.PHONY: install-cargo-fuzz fuzz fuzz-short

install-cargo-fuzz:
	@$(CARGO) fuzz --version >/dev/null 2>&1 || { echo "installing cargo-fuzz $(CARGO_FUZZ_VERSION) (2-4 minutes)"; \
	  $(CARGO) install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked; }

# Each target for FUZZ_SECONDS (default 60), growing fuzz/corpus/TARGET (gitignored) from the seeds.
fuzz: install-cargo-fuzz
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; dict=""; [ -f fuzz/dict/$$t.dict ] && dict="-dict=fuzz/dict/$$t.dict"; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run -O -a $$t fuzz/corpus/$$t fuzz/seeds/$$t -- \
	    -max_total_time=$(FUZZ_SECONDS) $$dict $(FUZZ_ARGS) 2>&1 | grep -v -E '^#[0-9]+.*(NEW|REDUCE|pulse)' ; \
	done

# CI's short pass: each target for 20 s from the committed seeds only (a fresh corpus each run).
fuzz-short: install-cargo-fuzz
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p $$tmp/$$t; dict=""; [ -f fuzz/dict/$$t.dict ] && dict="-dict=fuzz/dict/$$t.dict"; \
	  echo "fuzz-short: $$t for 20 s"; \
	  RUSTC_BOOTSTRAP=1 $(CARGO) fuzz run -O -a $$t $$tmp/$$t fuzz/seeds/$$t -- \
	    -max_total_time=20 $$dict $(FUZZ_ARGS) 2>&1 | grep -v -E '^#[0-9]+.*(NEW|REDUCE|pulse)' ; \
	done
