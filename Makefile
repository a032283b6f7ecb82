# lineage: build, test, demo, benchmarks. `make help` lists the targets.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FIXTURES := Tests/LineageKitTests/Fixtures
SIZE ?= 1m
RUNS ?= 5
BENCH_DIR := bench/data
FUZZ_ITERATIONS ?= 200000

.PHONY: help deps test-deps build release test demo bench fuzz lint format clean

help:
	@echo "make deps    install what building and testing need (liblmdb-dev lmdb-utils graphviz pkg-config, jsonschema)"
	@echo "make test    build and run the whole test suite"
	@echo "make demo    build, then verify, show and draw the four-stage fixture (demo/four_stage.svg)"
	@echo "make bench   release build + benchmark table against the scan floor (SIZE=1m or 10m)"
	@echo "make fuzz    a long seeded mutation campaign against verify (FUZZ_ITERATIONS=$(FUZZ_ITERATIONS))"
	@echo "make lint    swift format lint"

deps:
	@if ! dpkg -s liblmdb-dev lmdb-utils graphviz pkg-config >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq liblmdb-dev lmdb-utils graphviz pkg-config python3-pip; \
	fi

# The JSON-report tests validate against Docs/verify-report.schema.json with jsonschema.
test-deps: deps
	@python3 -c 'import jsonschema' 2>/dev/null || pip install --quiet jsonschema 2>/dev/null \
		|| pip install --quiet --break-system-packages jsonschema

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: test-deps
	$(SWIFT) build
	$(SWIFT) test

demo: build
	@mkdir -p demo
	.build/debug/lineage verify $(FIXTURES)/four_stage.mdb
	.build/debug/lineage show -c $(FIXTURES)/four_stage.mdb ffda
	.build/debug/lineage export-dot -c $(FIXTURES)/four_stage.mdb > demo/four_stage.dot
	dot -Tsvg demo/four_stage.dot > demo/four_stage.svg
	@echo "wrote demo/four_stage.svg"

# The floor and the writer are the project's shared tools, beside this repository.
SHARED_TOOLS ?= ../shared/tools

$(BENCH_DIR)/scanfloor: $(SHARED_TOOLS)/scanfloor.c
	@mkdir -p $(BENCH_DIR)
	cc -O2 -o $@ $< -llmdb

# Written like the pipeline writes (py-lmdb, one write transaction per emission):
# 1m = 970,000 tasks (about 420 MB), 10m = 9.7 million tasks (about 4.2 GB).
$(BENCH_DIR)/ckpt-%.mdb:
	@mkdir -p $(BENCH_DIR)
	@python3 -c "import lmdb" 2>/dev/null || pip install --quiet lmdb
	python3 $(SHARED_TOOLS)/make_checkpoint.py $@ --roots $(if $(filter 10m,$*),100000,$(if $(filter 100k,$*),1000,10000)) --fanout 40 --fanin 5 --complete 0.6

bench: release $(BENCH_DIR)/scanfloor
	$(MAKE) $(BENCH_DIR)/ckpt-$(SIZE).mdb
	python3 bench/bench.py --lineage .build/release/lineage --floor $(BENCH_DIR)/scanfloor \
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
