# lineage: build, test, demo, benchmarks. `make help` lists the targets.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FIXTURES := Tests/LineageKitTests/Fixtures
SIZE ?= 1m
RUNS ?= 5
BENCH_DIR := bench/data
FUZZ_ITERATIONS ?= 200000

.PHONY: help deps test-deps build release portable wheel dist check-packages test doc-check doc-update demo bench bench-curator bench-live fuzz lint format clean \
	install uninstall generated check-generated check-release

help:
	@echo "make deps    install what building and testing need (liblmdb-dev lmdb-utils graphviz pkg-config; jsonschema, lmdb, networkx and prometheus_client from PyPI)"
	@echo "make test    build and run the whole test suite, then check the docs' console examples"
	@echo "make demo    build, then verify, show and draw the four-stage fixture (demo/four_stage.svg); status and plan on the Curator fixture"
	@echo "make bench   release build + benchmark table against the floor, bench/floor.c (SIZE=100k, 1m or 10m;"
	@echo "             BASELINE=path/to/other/lineage adds its verify/status/stats/types/edges and Curator rows, measured in the same run;"
	@echo "             then the Curator tables: CURATOR_WRITERS=1000 x CURATOR_SOURCES=10000, and 10,000 x 100,"
	@echo "             against bench/curator_floor.c)"
	@echo "make bench-curator  only the Curator tables (status, sources, plan, verify on the recorder-written directories)"
	@echo "make bench-live     consistent reads beside a live writer (100 and 1,000 tx/s; LIVE_READS=20), then the soak:"
	@echo "                   SOAK_READS=300 reads of every command beside a DAG writer and a Curator writer file"
	@echo "make fuzz    a long seeded mutation campaign against verify (FUZZ_ITERATIONS=$(FUZZ_ITERATIONS))"
	@echo "make lint    swift format lint"
	@echo "make release the self-contained release binary, .build/release/lineage (needs only liblmdb0 to run)"
	@echo "make install PREFIX=/usr/local (and DESTDIR=)  the release binary, man page and bash/zsh/fish completions"
	@echo "make uninstall  removes exactly what make install put there"
	@echo "make generated  rewrite the committed man page and completions (Docs/man, Docs/completions) from the binary"

# Installed only when one is missing, after refreshing the package lists.
DEBIAN_PACKAGES := liblmdb-dev lmdb-utils graphviz pkg-config python3-pip

deps:
	@if ! dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq $(DEBIAN_PACKAGES); \
	fi

# The JSON-report tests validate against Docs/verify-report.schema.json with jsonschema;
# the structure tests write files the recorder cannot (overflow pages, nested duplicate
# trees, other key orders) with py-lmdb, an independent writer. The export tests read
# the node-link JSON back with NetworkX.
# Debian's Python refuses pip installs outside a virtual environment unless told otherwise.
PYTHON_TEST_PACKAGES := jsonschema lmdb networkx prometheus_client

# make check-release renders the man page with man.
DEBIAN_TEST_PACKAGES := man-db mandoc

test-deps: deps
	@if ! dpkg -s $(DEBIAN_TEST_PACKAGES) >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEBIAN_TEST_PACKAGES); \
	fi
	@python3 -c 'import jsonschema, lmdb, networkx, prometheus_client' 2>/dev/null || python3 -m pip install --quiet $(PYTHON_TEST_PACKAGES) 2>/dev/null \
		|| python3 -m pip install --quiet --break-system-packages $(PYTHON_TEST_PACKAGES)

build: deps
	$(SWIFT) build

# The release binary links the Swift standard library and FoundationEssentials statically, so it
# runs where only liblmdb0 is installed, and starts faster (no Swift shared libraries to
# load and relocate). `lineage --version` names the git revision: the object below
# defines it and replaces the weak "unknown" of Sources/LineageBuildInfo at link time.
# Its name carries the revision because SwiftPM relinks when the link command changes,
# not when an object given with -Xlinker does.
REVISION := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
BUILD_INFO := .build/buildinfo/revision-$(REVISION).o
RELEASE_FLAGS := -c release --static-swift-stdlib -Xlinker $(CURDIR)/$(BUILD_INFO)

$(BUILD_INFO):
	@rm -rf .build/buildinfo && mkdir -p .build/buildinfo
	printf 'const char lineage_revision[] = "%s";\n' '$(REVISION)' > .build/buildinfo/revision.c
	$(CC) -c -o $@ .build/buildinfo/revision.c

