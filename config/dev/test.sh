#!/usr/bin/env bash
# `make test`: the pytest suite, then the VNG Postman conformance run.
set -euo pipefail
cd "$(dirname "$0")/../.."
source config/dev/lib.sh

.venv/bin/pytest -q --create-db
bash config/dev/conformance.sh
