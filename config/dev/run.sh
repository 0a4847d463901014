#!/usr/bin/env bash
# `make run`: migrate, provision demo credentials, then serve the APIs with
# gunicorn (http://localhost:8000) and a Celery worker with beat.
# `make run DOCUMENTEN_BACKEND=cmis` keeps documents in a CMIS repository: the
# one at CMIS_URL, or else the CMIS test server (tests/cmis_server) with the
# content model, on port 8089 with its data under .data/cmis.
set -euo pipefail
cd "$(dirname "$0")/../.."
source config/dev/lib.sh
PORT="${PORT:-8000}"

if [[ "${DOCUMENTEN_BACKEND:-}" == cmis && -z "${CMIS_URL:-}" ]]; then
  mkdir -p .data/cmis
  $PY -m storage_backends.cmis.model_json > .data/cmis/types.json
  $PY -m tests.cmis_server --port 8089 --data .data/cmis --types .data/cmis/types.json >.data/cmis/server.log 2>&1 &
  STARTED_PIDS+=($!)
  export CMIS_URL=http://127.0.0.1:8089/alfresco/api/-default-/public/cmis/versions/1.1/browser
  export CMIS_USER=admin CMIS_PASSWORD=admin
  for _ in $(seq 50); do curl -sf -u admin:admin "$CMIS_URL" >/dev/null && break; sleep 0.2; done
fi

$PY manage.py migrate --no-input -v 0
$PY manage.py collectstatic --no-input -v 0
$PY manage.py provision config/demo-applicaties.yaml
ADMIN_PASSWORD="${ADMIN_PASSWORD:-admin-demo-password}"
$PY manage.py shell -v 0 -c "
from django.contrib.auth import get_user_model
User = get_user_model()
if not User.objects.filter(username='admin').exists():
    User.objects.create_superuser('admin', 'admin@example.com', '$ADMIN_PASSWORD')
"
TOKEN=$($PY manage.py generate_jwt demo)

.venv/bin/celery -A openzaak_cmis worker --beat -l warning --concurrency 2 \
  --schedule .data/celerybeat-schedule >.data/celery.log 2>&1 &
STARTED_PIDS+=($!)

cat <<MSG

  openzaak-cmis serves on http://localhost:$PORT
    Autorisaties API       http://localhost:$PORT/autorisaties/api/v1/   (schema: .../schema/)
    Catalogi API           http://localhost:$PORT/catalogi/api/v1/
    Documenten API         http://localhost:$PORT/documenten/api/v1/   (documents: ${DOCUMENTEN_BACKEND:-database})
    Referentielijsten API  http://localhost:$PORT/referentielijsten/api/v1/
    Admin                  http://localhost:$PORT/admin/   user: admin   password: $ADMIN_PASSWORD

  Demo client: client_id "demo" (all autorisaties); a token valid for an hour:
    $TOKEN
  Try:
    curl -H "Authorization: Bearer $TOKEN" http://localhost:$PORT/autorisaties/api/v1/applicaties
  New token: .venv/bin/python manage.py generate_jwt demo

MSG

.venv/bin/gunicorn openzaak_cmis.wsgi -c config/gunicorn.conf.py -b "0.0.0.0:$PORT" &
STARTED_PIDS+=($!)
wait "${STARTED_PIDS[-1]}"