release: deps $(BUILD_INFO)
	$(SWIFT) build $(RELEASE_FLAGS)

# The portable executable: the release build relinked with zig's linker driver against
# glibc 2.28's symbols, liblmdb, libstdc++ and the unwinder linked statically, so that it
# runs on RHEL 8 and later and on any machine without liblmdb (scripts/portable/link.py).
# ziglang (zig as a PyPI package) is installed into .build/portable-tools.
PORTABLE := .build/portable/lineage
PORTABLE_TOOLS := .build/portable-tools
ZIGLANG_VERSION := 0.17.1
$(PORTABLE_TOOLS)/ok:
	rm -rf $(PORTABLE_TOOLS) && python3 -m venv $(PORTABLE_TOOLS)
	$(PORTABLE_TOOLS)/bin/pip install --quiet ziglang==$(ZIGLANG_VERSION) auditwheel uv
	touch $@

portable: deps $(BUILD_INFO) $(PORTABLE_TOOLS)/ok
	@mkdir -p .build/portable
	printf 'const char lineage_linkage[] = "static, glibc 2.28+";\n' > .build/portable/linkage.c
	$(PORTABLE_TOOLS)/bin/python -m ziglang cc -target x86_64-linux-gnu.2.28 -O2 -c -o .build/portable/linkage.o .build/portable/linkage.c
	$(PORTABLE_TOOLS)/bin/python -m ziglang cc -target x86_64-linux-gnu.2.28 -O2 -c -o .build/portable/shims.o scripts/portable/shims.c
	@# Relink the release binary so that swift build prints its link command.
	rm -f .build/release/lineage
	$(SWIFT) build $(RELEASE_FLAGS) -v > .build/portable/build.log 2>&1 || { tail -20 .build/portable/build.log; exit 1; }
	$(PORTABLE_TOOLS)/bin/python scripts/portable/link.py .build/portable/build.log $(PORTABLE) \
		.build/portable/shims.o .build/portable/linkage.o
	strip $(PORTABLE)
	sh scripts/portable/check.sh $(PORTABLE)

# The packages of the portable executable, for uv, pipx and pip users and for
# administrators (scripts/portable/package.py): the wheel lineage-cli, and a tarball with
# SHA256SUMS. VERSION is the tool's (Sources/lineage/Version.swift).
VERSION := $(shell sed -n 's/.*static let number = "\(.*\)"/\1/p' Sources/lineage/Version.swift)
wheel: portable
	rm -f dist/lineage_cli-*.whl
	$(PORTABLE_TOOLS)/bin/python scripts/portable/package.py wheel $(PORTABLE) $(VERSION) dist

dist: wheel
	rm -f dist/lineage-*-linux-x86_64.tar.gz dist/SHA256SUMS
	$(PORTABLE_TOOLS)/bin/python scripts/portable/package.py dist $(PORTABLE) $(VERSION) dist

# The wheel and the tarball, installed and run as users would (run by make test).
check-packages: dist
	sh scripts/portable/check-packages.sh $(PORTABLE_TOOLS) dist

# The CLI tests run the release binary (LINEAGE_TEST_BINARY): a debug build spends most of
# each of its thousands of starts validating its own argument definitions. A plain
# `swift test` runs them against the debug build, slower, with the same results.
test: test-deps
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory release
	LINEAGE_TEST_BINARY=$(CURDIR)/.build/release/lineage $(SWIFT) test --skip-build
	$(MAKE) doc-check check-generated check-release check-packages

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
	.build/debug/lineage status $(FIXTURES)/curator/curator_run
	.build/debug/lineage plan $(FIXTURES)/curator/curator_run --groups $(FIXTURES)/curator/curator_run.groups.jsonl

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

# The Curator floor: bench/curator_floor.c opens every writer file read-only and walks
# completed_sources once with liblmdb.
$(BENCH_DIR)/curator_floor: bench/curator_floor.c
	@mkdir -p $(BENCH_DIR)
	cc -O2 -Wall -o $@ $< -llmdb

