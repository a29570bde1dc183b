# sitrep: the two commands a user needs are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
OUT ?= out
CMAKE_FLAGS ?=
FUZZ_SECONDS ?= 60

.PHONY: all setup configure build demo test check-sanitize bench eval format fuzz clean ner-models

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
	$(BUILD)/sitrep eval time-spec --lang es
	$(BUILD)/sitrep eval time-spec --lang de
	$(BUILD)/sitrep eval time-extract
	$(BUILD)/sitrep eval quantity
	$(BUILD)/sitrep eval numbers --lang fr
	$(BUILD)/sitrep eval numbers --lang en
	$(BUILD)/sitrep eval currency --lang fr
	$(BUILD)/sitrep eval currency --lang en
	$(BUILD)/sitrep eval numbers --lang es
	$(BUILD)/sitrep eval numbers --lang de
	$(BUILD)/sitrep eval dimension --lang fr
	$(BUILD)/sitrep eval dimension --lang en
	$(BUILD)/sitrep eval temperature --lang fr
	$(BUILD)/sitrep eval temperature --lang en
	$(BUILD)/sitrep eval time-spec --lang it
	$(BUILD)/sitrep eval time-extract --lang it
	$(BUILD)/sitrep eval numbers --lang it
	$(BUILD)/sitrep eval currency --lang it
	$(BUILD)/sitrep eval entity
	$(BUILD)/sitrep eval quotes
	$(BUILD)/sitrep eval entity-conll --lang fr
	$(BUILD)/sitrep eval entity-conll --lang en
	$(BUILD)/sitrep eval stories
	$(BUILD)/sitrep eval ner --lang en --gold $(NER_DATA)/en/uner-en_pud.test.conll.gz
	$(BUILD)/sitrep eval ner --lang de --gold $(NER_DATA)/de/uner-de_pud.test.conll.gz
	$(BUILD)/sitrep eval ner --lang ru --gold $(NER_DATA)/ru/uner-ru_pud.test.conll.gz
	$(BUILD)/sitrep eval ner --lang de --gold $(NER_DATA)/de/germeval2014.dev.conll.gz@test $(NER_DATA)/de/germeval2014.test.conll.gz@test
	$(BUILD)/sitrep eval ner --lang ru --gold $(NER_DATA)/ru/wikiner-ru.linspector.test.conll.gz
	$(BUILD)/sitrep eval ner --lang fr --gold $(NER_DATA)/fr/europeana-bnf.conll.gz@test
	$(BUILD)/sitrep eval figures
	$(BUILD)/sitrep eval duplicates

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

# The NER models (docs/NER.md, data/ner/NOTICE.md), retrained from ../shared/eval/ner with
# the knowledge base of the build (run `make build` first). The epochs were chosen on the dev
# parts, then each model is trained on the train and dev parts (docs/NER.md); test parts and
# the UNER PUD files are never trained on. Same data and KB: the same bytes.
NER_DATA ?= ../shared/eval/ner
NER_EPOCHS_en ?= 9
NER_EPOCHS_de ?= 12
NER_EPOCHS_ru ?= 11
NER_EPOCHS_fr ?= 7
NER_TRAIN = $(BUILD)/sitrep ner train --quiet --kb $(BUILD)/kb.bin
ner-models:
	@test -x $(BUILD)/sitrep -a -f $(BUILD)/kb.bin || { echo "ner-models: run make build first (needs $(BUILD)/sitrep and $(BUILD)/kb.bin)"; exit 1; }
	$(NER_TRAIN) --lang en --epochs $(NER_EPOCHS_en) --out data/ner/en.model \
	  $(foreach f,wikigold uner-en_ewt.dev uner-en_ewt.test,$(foreach p,train dev,$(NER_DATA)/en/$(f).conll.gz@$(p)))
	$(NER_TRAIN) --lang de --epochs $(NER_EPOCHS_de) --out data/ner/de.model \
	  $(foreach f,germeval2014.dev germeval2014.test,$(foreach p,train dev,$(NER_DATA)/de/$(f).conll.gz@$(p)))
	$(NER_TRAIN) --lang ru --epochs $(NER_EPOCHS_ru) --out data/ner/ru.model \
	  $(NER_DATA)/ru/wikiner-ru.linspector.train.conll.gz $(NER_DATA)/ru/wikiner-ru.linspector.dev.conll.gz
	$(NER_TRAIN) --lang fr --epochs $(NER_EPOCHS_fr) --out data/ner/fr.model \
	  $(NER_DATA)/fr/europeana-bnf.conll.gz@train $(NER_DATA)/fr/europeana-bnf.conll.gz@dev
