# sitrep: the two commands a user needs are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
OUT ?= out
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 60

.PHONY: all setup configure build demo test bench eval format fuzz clean

all: build

setup:
	./scripts/setup.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

configure: setup $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)
	$(MAKE) --no-print-directory $(BUILD)/kb.bin

# The knowledge base: rebuilt when its hand-written sources or the builder change.
$(BUILD)/kb.bin: $(wildcard data/kb/*) $(wildcard src/kb/*.cc) $(BUILD)/sitrep
	$(BUILD)/sitrep kb build --out $@

# Runs sitrep on the bundled example corpus: a store, a JSONL export, the report.
demo: build
	@mkdir -p $(OUT)
	rm -f $(OUT)/sitrep.db $(OUT)/sitrep.db-wal $(OUT)/sitrep.db-shm
	$(BUILD)/sitrep extract examples/corpus > $(OUT)/extract.jsonl
	$(BUILD)/sitrep ingest --db $(OUT)/sitrep.db examples/corpus
	$(BUILD)/sitrep report --db $(OUT)/sitrep.db --out $(OUT)/report
	@echo
	@echo "demo: wrote $(OUT)/report/report.html, $(OUT)/report/report.json, $(OUT)/extract.jsonl, $(OUT)/sitrep.db"

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD)/bench/sitrep_bench

eval: build
	$(BUILD)/sitrep eval boilerplate
	$(BUILD)/sitrep eval trafilatura
	$(BUILD)/sitrep eval time
	$(BUILD)/sitrep eval time-spec
	$(BUILD)/sitrep eval quantity
	$(BUILD)/sitrep eval numbers --lang fr
	$(BUILD)/sitrep eval numbers --lang en
	$(BUILD)/sitrep eval currency --lang fr
	$(BUILD)/sitrep eval entity

format:
	find src bench fuzz -name '*.cc' -o -name '*.h' | xargs clang-format -i

fuzz:
	./scripts/setup.sh --fuzz
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DSITREP_FUZZ=ON -DSITREP_TESTS=OFF -DSITREP_BENCH=OFF
	cmake --build build-fuzz -j $(JOBS) --target html_fuzz text_fuzz
	mkdir -p build-fuzz/corpus-html build-fuzz/corpus-text
	build-fuzz/fuzz/html_fuzz -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-html examples/corpus
	build-fuzz/fuzz/text_fuzz -max_total_time=$(FUZZ_SECONDS) build-fuzz/corpus-text examples/corpus

clean:
	rm -rf $(BUILD) $(OUT)