# A Curator checkpoint directory written by lineage's recorder as the pipeline writes one
# (one write transaction per completion; --no-sync only skips the flushes, the bytes are
# the same): CURATOR_WRITERS writer files of CURATOR_SOURCES sources each, 100 of each
# writer's also completed by the writer before it, 10 deleted again, 1,000 Slurm shards.
# 1000 x 10000 (10 million keys, about 390 MB) takes a few minutes to write.
CURATOR_WRITERS ?= 1000
CURATOR_SOURCES ?= 10000
CURATOR_DIR := $(BENCH_DIR)/curator-$(CURATOR_WRITERS)x$(CURATOR_SOURCES)
$(CURATOR_DIR): | release
	@mkdir -p $(BENCH_DIR)
	rm -rf $@.part
	.build/release/lineage fixture curator $@.part --writers $(CURATOR_WRITERS) --empty 0 \
		--sources $(CURATOR_SOURCES) --overlap $$(( $(CURATOR_SOURCES) < 100 ? $(CURATOR_SOURCES) : 100 )) \
		--deleted 10 --shards 1000 --failed 7 --no-sync
	mv $@.part $@

# The scale of a 10,000-shard job array: 10,000 writer files of 100 sources each.
CURATOR_MANY_DIR := $(BENCH_DIR)/curator-10000x100
$(CURATOR_MANY_DIR): | release
	@mkdir -p $(BENCH_DIR)
	rm -rf $@.part
	.build/release/lineage fixture curator $@.part --writers 10000 --empty 0 --sources 100 --overlap 100 \
		--deleted 10 --shards 1000 --failed 7 --no-sync
	mv $@.part $@

bench: release $(BENCH_DIR)/floor $(BENCH_DIR)/ckpt-$(SIZE).mdb $(BENCH_DIR)/curator_floor $(CURATOR_DIR) $(CURATOR_MANY_DIR)
	python3 bench/bench.py --lineage .build/release/lineage --floor $(BENCH_DIR)/floor \
		--checkpoint $(BENCH_DIR)/ckpt-$(SIZE).mdb --small $(FIXTURES)/four_stage.mdb --runs $(RUNS) \
		--curator $(CURATOR_DIR) --curator $(CURATOR_MANY_DIR) --curator-floor $(BENCH_DIR)/curator_floor \
		$(if $(BASELINE),--baseline $(BASELINE))

# The Curator table alone (status, sources, verify against bench/curator_floor.c).
# Reads beside a live writer (Docs/Concurrency.md): the share of consistent reads of
# verify and show against a writer at 100 and 1,000 transactions per second, 97k and
# 970k tasks. LIVE_READS reads of each command per row, one attempt each (--wait 0).
# Then the soak behind the live-read tests: SOAK_READS reads of every reading command
# beside a DAG writer (flat out, and 1,000 tx/s) and beside a Curator writer file (flat
# out, and paced), each answer checked: BUSY or a committed prefix, never DAMAGED.
LIVE_READS ?= 20
SOAK_READS ?= 300
bench-live: release test-deps
	@for tasks in 97000 970000; do for rate in 100 1000; do \
		sh bench/live.sh .build/release/lineage $$tasks $$rate $(LIVE_READS) 0 || exit 1; \
	done; done
	python3 bench/live_reads.py .build/release/lineage --reads $(SOAK_READS) --rate 0 --max-tasks 400000
	python3 bench/live_reads.py .build/release/lineage --reads $(SOAK_READS) --rate 1000 --max-tasks 100000
	python3 bench/curator_live_reads.py .build/release/lineage $(FIXTURES)/curator/curator_run --reads $(SOAK_READS) --pause 0
	python3 bench/curator_live_reads.py .build/release/lineage $(FIXTURES)/curator/curator_run --reads $(SOAK_READS) --pause 0.01 --wait 2

bench-curator: release $(BENCH_DIR)/curator_floor $(CURATOR_DIR) $(CURATOR_MANY_DIR)
	python3 bench/bench.py --lineage .build/release/lineage --curator $(CURATOR_DIR) --curator $(CURATOR_MANY_DIR) \
		--curator-floor $(BENCH_DIR)/curator_floor --runs $(RUNS)

# A long seeded mutation campaign: verify must give every damaged copy a verdict in
# time, and never pass a copy whose content a reader would see differently.
FUZZ_SEED ?= 1
fuzz: deps
	LINEAGE_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) LINEAGE_FUZZ_SEED=$(FUZZ_SEED) \
		$(SWIFT) test -c release --filter 'VerifierFuzz|StructureFuzz'

