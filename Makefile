# lineage: build, test, demo, benchmarks. `make help` lists the targets.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FIXTURES := Tests/LineageKitTests/Fixtures
SIZE ?= 1m
RUNS ?= 5
BENCH_DIR := bench/data
FUZZ_ITERATIONS ?= 200000

.PHONY: help deps test-deps build release test doc-check doc-update demo bench fuzz lint format clean

help:
	@echo "make deps    install what building and testing need (liblmdb-dev lmdb-utils graphviz pkg-config; jsonschema and lmdb from PyPI)"
	@echo "make test    build and run the whole test suite, then check the docs' console examples"
	@echo "make demo    build, then verify, show and draw the four-stage fixture (demo/four_stage.svg)"
	@echo "make bench   release build + benchmark table against the floor, bench/floor.c (SIZE=100k, 1m or 10m)"
	@echo "make fuzz    a long seeded mutation campaign against verify (FUZZ_ITERATIONS=$(FUZZ_ITERATIONS))"
	@echo "make lint    swift format lint"

# Installed only when one is missing, after refreshing the package lists.
DEBIAN_PACKAGES := liblmdb-dev lmdb-utils graphviz pkg-config python3-pip

deps:
	@if ! dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq $(DEBIAN_PACKAGES); \
	fi

# The JSON-report tests validate against Docs/verify-report.schema.json with jsonschema;
# the structure tests write files the recorder cannot (overflow pages, nested duplicate
# trees, other key orders) with py-lmdb, an independent writer.
# Debian's Python refuses pip installs outside a virtual environment unless told otherwise.
PYTHON_TEST_PACKAGES := jsonschema lmdb

test-deps: deps
	@python3 -c 'import jsonschema, lmdb' 2>/dev/null || python3 -m pip install --quiet $(PYTHON_TEST_PACKAGES) 2>/dev/null \
		|| python3 -m pip install --quiet --break-system-packages $(PYTHON_TEST_PACKAGES)

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: test-deps
	$(SWIFT) build
	$(SWIFT) test
	$(MAKE) doc-check

# Every console example in README.md and Docs/*.md, run against the debug build: the
# docs show what the binary prints. `make doc-update` rewrites them from the binary.
doc-check:
	python3 scripts/check-doc-examples.py .build/debug

doc-update: build
	python3 scripts/check-doc-examples.py --update .build/debug

demo: build
	@mkdir -p demo
	.build/debug/lineage verify $(FIXTURES)/four_stage.mdb
	.build/debug/lineage show -c $(FIXTURES)/four_stage.mdb ffda
	.build/debug/lineage export-dot -c $(FIXTURES)/four_stage.mdb > demo/four_stage.dot
	dot -Tsvg demo/four_stage.dot > demo/four_stage.svg
	@echo "wrote demo/four_stage.svg"

# The floor: bench/floor.c reads every entry of the four sub-databases with liblmdb.
$(BENCH_DIR)/floor: bench/floor.c
	@mkdir -p $(BENCH_DIR)
	cc -O2 -Wall -o $@ $< -llmdb

# Written by lineage's own recorder the way the pipeline writes: one write transaction
# per emission (--batch-size 1), so the file has the pipeline's layout and free pages.
# 100k = 97,000 tasks, 1m = 970,000 tasks (about 420 MB), 10m = 9.7 million (about 4 GB).
ROOTS_100k := 1000
ROOTS_1m := 10000
ROOTS_10m := 100000
$(BENCH_DIR)/ckpt-%.mdb: | release
	@test -n "$(ROOTS_$*)" || { echo "unknown SIZE=$*; use 100k, 1m or 10m"; exit 2; }
	@mkdir -p $(BENCH_DIR)
	.build/release/lineage fixture pipeline $@.part --force --roots $(ROOTS_$*) \
		--fanout 40 --fanin 5 --complete 0.6 --batch-size 1
	mv $@.part $@

bench: release $(BENCH_DIR)/floor $(BENCH_DIR)/ckpt-$(SIZE).mdb
	python3 bench/bench.py --lineage .build/release/lineage --floor $(BENCH_DIR)/floor \
		--checkpoint $(BENCH_DIR)/ckpt-$(SIZE).mdb --small $(FIXTURES)/four_stage.mdb --runs $(RUNS)

# A long seeded mutation campaign: verify must give every damaged copy a verdict in
# time, and never pass a copy whose content a reader would see differently.
FUZZ_SEED ?= 1
fuzz: deps
	LINEAGE_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) LINEAGE_FUZZ_SEED=$(FUZZ_SEED) \
		$(SWIFT) test -c release --filter 'VerifierFuzz|StructureFuzz'

lint:
	$(SWIFT) format lint --recursive Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests

clean:
	rm -rf .build demo
