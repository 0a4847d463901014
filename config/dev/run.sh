#!/usr/bin/env bash
# `make run`: migrate, provision demo credentials, then serve the APIs with
# gunicorn (http://localhost:8000) and a Celery worker with beat.
set -euo pipefail
cd "$(dirname "$0")/../.."
source config/dev/lib.sh
PORT="${PORT:-8000}"

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