# The man page and the completion scripts are generated from the argument definitions
# (scripts/manpage.py over the binary's --experimental-dump-help, and
# swift-argument-parser's --generate-completion-script) and committed, so they can be
# read and installed without building; check-generated (run by make test) fails when
# they no longer match the binary, or when mandoc -T lint finds anything in the page.
# The page's date (in .TH) is the last commit's and is not compared.
MAN_PAGE := Docs/man/lineage.1
COMPLETIONS := Docs/completions
GENERATED := .build/generated

$(GENERATED): FORCE
	$(SWIFT) build --product lineage
	@rm -rf $@ && mkdir -p $@
	python3 scripts/manpage.py .build/debug/lineage "$$(git log -1 --format=%cs 2>/dev/null || date +%F)" > $@/lineage.1
	for shell in bash zsh fish; do .build/debug/lineage --generate-completion-script $$shell > $@/lineage.$$shell || exit 1; done

generated: $(GENERATED)
	@mkdir -p $(dir $(MAN_PAGE)) $(COMPLETIONS)
	cp $(GENERATED)/lineage.1 $(MAN_PAGE)
	cp $(GENERATED)/lineage.bash $(COMPLETIONS)/lineage.bash
	cp $(GENERATED)/lineage.zsh $(COMPLETIONS)/_lineage
	cp $(GENERATED)/lineage.fish $(COMPLETIONS)/lineage.fish

check-generated: $(GENERATED)
	@sed '/^\.TH /d' $(MAN_PAGE) > $(GENERATED)/committed.1
	@sed '/^\.TH /d' $(GENERATED)/lineage.1 > $(GENERATED)/current.1
	@if command -v mandoc >/dev/null; then \
		mandoc -T lint $(MAN_PAGE) 2>&1 | grep -v 'mandoc.db' | grep . && { echo "mandoc -T lint: fix the page (scripts/manpage.py)"; exit 1; } || true; \
	fi
	@diff -u $(GENERATED)/committed.1 $(GENERATED)/current.1 && \
		diff -u $(COMPLETIONS)/lineage.bash $(GENERATED)/lineage.bash && \
		diff -u $(COMPLETIONS)/_lineage $(GENERATED)/lineage.zsh && \
		diff -u $(COMPLETIONS)/lineage.fish $(GENERATED)/lineage.fish || \
		{ echo "the committed man page or completions are stale: run make generated and commit them"; exit 1; }
	@echo "man page and completions are current"

# Installs where each tool looks: man in share/man/man1, bash-completion's lazy-loading
# directory, zsh's site-functions (on $$fpath for /usr and /usr/local), fish's vendor directory.
PREFIX ?= /usr/local
DESTDIR ?=
INSTALLED := $(PREFIX)/bin/lineage $(PREFIX)/share/man/man1/lineage.1 \
	$(PREFIX)/share/bash-completion/completions/lineage $(PREFIX)/share/zsh/site-functions/_lineage \
	$(PREFIX)/share/fish/vendor_completions.d/lineage.fish

install: release
	install -D -m 755 .build/release/lineage $(DESTDIR)$(PREFIX)/bin/lineage
	install -D -m 644 $(MAN_PAGE) $(DESTDIR)$(PREFIX)/share/man/man1/lineage.1
	install -D -m 644 $(COMPLETIONS)/lineage.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/lineage
	install -D -m 644 $(COMPLETIONS)/_lineage $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_lineage
	install -D -m 644 $(COMPLETIONS)/lineage.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/lineage.fish

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))

# The release binary is self-contained and says where it came from; make install puts
# exactly the five files in place and make uninstall removes them. Run by make test.
INSTALL_CHECK := $(CURDIR)/.build/install-check
check-release:
	@rm -rf $(INSTALL_CHECK)
	$(MAKE) --no-print-directory install DESTDIR=$(INSTALL_CHECK) PREFIX=/usr
	Tests/check-release.sh .build/release/lineage $(INSTALL_CHECK)/usr "$(REVISION)"
	$(MAKE) --no-print-directory uninstall DESTDIR=$(INSTALL_CHECK) PREFIX=/usr
	@test -z "$$(find $(INSTALL_CHECK) -type f)" || { echo "make uninstall left files behind:"; \
		find $(INSTALL_CHECK) -type f; exit 1; }
	@rm -rf $(INSTALL_CHECK)
	@echo "release binary, install and uninstall checked"

FORCE:

lint:
	$(SWIFT) format lint --recursive Sources Tests

format:
	$(SWIFT) format --in-place --recursive Sources Tests

clean:
	rm -rf .build demo
