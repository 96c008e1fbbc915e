# Amanat: two commands set everything up on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

SWIFT    ?= swift
SUDO     := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
VENV     := .venv
PYTHON   := $(VENV)/bin/python3
# The independent implementation used by the interop tests (PyNaCl bundles its own libsodium).
PYNACL   := pynacl==1.6.2
# Russian NER that `make eval-redaction` compares amanat with (its NER runs on Python 3.11; its morphology does not).
NATASHA  := natasha==1.6.0
# Decodes the photos the intake stored, in the metadata test.
PILLOW   := pillow==11.3.0
# Drives Debian's headless Chromium in the browser test (4.52.0 needs a newer certifi than PyPI offers here).
SELENIUM := selenium==4.51.0

.PHONY: help deps deps-test build test bench demo eval-redaction property-long fuzz fuzz-long lint format screenshots clean

help: ## List the targets.
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

deps: ## Install libsodium-dev, libsqlite3-dev and libstemmer-dev (and pkg-config) with apt-get when missing; otherwise do nothing.
	@if ! command -v pkg-config >/dev/null || ! pkg-config --exists libsodium sqlite3 || [ ! -f /usr/include/libstemmer.h ]; then \
	  echo "amanat: installing libsodium-dev, libsqlite3-dev and libstemmer-dev with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pkg-config libsodium-dev libsqlite3-dev libstemmer-dev >/dev/null; \
	fi
	@pkg-config --exists libsodium sqlite3 && [ -f /usr/include/libstemmer.h ] || { echo "amanat: error: libsodium, SQLite or libstemmer is still missing; install libsodium-dev, libsqlite3-dev and libstemmer-dev by hand" >&2; exit 1; }

