#!/usr/bin/env bash
# `make bench`: the Documenten API benchmark per document backend
# (tests/bench/documents.py). Extra arguments go to it, e.g.
# `bash config/dev/bench.sh --size-mib 256 --backends database+local`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source config/dev/lib.sh

$PY -m tests.bench.documents "$@"
