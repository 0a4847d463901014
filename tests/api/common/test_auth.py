"""ZGW JWT authentication and scope checks, through real requests to the Autorisaties API."""
import time

import jwt
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from api.common.autorisaties import Applicatie, Autorisatie
from tests.conftest import make_token

URL = "/autorisaties/api/v1/applicaties"
SECRET = "a-secret-that-is-long-enough-for-hs256-0123"
PROBLEM = "application/problem+json"


def call(token: str | None, method: str = "get", path: str = URL, **kwargs):
    client = APIClient()
    if token is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return getattr(client, method)(path, **kwargs)


def assert_problem(response, status: int, code: str) -> None:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["code"] == code
    assert body["status"] == status
    assert {"type", "title", "detail", "instance"} <= body.keys()


@pytest.fixture
def lezer(make_applicatie):
    """A client that may read the Autorisaties API and nothing else."""
    return make_applicatie(
        "lezer", SECRET, autorisaties=[{"component": "ac", "scopes": ["autorisaties.lezen"]}]
    )


@pytest.mark.django_db
def test_valid_token_with_scope_reads(lezer):
    response = call(make_token("lezer", SECRET))
    assert response.status_code == 200
    assert response["API-version"] == "1.1.0"


@pytest.mark.django_db
def test_missing_token_is_refused(lezer):
    assert_problem(call(None), 403, "not_authenticated")


@pytest.mark.django_db
def test_expired_token_is_refused(lezer):
    issued = int(time.time()) - settings.JWT_EXPIRY - settings.TIME_LEEWAY - 60
    assert_problem(call(make_token("lezer", SECRET, iat=issued)), 403, "jwt-expired")


@pytest.mark.django_db
def test_token_from_the_future_is_refused(lezer):
    issued = int(time.time()) + settings.TIME_LEEWAY + 60
    assert_problem(call(make_token("lezer", SECRET, iat=issued)), 403, "jwt-immature")


@pytest.mark.django_db
def test_token_within_the_leeway_is_accepted(lezer):
    issued = int(time.time()) + settings.TIME_LEEWAY - 2
    assert call(make_token("lezer", SECRET, iat=issued)).status_code == 200


@pytest.mark.django_db
def test_badly_signed_token_is_refused(lezer):
    assert_problem(call(make_token("lezer", "another-secret-of-enough-length-456")), 403, "invalid-jwt-signature")


@pytest.mark.django_db
def test_unsigned_token_is_refused(lezer):
    token = jwt.encode({"client_id": "lezer", "iat": int(time.time())}, None, algorithm="none")
    assert_problem(call(token), 403, "jwt-invalid-algorithm")


@pytest.mark.django_db
def test_garbage_token_is_refused(lezer):
    assert_problem(call("not.a.jwt"), 403, "jwt-decode-error")


@pytest.mark.django_db
def test_token_without_iat_is_refused(lezer):
    token = jwt.encode({"client_id": "lezer"}, SECRET, algorithm="HS256")
    assert_problem(call(token), 403, "jwt-missing-iat-claim")


@pytest.mark.django_db
def test_token_without_client_id_is_refused(lezer):
    token = jwt.encode({"iat": int(time.time())}, SECRET, algorithm="HS256")
    assert_problem(call(token), 403, "missing-client-identifier")


@pytest.mark.django_db
def test_unknown_client_is_refused(lezer):
    assert_problem(call(make_token("stranger", SECRET)), 403, "invalid-client-identifier")


@pytest.mark.django_db
def test_missing_scope_is_refused(lezer):
    response = call(make_token("lezer", SECRET), "post", data={"clientIds": ["x"], "label": "x"}, format="json")
    assert_problem(response, 403, "permission_denied")
    assert not Applicatie.objects.filter(label="x").exists()


@pytest.mark.django_db
def test_scope_of_another_component_does_not_count(make_applicatie):
    make_applicatie("zaken-only", SECRET, autorisaties=[{"component": "zrc", "scopes": ["autorisaties.lezen"]}])
    assert_problem(call(make_token("zaken-only", SECRET)), 403, "permission_denied")


@pytest.mark.django_db
def test_withdrawn_scope_takes_effect_on_the_next_request(lezer):
    token = make_token("lezer", SECRET)
    assert call(token).status_code == 200
    Autorisatie.objects.filter(applicatie=lezer).delete()
    assert_problem(call(token), 403, "permission_denied")


@pytest.mark.django_db
def test_deleted_applicatie_takes_effect_on_the_next_request(lezer):
    token = make_token("lezer", SECRET)
    assert call(token).status_code == 200
    lezer.delete()
    assert call(token).status_code == 403


@pytest.mark.django_db
def test_a_request_costs_at_most_one_query_for_authorization(lezer):
    token = make_token("lezer", SECRET)
    applicatie_url = f"{URL}/{lezer.uuid}"
    with CaptureQueriesContext(connection) as cold:
        assert call(token, path=applicatie_url).status_code == 200
    with CaptureQueriesContext(connection) as warm:
        assert call(token, path=applicatie_url).status_code == 200
    # The detail query itself reads the applicatie's autorisaties; only the
    # secret lookup identifies the auth query, and it runs once, then is cached.
    cold_auth = [sql for sql in cold.captured_queries if "jwtsecret" in sql["sql"].lower()]
    warm_auth = [sql for sql in warm.captured_queries if "jwtsecret" in sql["sql"].lower()]
    assert len(cold_auth) == 1
    assert warm_auth == []
    assert len(warm.captured_queries) < len(cold.captured_queries)
