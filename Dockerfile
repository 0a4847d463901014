# Production image: gunicorn serving openzaak_cmis; run the worker with
#   celery -A openzaak_cmis worker --beat
FROM python:3.11-slim-bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends libgdal32 libgeos-c1v5 libproj25 libmagic1 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY requirements.lock pyproject.toml ./
RUN pip install --no-cache-dir -r requirements.lock
COPY . .
RUN pip install --no-cache-dir --no-deps . \
 && OPENZAAK_ENV=development python manage.py collectstatic --no-input -v 0

RUN useradd --system --home /app openzaak && mkdir -p /app/.data && chown openzaak /app/.data
USER openzaak
ENV OPENZAAK_ENV=production
EXPOSE 8000
CMD ["gunicorn", "openzaak_cmis.wsgi", "-c", "config/gunicorn.conf.py", "-b", "0.0.0.0:8000"]
