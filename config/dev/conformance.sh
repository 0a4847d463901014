#!/usr/bin/env bash
# `make conformance`: the VNG Postman collection, folder by folder, against a
# live server of this project (tests/conformance/run.py). Extra arguments go
# to the runner, e.g. `bash config/dev/conformance.sh --folders ac`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source config/dev/lib.sh

$PY tests/conformance/run.py "$@"
