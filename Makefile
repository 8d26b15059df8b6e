# MQTT Inspector: `make run` and `make test` do all the set-up on a fresh Debian 12 machine.
JOBS ?= 2
BUILD ?= build
BUILD_ASAN ?= build-asan
BUILD_FUZZ ?= build-fuzz
# Release (-O3): `make test` then sees the warnings only the optimiser finds (maybe-uninitialized,
# stringop-overflow...), and `make package` ships what was tested.
BUILD_TYPE ?= Release
FUZZ_SECONDS ?= 300
CTEST_ARGS ?=

.PHONY: all deps configure build asan fuzz-build test test-core run fuzz bench package clean

# Every tree gets -Werror (CMake's default is off): CI must fail on a new warning.
CONFIG_BUILD = -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DMQTTI_WERROR=ON
CONFIG_ASAN = -DCMAKE_BUILD_TYPE=Debug -DMQTTI_SANITIZE=ON -DMQTTI_BUILD_GUI=OFF -DMQTTI_WERROR=ON
CONFIG_FUZZ = -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMQTTI_FUZZ=ON -DMQTTI_WERROR=ON

# $(call configure,DIR,ARGS[,ENV]): configure DIR when it is new or was configured with other
# ARGS (CMake keeps a tree's cached build type, so checking build.ninja alone is not enough).
define configure
	@if [ ! -f $(1)/build.ninja ] || [ "$$(cat $(1)/.mqtti-configure 2>/dev/null)" != "$(2)" ]; then \
	    echo "$(3) cmake -S . -B $(1) -G Ninja $(2)"; \
	    $(3) cmake -S . -B $(1) -G Ninja $(2) && echo "$(2)" > $(1)/.mqtti-configure; \
	fi
endef

all: build

deps:
	@bash packaging/install-deps.sh

configure: deps
	$(call configure,$(BUILD),$(CONFIG_BUILD))

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

# The core and its tests under AddressSanitizer + UndefinedBehaviorSanitizer (no GUI).
asan: deps
	$(call configure,$(BUILD_ASAN),$(CONFIG_ASAN))
	cmake --build $(BUILD_ASAN) -j $(JOBS)

# libFuzzer targets, built with clang.
fuzz-build: deps
	$(call configure,$(BUILD_FUZZ),$(CONFIG_FUZZ),CC=clang CXX=clang++)
	cmake --build $(BUILD_FUZZ) -j $(JOBS)

# Every test: unit, integration and ui in the normal build, the core's tests again under
# ASan/UBSan, and a bounded fuzz smoke run.
test: build asan fuzz-build
	cd $(BUILD) && ctest --output-on-failure $(CTEST_ARGS)
	cd $(BUILD_ASAN) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    ctest --output-on-failure -LE 'ui|fuzz' $(CTEST_ARGS)
	cd $(BUILD_FUZZ) && ctest --output-on-failure -L fuzz $(CTEST_ARGS)

# The Debian package: $(BUILD)/mqtt-inspector_<version>-1_<arch>.deb (CPack, dpkg-shlibdeps).
package: build
	cd $(BUILD) && cpack -G DEB

run: build
	resources/demo/run-demo.sh $(BUILD)/app/gui/mqtt-inspector

# Long fuzzing: `make fuzz FUZZ_SECONDS=3600` runs every target for that long.
fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run-fuzzers.sh $(BUILD_FUZZ)

bench: build
	@for b in $(BUILD)/tests/bench/bench_*; do [ -x "$$b" ] && "$$b"; done

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) $(BUILD_FUZZ)
