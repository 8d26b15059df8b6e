# MQTT Inspector: `make run` and `make test` do all the set-up on a fresh Debian 12 machine.
JOBS ?= 2
BUILD ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
BUILD_TYPE ?= RelWithDebInfo
FUZZ_SECONDS ?= 300
CTEST_ARGS ?=

.PHONY: all deps configure build asan fuzz-build test test-core run fuzz bench clean

all: build

deps:
	@bash packaging/install-deps.sh

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

# The core and its tests under AddressSanitizer + UndefinedBehaviorSanitizer (no GUI).
asan: deps
	@[ -f $(BUILD_ASAN)/build.ninja ] || cmake -S . -B $(BUILD_ASAN) -G Ninja \
	    -DCMAKE_BUILD_TYPE=Debug -DMQTTI_SANITIZE=ON -DMQTTI_BUILD_GUI=OFF
	cmake --build $(BUILD_ASAN) -j $(JOBS)

# libFuzzer targets, built with clang.
fuzz-build: deps
	@[ -f $(BUILD_FUZZ)/build.ninja ] || CC=clang CXX=clang++ cmake -S . -B $(BUILD_FUZZ) -G Ninja \
	    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMQTTI_FUZZ=ON
	cmake --build $(BUILD_FUZZ) -j $(JOBS)

# Every test: unit, integration and ui in the normal build, the core's tests again under
# ASan/UBSan, and a bounded fuzz smoke run.
test: build asan fuzz-build
	cd $(BUILD) && ctest --output-on-failure $(CTEST_ARGS)
	cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    ctest --output-on-failure -LE 'ui|fuzz' $(CTEST_ARGS)
	cd $(BUILD_FUZZ) && ctest --output-on-failure -L fuzz $(CTEST_ARGS)

run: build
	resources/demo/run-demo.sh $(BUILD)/app/gui/mqtt-inspector

# Long fuzzing: `make fuzz FUZZ_SECONDS=3600` runs every target for that long.
fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run-fuzzers.sh $(BUILD_FUZZ)

bench: build
	@for b in $(BUILD)/tests/bench/bench_*; do [ -x "$$b" ] && "$$b"; done

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
