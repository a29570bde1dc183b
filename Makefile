# sitrep: the two commands a user needs are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
OUT ?= out
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 60

.PHONY: all setup configure build demo test check-sanitize bench eval format fuzz clean

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

# The unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (leak checking on),
# then the threaded paths (parallel pipeline, store, the binary with --jobs) under
# ThreadSanitizer. Each in its own build tree; the knowledge base is the one `build` made.
SAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
TSAN_TARGETS = sitrep pipeline_test store_test cli_test hostile_test

check-sanitize: build
	cmake -S . -B $(BUILD)-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITREP_BENCH=OFF \
	  -DSITREP_SANITIZE=address,undefined $(CMAKE_FLAGS)
	cmake --build $(BUILD)-asan -j $(JOBS)
	cp $(BUILD)/kb.bin $(BUILD)-asan/kb.bin
	cd $(BUILD)-asan && $(SAN_ENV) SITREP_TEST_TIME_SCALE=4 ctest --output-on-failure -j $(JOBS)
	cmake -S . -B $(BUILD)-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSITREP_BENCH=OFF \
	  -DSITREP_SANITIZE=thread $(CMAKE_FLAGS)
	cmake --build $(BUILD)-tsan -j $(JOBS) --target $(TSAN_TARGETS)
	cp $(BUILD)/kb.bin $(BUILD)-tsan/kb.bin
	@# Tests of binaries not in TSAN_TARGETS are left out: gtest's _NOT_BUILT placeholders and the
	@# one-entry table test (time_table_test).
	cd $(BUILD)-tsan && $(SAN_ENV) SITREP_TEST_TIME_SCALE=10 ctest --output-on-failure -j $(JOBS) \
	  -E '_NOT_BUILT|LimitsTest.ABig|^time_table_test$$'

bench: build
	$(BUILD)/bench/sitrep_bench

eval: build
	$(BUILD)/sitrep eval boilerplate
	$(BUILD)/sitrep eval trafilatura
	$(BUILD)/sitrep eval time
	$(BUILD)/sitrep eval time-spec
	$(BUILD)/sitrep eval time-extract
	$(BUILD)/sitrep eval quantity
	$(BUILD)/sitrep eval numbers --lang fr
	$(BUILD)/sitrep eval numbers --lang en
	$(BUILD)/sitrep eval currency --lang fr
	$(BUILD)/sitrep eval dimension --lang fr
	$(BUILD)/sitrep eval dimension --lang en
	$(BUILD)/sitrep eval temperature --lang fr
	$(BUILD)/sitrep eval temperature --lang en
	$(BUILD)/sitrep eval time-spec --lang it
	$(BUILD)/sitrep eval time-extract --lang it
	$(BUILD)/sitrep eval numbers --lang it
	$(BUILD)/sitrep eval currency --lang it
	$(BUILD)/sitrep eval entity
	$(BUILD)/sitrep eval figures

format:
	find src bench fuzz tools -name '*.cc' -o -name '*.h' | xargs clang-format -i

FUZZ_TARGETS = html_fuzz text_fuzz kb_fuzz jsonl_fuzz

fuzz:
	./scripts/setup.sh --fuzz
	CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DSITREP_FUZZ=ON -DSITREP_TESTS=OFF -DSITREP_BENCH=OFF
	cmake --build build-fuzz -j $(JOBS) --target $(FUZZ_TARGETS)
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus-$$t && \
	  build-fuzz/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 build-fuzz/corpus-$$t examples/corpus || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(BUILD)-asan $(BUILD)-tsan $(OUT)
