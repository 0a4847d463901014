#!/usr/bin/env bash
# `make bench`: the Documenten API benchmark per document backend
# (tests/bench/documents.py), then the Zaken API benchmark at a dataset size
# (tests/bench/zaken.py). Extra arguments go to the Documenten one, e.g.
# `bash config/dev/bench.sh --size-mib 256 --backends database+local`;
# ZAKEN_BENCH_ARGS to the Zaken one (e.g. "--zaken 1000000"); BENCH_ONLY=documents
# or BENCH_ONLY=zaken runs one of them.
set -euo pipefail
cd "$(dirname "$0")/../.."
source config/dev/lib.sh

# Serve from compiled bytecode, as the Docker image does (pip compiles what it
# installs). With PYTHONDONTWRITEBYTECODE set in the shell every worker would
# compile each module it imports and idle ~8 MiB larger. The bytecode goes to
# a tree of its own, so neither .venv nor the sources change.
export PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX="$PWD/.data/bench/pycache"
$PY -m compileall -q -j 0 -x '/test/' "$($PY -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')" \
  .venv/lib/python3.11/site-packages openzaak_cmis api storage_backends tests >/dev/null 2>&1 || true

[ "${BENCH_ONLY:-}" = zaken ] || $PY -m tests.bench.documents "$@"
# shellcheck disable=SC2086  # ZAKEN_BENCH_ARGS is a list of arguments
[ "${BENCH_ONLY:-}" = documents ] || $PY -m tests.bench.zaken ${ZAKEN_BENCH_ARGS:-}
