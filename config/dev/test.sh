#!/usr/bin/env bash
# `make test`: the pytest suite, the schemathesis gate, then the VNG Postman conformance run, and its
# Documenten folder again with documents in a CMIS repository (the test server).
set -euo pipefail
cd "$(dirname "$0")/../.."
source config/dev/lib.sh

.venv/bin/pytest -q --create-db
bash config/dev/schemathesis.sh
bash config/dev/conformance.sh
bash config/dev/conformance.sh --folders drc --documenten-backend cmis
