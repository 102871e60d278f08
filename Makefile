# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
SHELL := /bin/bash
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
TSUNAGU := $(BUILD_DIR)/tsunagu
VAR := var

.PHONY: all deps build run test unit integration test-dates e2e cluster-test lint lint-all format fuzz bench bench-report bench-case bench-community clean

all: build

# System packages (apt-get), npm packages and the vendored static files.
deps: $(BUILD_DIR)/.deps-stamp
$(BUILD_DIR)/.deps-stamp: scripts/install-deps scripts/vendor-static package.json package-lock.json
	scripts/install-deps
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	scripts/vendor-static
	@mkdir -p $(BUILD_DIR) && touch $@

build: deps
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then \
	  cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE); fi
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Serves http://127.0.0.1:8080 on the embedded SQLite database with demo data.
run: build
	@mkdir -p $(VAR)
	@[ -f $(VAR)/keys.toml ] || $(TSUNAGU) keys generate --out $(VAR)/keys.toml
	@[ -f $(VAR)/tsunagu.toml ] || printf '%s\n' \
	  '# Local development: plain http on loopback, mail written to var/mail/.' \
	  '[server]' 'listen = "127.0.0.1:8080"' 'public_url = "http://127.0.0.1:8080"' \
	  'cookie_secure = false' '[database]' 'url = "sqlite:var/tsunagu.db"' \
	  '[mail]' 'smtp_url = "file:var/mail"' '[security]' 'key_file = "var/keys.toml"' \
	  '[metrics]' 'listen = "127.0.0.1:9464"' \
	  > $(VAR)/tsunagu.toml
	$(TSUNAGU) demo --config $(VAR)/tsunagu.toml
	$(TSUNAGU) serve --config $(VAR)/tsunagu.toml

# Everything: unit, integration on both engines, the integration suites at the dates below,
# and the browser tests.
test: build
	scripts/run-tests

unit: build
	scripts/run-tests unit

integration: build
	scripts/run-tests integration

# The date-sensitive integration suites with the test clock started at dates that break
# calendar code (end of a fiscal year, New Year's Eve, 平成→令和, a leap day, midnight).
test-dates: build
	scripts/run-tests dates

e2e: build
	scripts/run-tests e2e

# Three servers on one PostgreSQL behind a real nginx (TLS), under faults: a server killed
# during a booking load, PostgreSQL restarted under load, a simulated week of the clock-driven
# jobs. Prints what each fault test saw. tests/cluster/; part of `make test`.
cluster-test: build
	scripts/run-tests cluster

# Formatting and static analysis, as CI runs them: clang-tidy checks what changed since the
# last full run (.ci/tidy-since); lint-all checks every file.
lint: build
	scripts/lint

lint-all: build
	scripts/lint all

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

# libFuzzer: every target in tests/fuzz (request, form, cookie, multipart parsing, and any parser
# added later), each for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)

# Benchmarks (not tests): HTTP pages and booking submissions against /healthz; the yearly
# report on 1,000,000 records on both engines; support cases (bench-case). See bench/README.md.
bench: build
	bench/http-bench

bench-report: build
	bench/report-bench

# A 1,000-entry case page and live updates to 200 SSE connections over two processes.
bench-case: build
	bench/case-bench

# The community pages (portal, calendar, an event page) with 100 upcoming events, and
# registration submissions at 64 connections, as ratios to /healthz.
bench-community: build
	bench/community-bench

clean:
	rm -rf $(BUILD_DIR)
