# Two commands: `make run` serves the APIs, `make test` runs the whole suite.
# Both install what is missing first (Debian packages, Python env, node packages).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := postgresql-15-postgis-3 redis-server gdal-bin libgdal32 libgeos-c1v5 libproj25 libmagic1
STAMP := .data/.stamps

.PHONY: run test install system python node services stop migrate conformance schemathesis bench lock

run: install
	@bash config/dev/run.sh

test: install
	@bash config/dev/test.sh

install: system python node

system: $(STAMP)/system
$(STAMP)/system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done; \
	  command -v npm >/dev/null || echo nodejs npm); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@mkdir -p $(STAMP) && touch $@

python: $(STAMP)/python
$(STAMP)/python: pyproject.toml requirements.lock
	@test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	@$(VENV)/bin/pip install -q --disable-pip-version-check uv==0.13.9
	@$(VENV)/bin/uv pip sync -q --python $(PY) requirements.lock
	@$(VENV)/bin/uv pip install -q --python $(PY) --no-deps -e .
	@mkdir -p $(STAMP) && touch $@

node: $(STAMP)/node
$(STAMP)/node: package.json package-lock.json
	@npm ci --silent --no-audit --no-fund
	@mkdir -p $(STAMP) && touch $@

services: system
	@bash config/dev/services.sh start

stop:
	@bash config/dev/services.sh stop

migrate: python services
	@$(PY) manage.py migrate --no-input -v 0

conformance: install
	@bash config/dev/conformance.sh

# The schemathesis gate alone (docs/schemathesis.md); e.g. `make schemathesis SCHEMATHESIS_ARGS="--components documenten"`.
schemathesis: install
	@bash config/dev/schemathesis.sh $(SCHEMATHESIS_ARGS)

# Documenten API throughput, peak server RSS and operations/s per document backend, then
# Zaken API latency and requests/s at 100k zaken (docs/benchmarks.md); e.g.
# `make bench BENCH_ARGS="--size-mib 256" ZAKEN_BENCH_ARGS="--zaken 1000000"`.
bench: install
	@ZAKEN_BENCH_ARGS="$(ZAKEN_BENCH_ARGS)" bash config/dev/bench.sh $(BENCH_ARGS)

# Regenerate the lock file after changing pyproject.toml.
lock:
	@$(VENV)/bin/uv pip compile -q pyproject.toml --extra test --python-version 3.11 -o requirements.lock
