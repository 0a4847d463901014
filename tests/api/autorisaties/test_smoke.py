import pytest


@pytest.mark.django_db
def test_list_applicaties_with_all_autorisaties(superuser_client):
    response = superuser_client.get("/autorisaties/api/v1/applicaties")
    assert response.status_code == 200
    assert response.json()["count"] == 1
