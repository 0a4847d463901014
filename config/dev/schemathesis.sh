#!/usr/bin/env bash
# The schemathesis gate (tests/schemathesis/run.py): every component's served OAS fuzzed against a live server
# of this project; fails on any 5xx or response the schema does not describe. Extra arguments go to the runner,
# e.g. `bash config/dev/schemathesis.sh --components documenten`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source config/dev/lib.sh

$PY tests/schemathesis/run.py "$@"
