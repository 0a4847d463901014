"""GEBRUIKSRECHTEN through the API: they set and clear the document's indicatieGebruiksrecht."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.common.models import OutboxNotification
from tests.api.documenten.conftest import API

pytestmark = pytest.mark.django_db
URL = f"{API}/gebruiksrechten"


def recht(document_url: str, **overrides) -> dict:
    return {"informatieobject": document_url, "startdatum": "2024-01-01T00:00:00Z", "omschrijvingVoorwaarden": "intern", **overrides}


def test_gebruiksrechten_keep_the_indicatie(documenten_client, document_url):
    created = documenten_client.post(URL, recht(document_url), format="json")
    assert created.status_code == 201, created.content
    assert created.json()["informatieobject"] == document_url
    current = documenten_client.get(document_url).json()
    assert (current["indicatieGebruiksrecht"], current["versie"]) == (True, 1)
    assert OutboxNotification.objects.filter(kanaal="documenten", resource="gebruiksrechten", actie="create").exists()
    assert documenten_client.delete(created.json()["url"]).status_code == 204
    assert documenten_client.get(document_url).json()["indicatieGebruiksrecht"] is None


def test_update_and_filters(documenten_client, document_url):
    url = documenten_client.post(URL, recht(document_url), format="json").json()["url"]
    patched = documenten_client.patch(url, {"einddatum": "2024-12-31T00:00:00Z"}, format="json")
    assert patched.status_code == 200, patched.content
    assert patched.json()["einddatum"].startswith("2024-12-31")
    listed = documenten_client.get(URL, {"einddatum__lt": "2025-01-01T00:00:00Z"}).json()
    assert [item["url"] for item in listed] == [url]
    assert documenten_client.get(URL, {"startdatum__gt": "2024-06-01T00:00:00Z"}).json() == []
    backwards = documenten_client.patch(url, {"einddatum": "2023-01-01T00:00:00Z"}, format="json")
    assert backwards.status_code == 400


def test_informatieobject_must_be_a_document_here(documenten_client):
    response = documenten_client.post(URL, recht("https://elders.example.nl/documenten/1"), format="json")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "bad-url"


def test_list_checks_all_documents_in_one_backend_query(documenten_client, document_url, informatieobjecttype,
                                                         settings):
    if settings.DOCUMENTEN_BACKEND != "database":
        pytest.skip("query counts of the database backend")
    documenten_client.post(URL, recht(document_url), format="json")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert documenten_client.get(URL).status_code == 200
        return len(captured.captured_queries)

    one = queries()
    for _ in range(3):
        other = documenten_client.post(f"{API}/enkelvoudiginformatieobjecten", {
            "bronorganisatie": "000000000", "creatiedatum": "2024-01-01", "titel": "t", "auteur": "a", "taal": "dut",
            "informatieobjecttype": informatieobjecttype,
        }, format="json").json()["url"]
        documenten_client.post(URL, recht(other), format="json")
    assert len(documenten_client.get(URL).json()) == 4
    assert queries() == one