deps-test: deps ## Set up .venv when missing: PyNaCl for the interop tests, natasha for the redaction evaluation (PyPI); Chromium and Selenium for the browser test.
	@if ! $(PYTHON) -c 'import nacl' 2>/dev/null; then \
	  echo "amanat: creating $(VENV) with $(PYNACL)"; \
	  python3 -m venv $(VENV) && $(PYTHON) -m pip install --quiet --disable-pip-version-check $(PYNACL); \
	fi
	@if ! $(PYTHON) -c 'import natasha' 2>/dev/null; then \
	  echo "amanat: installing $(NATASHA) for the redaction evaluation"; \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check $(NATASHA); \
	fi
	@if ! $(PYTHON) -c 'import PIL' 2>/dev/null; then \
	  echo "amanat: installing $(PILLOW) for the photo metadata test"; \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check $(PILLOW); \
	fi
	@if ! command -v exiftool >/dev/null; then \
	  echo "amanat: installing exiftool (libimage-exiftool-perl) for the photo metadata test"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libimage-exiftool-perl >/dev/null; \
	fi
	@if ! command -v chromium >/dev/null || [ ! -x /usr/bin/chromedriver ] || [ ! -f /usr/lib/chromium/locales/ru.pak ] || [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; then \
	  echo "amanat: installing chromium, chromium-driver, chromium-l10n and fonts-dejavu-core with apt-get for the browser test"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver chromium-l10n fonts-dejavu-core >/dev/null; \
	fi
	@if ! $(PYTHON) -c 'import selenium' 2>/dev/null; then \
	  echo "amanat: installing $(SELENIUM) for the browser test"; \
	  $(PYTHON) -m pip install --quiet --disable-pip-version-check $(SELENIUM); \
	fi

build: deps ## Build everything (debug).
	$(SWIFT) build

test: deps-test ## Build and run every test (known-answer vectors, tampering, interop with PyNaCl), then the web intake in headless Chromium and its memory scan.
	@# The PostgreSQL tests run on a throwaway cluster (a Unix socket, and loopback TCP with TLS only), stopped
	@# and removed afterwards; last,
	@# two `amanat serve` on one database, one killed with SIGKILL while submissions are in flight, then
	@# restarted for follow-ups and new submissions to both at once.
	@pg=$$(mktemp -d /tmp/amanat-pg-XXXXXX) && url=$$(Scripts/postgres-test-cluster.sh start $$pg) \
	  && trap "Scripts/postgres-test-cluster.sh stop $$pg" EXIT \
	  && AMANAT_TEST_POSTGRESQL=$$url AMANAT_INTEROP_PYTHON=$(CURDIR)/$(PYTHON) $(SWIFT) test \
	  && $(PYTHON) Tests/Intake/two_servers_test.py --amanat .build/debug/amanat --postgresql $$url
	@# Redaction held to its targets on the labelled corpus and on the held-out one (Docs/redaction.md).
	$(PYTHON) Scripts/eval-redaction.py --amanat .build/debug/amanat
	$(PYTHON) Scripts/eval-redaction.py --amanat .build/debug/amanat --corpus Tests/AmanatRedactionTests/HeldOut
	$(PYTHON) Tests/Browser/browser_test.py --amanat .build/debug/amanat --screenshots .build/screenshots
	$(PYTHON) Tests/Browser/shutdown_test.py --amanat .build/debug/amanat
	@# No copy of a statement or codename may be left in the intake's memory 10 s after its request (needs root).
	@if [ "$$(id -u)" -eq 0 ]; then $(PYTHON) Tests/Intake/memory_scan.py --amanat .build/debug/amanat --max-copies 0; \
	else echo "amanat: memory scan skipped: reading another process's memory needs root"; fi

screenshots: deps-test ## Refresh the screenshots of the web intake in Docs/screenshots (headless Chromium).
	$(SWIFT) build --product amanat
	$(PYTHON) Tests/Browser/browser_test.py --amanat .build/debug/amanat --screenshots Docs/screenshots

bench: deps ## Release build; Swift vs libsodium from C, the vault (SQLite and PostgreSQL), amanat vs age and gpg, backups, and what a request leaves in the intake's memory; writes Docs/bench.md.
	@for tool in age gpg /usr/bin/time; do command -v $$tool >/dev/null || missing=1; done; \
	if [ -n "$$missing" ]; then echo "amanat: installing age, gnupg and time for the peer comparison"; \
	  $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq age gnupg time >/dev/null; fi
	$(SWIFT) build -c release --product AmanatBench
	$(SWIFT) build -c release --product SodiumBaseline
	$(SWIFT) build -c release --product amanat
	@sed -n '/^<!-- memory-scan:/,/^<!-- memory-scan end -->/p' Docs/bench.md > .build/memory-scan.md
	.build/release/AmanatBench --baseline .build/release/SodiumBaseline --amanat .build/release/amanat --out Docs/bench.md
	@# The vault on PostgreSQL beside SQLite: a throwaway cluster with fsync on, stopped and removed afterwards.
	@pg=$$(mktemp -d /tmp/amanat-pg-XXXXXX) && url=$$(AMANAT_CLUSTER_FSYNC=on Scripts/postgres-test-cluster.sh start $$pg) \
	  && trap "Scripts/postgres-test-cluster.sh stop $$pg" EXIT \
	  && python3 Scripts/bench-postgresql.py --amanat .build/release/amanat --bench-binary .build/release/AmanatBench \
	    --postgresql $$url --bench Docs/bench.md
	@# Backups and restores beside tar | age and tar | gpg (1 GiB of attachments).
	python3 Scripts/bench-backup.py --amanat .build/release/amanat --bench Docs/bench.md
	@# The memory scan's section survives the rewrite; its release row is measured again (reading /proc/PID/mem needs root).
	@if [ -s .build/memory-scan.md ]; then printf '\n' >> Docs/bench.md; cat .build/memory-scan.md >> Docs/bench.md; fi
	$(SUDO) python3 Tests/Intake/memory_scan.py --amanat .build/release/amanat --runs 3 --bench Docs/bench.md \
	  --label "release: zeroed, M_PERTURB, no thread caches (the default)"

lint: ## Check every Swift file against the checked-in .swift-format (swift format ships with the toolchain); CI runs it.
	$(SWIFT) format lint --strict --configuration .swift-format --recursive --parallel Sources Tests Package.swift

format: ## Format every Swift file in place with the checked-in .swift-format.
	$(SWIFT) format --in-place --configuration .swift-format --recursive --parallel Sources Tests Package.swift

fuzz: deps ## Build the fuzz runner with libFuzzer and AddressSanitizer and run each target for FUZZ_SECONDS (default 20: about 5 minutes in all); Docs/fuzzing.md.
	FUZZ_SECONDS=$${FUZZ_SECONDS:-20} bash Scripts/fuzz.sh

fuzz-long: deps ## The same, an hour per target (FUZZ_SECONDS=N for another time).
	FUZZ_SECONDS=$${FUZZ_SECONDS:-3600} bash Scripts/fuzz.sh

property-long: deps ## The redaction property test with 50,000 seeded texts instead of the 2,000 of `make test` (AMANAT_PROPERTY_CASES=N for another number).
	AMANAT_PROPERTY_CASES=$${AMANAT_PROPERTY_CASES:-50000} $(SWIFT) test --filter RedactionPropertyTests

eval-redaction: deps-test ## Score `amanat redact` on the labelled corpus (recall, precision, F2 per category), beside natasha's recall of people and places.
	$(SWIFT) build --product amanat
	$(PYTHON) Scripts/eval-redaction.py --amanat .build/debug/amanat --require-natasha-parity
	$(PYTHON) Scripts/eval-redaction.py --amanat .build/debug/amanat --corpus Tests/AmanatRedactionTests/HeldOut --natasha

demo: deps ## Build and run the narrated end-to-end story.
	$(SWIFT) build --product amanat
	.build/debug/amanat demo

clean: ## Remove build products and the Python environment.
	rm -rf .build $(VENV)
