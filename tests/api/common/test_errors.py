"""Client mistakes get a ZGW problem (never a 500) and change nothing."""
import pytest

from api.common.autorisaties import Applicatie

URL = "/autorisaties/api/v1/applicaties"
PROBLEM = "application/problem+json"


def invalid_names(response) -> set[str]:
    return {param["name"] for param in response.json()["invalidParams"]}


@pytest.mark.django_db
def test_malformed_json_body_is_a_400_with_invalid_params(superuser_client):
    response = superuser_client.post(URL, data='{"label": "x", ', content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["code"] == "parse_error"
    assert body["invalidParams"], body
    assert Applicatie.objects.count() == 1  # only the caller's own


@pytest.mark.django_db
def test_json_that_is_not_an_object_is_a_400(superuser_client):
    response = superuser_client.post(URL, data="[1, 2]", content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert "nonFieldErrors" in invalid_names(response)


@pytest.mark.django_db
def test_unsupported_media_type_is_a_problem(superuser_client):
    response = superuser_client.post(URL, data="label=x", content_type="text/plain")
    assert response.status_code == 415
    assert response["Content-Type"] == PROBLEM


@pytest.mark.django_db
def test_unknown_query_parameter_is_a_400(superuser_client):
    response = superuser_client.get(URL, {"clientIdz": "x"})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json()["code"] == "invalid"
    assert response.json()["invalidParams"][0]["code"] == "unknown-parameters"


@pytest.mark.django_db
def test_page_beyond_the_last_is_a_404_problem(superuser_client):
    response = superuser_client.get(URL, {"page": 5})
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


@pytest.mark.django_db
def test_unknown_resource_is_a_404_problem(superuser_client):
    response = superuser_client.get(f"{URL}/6f1b1d5e-4b0e-4a5e-9d3e-000000000000")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM


@pytest.mark.django_db
def test_unknown_path_under_an_api_is_a_404_problem(superuser_client):
    response = superuser_client.get("/autorisaties/api/v1/nothing-here")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == 404


@pytest.mark.django_db
def test_method_not_allowed_is_a_problem(superuser_client):
    response = superuser_client.put(URL, data={}, format="json")
    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM


@pytest.mark.django_db
def test_validation_error_names_each_field(superuser_client):
    response = superuser_client.post(URL, data={"clientIds": "not-a-list"}, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert {"clientIds", "label"} <= invalid_names(response)
    assert Applicatie.objects.count() == 1
