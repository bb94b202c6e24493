# The newcomer's commands. `make demo` and `make test` each install what is missing, build, then run.
#   make deps    install the Debian packages partnermap needs (sudo when not root)
#   make         Release build into build/
#   make test    deps, build, every test through ctest
#   make demo    deps, build, the briefing work on the bundled Carlisle register
#   make bench   deps, build, the scale benchmarks (prints figures)
#   make fuzz    fuzz the register loader with libFuzzer (clang)

BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
DEMO_OUT ?= out

# Build and library packages, then the real readers the tests check outputs with.
PACKAGES = build-essential cmake pkg-config \
  libboost-graph-dev libgraphviz-dev graphviz nlohmann-json3-dev catch2 libcli11-dev libxlsxwriter-dev \
  python3 python3-networkx python3-igraph python3-openpyxl libxml2-utils chromium poppler-utils file

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build test demo bench fuzz clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi
	@# Graphviz finds its layout and render plugins through a config file that `dot -c` writes.
	@ls /usr/lib/*/graphviz/config* >/dev/null 2>&1 || $(SUDO) dot -c

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

test: deps
	$(MAKE) build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: deps
	$(MAKE) build
	./$(BUILD)/partnermap validate datasets/carlisle-2004.json
	./$(BUILD)/partnermap analyse datasets/carlisle-2004.json
	./$(BUILD)/partnermap brief datasets/carlisle-2004.json -o $(DEMO_OUT)
	@echo
	@echo "The members' briefing for the Carlisle register is ready: open $(CURDIR)/$(DEMO_OUT)/index.html in a browser."

# BENCH_SIZES=council,county skips the national register (NetworkX alone takes about 4 minutes on it).
bench: deps
	$(MAKE) build
	/usr/bin/python3 bench/bench.py $(BUILD)

# Each fuzz target runs FUZZ_SECONDS (default 60) from a corpus seeded with the example and broken
# registers; findings are written to build-fuzz/ as crash-* files.
FUZZ_SECONDS ?= 60
FUZZ_BUILD = build-fuzz
FUZZ_TARGETS = $(basename $(notdir $(wildcard tests/fuzz/*_fuzz.cpp)))
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DPARTNERMAP_FUZZ=ON -DBUILD_TESTING=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)
	@for t in $(addprefix $(FUZZ_BUILD)/,$(FUZZ_TARGETS)); do \
	  name=$$(basename $$t); mkdir -p $(FUZZ_BUILD)/corpus/$$name; \
	  echo "Fuzzing $$name for $(FUZZ_SECONDS) s"; \
	  $$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	    -dict=tests/fuzz/register.dict -artifact_prefix=$(FUZZ_BUILD)/ -print_final_stats=1 \
	    $(FUZZ_BUILD)/corpus/$$name tests/fuzz/seeds tests/data/good tests/data/bad datasets \
	    > $(FUZZ_BUILD)/$$name.log 2>&1; status=$$?; \
	  grep -E '^#[0-9]+.*DONE|^stat::(number_of_executed_units|peak_rss)' $(FUZZ_BUILD)/$$name.log; \
	  if [ $$status != 0 ]; then tail -n 40 $(FUZZ_BUILD)/$$name.log; exit 1; fi; \
	done

clean:
	rm -rf $(BUILD)
