# Thin wrapper over CMake. `make run` and `make test` install missing
# Debian packages first, so both work on a fresh machine.
BUILD ?= build
BUILD_SAN ?= build-sanitize
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
EXAMPLE ?= examples/recurrent-cervix-exenteration-bevacizumab.json

.PHONY: all deps build build-sanitize run test test-plain test-sanitize \
	test-slow test-slow-plain test-slow-sanitize clean

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) -- --no-print-directory

build-sanitize: deps
	@cmake -S . -B $(BUILD_SAN) -DCMAKE_BUILD_TYPE=Debug -DONCO_SANITIZE=ON >/dev/null
	@cmake --build $(BUILD_SAN) -j $(JOBS) -- --no-print-directory

# Evaluate the bundled example case and print the tumour-board summary.
run: build
	@$(BUILD)/oncorules evaluate $(EXAMPLE)

# Every test, plain and under AddressSanitizer + UndefinedBehaviorSanitizer,
# except those labelled `slow` (minutes each: valgrind, fault injection over
# every allocation); `make test-slow` runs those, and CI runs both.
SAN_ENV = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1

test: test-plain test-sanitize

test-plain: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -LE slow

test-sanitize: build-sanitize
	@cd $(BUILD_SAN) && $(SAN_ENV) ctest --output-on-failure -j $(JOBS) -LE slow

test-slow: test-slow-plain test-slow-sanitize

# valgrind is needed by the slow tests only (test_batch_valgrind).
test-slow-plain: build
	@scripts/install-deps valgrind
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L slow --no-tests=ignore

test-slow-sanitize: build-sanitize
	@cd $(BUILD_SAN) && $(SAN_ENV) ctest --output-on-failure -j $(JOBS) -L slow --no-tests=ignore

clean:
	rm -rf $(BUILD) $(BUILD_SAN)
