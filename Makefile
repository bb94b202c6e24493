# The newcomer's commands. `make demo` and `make test` each install what is missing, build, then run.
#   make deps    install the Debian packages partnermap needs (sudo when not root)
#   make         Release build into build/
#   make test    deps, build, every test through ctest; then the same tests and a short fuzz run
#                in a build with AddressSanitizer and UndefinedBehaviorSanitizer (SANITIZE=0 skips it)
#   make demo    deps, build, the briefing work on the bundled Carlisle register
#   make bench   deps, build, the scale benchmarks (prints figures)
#   make fuzz    run every libFuzzer target (clang) from its seeds; FUZZ_TARGET=NAME_fuzz for one,
#                FUZZ_SECONDS=N each, FUZZ_JOBS=2 two at a time

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_OUT ?= out

# Build and library packages, then the real readers the tests check outputs with.
PACKAGES = build-essential cmake pkg-config \
  libboost-graph-dev libgraphviz-dev graphviz nlohmann-json3-dev catch2 libcli11-dev libxlsxwriter-dev liborcus-dev \
  python3 python3-networkx python3-igraph python3-openpyxl libxml2-utils chromium poppler-utils file

# libgit2 reads every committed version of a register kept in git (trend --git, brief --git).
PACKAGES += libgit2-dev
# igraph's C core finds the clusters; node and npm vendor the explorer's drawing library (Cytoscape.js,
# inlined into the page by the build) and run its browser tests (playwright-core with Debian's chromium).
PACKAGES += libigraph-dev nodejs

# strace shows the tests that every temporary file is opened with O_EXCL|O_NOFOLLOW (no planted link
# is followed); the test says it is skipped where tracing is not allowed.
PACKAGES += strace

# odfpy writes the OpenDocument test workbook (tests/data/import/make_workbooks.py regenerates the fixtures).
PACKAGES += python3-odf

# The sanitized build and the fuzz targets need clang and its sanitizer and libFuzzer runtimes.
PACKAGES += clang libclang-rt-dev

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test sanitize demo bench fuzz fuzz-build fuzz-run clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi
	@# The explorer's vendored script and the browser tests' driver, exactly as web/package-lock.json pins them.
	@# Debian's nodejs comes without npm (its npm package); NodeSource's nodejs includes it.
	@command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends npm >/dev/null
	@[ -d web/node_modules/cytoscape ] && [ -d web/node_modules/playwright-core ] || npm ci --prefix web --no-audit --no-fund
	@# Graphviz finds its layout and render plugins through a config file that `dot -c` writes.
	@ls /usr/lib/*/graphviz/config* >/dev/null 2>&1 || $(SUDO) dot -c

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The sanitized build (clang, AddressSanitizer + UndefinedBehaviorSanitizer, every report fatal,
# leaks found at exit) builds both the test program and the fuzz targets: make test runs the whole
# suite in it, then fuzzes each target for TEST_FUZZ_SECONDS. SANITIZE=0 skips it for a quick local run.
SANITIZE ?= 1
SAN_BUILD = build-san
TEST_FUZZ_SECONDS ?= 15

test: deps
	$(MAKE) build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
ifneq ($(SANITIZE),0)
	$(MAKE) sanitize
endif

sanitize: fuzz-build
	cd $(SAN_BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) fuzz-run FUZZ_SECONDS=$(TEST_FUZZ_SECONDS) FUZZ_JOBS=$(JOBS)

demo: deps
	$(MAKE) build
	./$(BUILD)/partnermap validate datasets/carlisle-2004.json
	./$(BUILD)/partnermap analyse datasets/carlisle-2004.json
	./$(BUILD)/partnermap survey datasets/carlisle-2004.json datasets/carlisle-survey-2004-09-ratings.csv datasets/carlisle-survey-2004-09-respondents.csv
	./$(BUILD)/partnermap brief datasets/carlisle-2005-03.json --previous datasets/carlisle-2004.json \
	  --survey datasets/carlisle-survey-2004-09-ratings.csv datasets/carlisle-survey-2004-09-respondents.csv -o $(DEMO_OUT)
	@echo
	@echo "The members' briefing for the Carlisle register is ready: open $(CURDIR)/$(DEMO_OUT)/index.html in a browser."

# BENCH_SIZES=council,county,county-hubs skips the national register (NetworkX alone takes about 4 minutes on it).
bench: deps
	$(MAKE) build
	/usr/bin/python3 bench/bench.py $(BUILD)

# Fuzzing, in the sanitized build. Target tests/fuzz/NAME_fuzz.cpp starts from the seeds in
# tests/fuzz/NAME/, uses the dictionary tests/fuzz/NAME.dict when there is one, and the folders listed
# in tests/fuzz/NAME.seeds (one a line, from the top of the tree) as further seeds. What it learns
# goes to build-san/corpus/NAME/, findings to build-san/fuzz-NAME-crash-* (and the run fails).
# FUZZ_SECONDS per target (default 60); FUZZ_TARGET=load_fuzz runs one.
FUZZ_SECONDS ?= 60
FUZZ_TARGET ?= $(basename $(notdir $(wildcard tests/fuzz/*_fuzz.cpp)))
# A unit that runs a minute is a hang (a busy machine can stall one for seconds, hence not less).
FUZZ_FLAGS ?= -timeout=60 -rss_limit_mb=2048 -max_len=65536

fuzz: deps
	$(MAKE) fuzz-build
	$(MAKE) fuzz-run

fuzz-build:
	@[ -f $(SAN_BUILD)/CMakeCache.txt ] || cmake -S . -B $(SAN_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++ -DPARTNERMAP_FUZZ=ON
	cmake --build $(SAN_BUILD) -j $(JOBS)

# One rule a target, so that FUZZ_JOBS (or make -j) runs several at once: on a 2-core machine,
# `make fuzz FUZZ_SECONDS=3600 FUZZ_JOBS=2` gives every target its hour in half the time.
FUZZ_JOBS ?= 1
FUZZ_RUNS = $(addprefix fuzz-run-,$(FUZZ_TARGET))
.PHONY: $(FUZZ_RUNS)

fuzz-run:
	@$(MAKE) --no-print-directory -j $(FUZZ_JOBS) $(FUZZ_RUNS)

$(FUZZ_RUNS): fuzz-run-%:
	@t=$*; name=$${t%_fuzz}; dir=tests/fuzz/$$name; corpus=$(SAN_BUILD)/corpus/$$name; \
	[ -x $(SAN_BUILD)/$$t ] || { echo "no fuzz target $(SAN_BUILD)/$$t (is tests/fuzz/$$t.cpp there?)"; exit 1; }; \
	mkdir -p $$corpus; \
	dict=; [ -f $$dir.dict ] && dict=-dict=$$dir.dict; \
	extra=; [ -f $$dir.seeds ] && extra=$$(grep -v '^#' $$dir.seeds); \
	echo "Fuzzing $$t for $(FUZZ_SECONDS) s"; \
	$(SAN_BUILD)/$$t -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) $$dict \
	  -artifact_prefix=$(SAN_BUILD)/fuzz-$$name- -print_final_stats=1 \
	  $$corpus $$( [ -d $$dir ] && echo $$dir ) $$extra > $(SAN_BUILD)/fuzz-$$name.log 2>&1; status=$$?; \
	echo "$$t:"; grep -E '^#[0-9]+.*DONE|^stat::(number_of_executed_units|peak_rss)' $(SAN_BUILD)/fuzz-$$name.log; \
	if [ $$status != 0 ]; then tail -n 60 $(SAN_BUILD)/fuzz-$$name.log; exit 1; fi

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
