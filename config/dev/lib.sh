# Shared by run.sh, test.sh, conformance.sh and schemathesis.sh: start the local services and
# stop, by PID, every server this script started when it exits.
PY=.venv/bin/python
STARTED_PIDS=()
ALREADY_RUNNING=$(bash config/dev/services.sh running | tr '\n' ' ')

cleanup() {
  local code=$?
  for pid in "${STARTED_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  # Leave PostgreSQL and Redis up only if they were running before we started.
  if [[ "$ALREADY_RUNNING" != *pg* || "$ALREADY_RUNNING" != *redis* ]]; then
    bash config/dev/services.sh stop
  fi
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bash config/dev/services.sh start
