"""Health endpoints: liveness answers without dependencies, readiness checks DB and cache."""
import pytest
from django.test import override_settings


def test_liveness_answers_ok(client):
    response = client.get("/health/live")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readiness_reports_database_and_cache(client):
    response = client.get("/health/?format=json")
    assert response.status_code == 200
    assert set(response.json().values()) == {"OK"}
    assert any(name.startswith("Database") for name in response.json())


@pytest.mark.django_db
@override_settings(
    CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}}
)
def test_readiness_fails_when_the_cache_is_unreachable(client):
    response = client.get("/health/?format=json")
    assert response.status_code == 500
