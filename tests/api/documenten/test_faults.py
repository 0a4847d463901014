"""ENKELVOUDIGINFORMATIEOBJECT create when a store fails: S3 unreachable (503), the database refusing COMMIT (5xx)."""
import base64

import pytest
from botocore.config import Config

from api.common.models import OutboxNotification
from storage_backends import document_backend
from storage_backends.database.models import StoredDocument, StoredVersion
from tests.api.documenten.conftest import API
from tests.db_faults import REFUSED_TITEL, commit_refused
from tests.storage_backends.conftest import CREDENTIALS, free_port

URL = f"{API}/enkelvoudiginformatieobjecten"
PROBLEM = "application/problem+json"
# S3 and the database backend's commit; the CMIS backend's faults are in tests/storage_backends/cmis.
pytestmark = pytest.mark.parametrize("documents_on_tmp_disk", ["database"], indirect=True)


def body(informatieobjecttype: str, **overrides) -> dict:
    return {
        "bronorganisatie": "000000000", "creatiedatum": "2024-01-01", "titel": "Aanvraag", "auteur": "Burger",
        "taal": "dut", "informatieobjecttype": informatieobjecttype,
        "inhoud": base64.b64encode(b"inhoud van de aanvraag").decode(), **overrides,
    }


def assert_nothing_stored():
    assert not StoredDocument.objects.exists()
    assert not StoredVersion.objects.exists()
    assert not OutboxNotification.objects.filter(kanaal="documenten").exists()


@pytest.fixture
def unreachable_s3(documents_on_tmp_disk, settings):
    """The `documents` storage on an S3 endpoint where nothing listens (a free loopback port)."""
    settings.DOCUMENT_STORAGE = "s3"
    settings.DOCUMENTS_S3_OPTIONS = {
        **settings.DOCUMENTS_S3_OPTIONS,
        "bucket_name": "documenten", "endpoint_url": f"http://127.0.0.1:{free_port()}",
        "access_key": CREDENTIALS["aws_access_key_id"], "secret_key": CREDENTIALS["aws_secret_access_key"],
        "region_name": CREDENTIALS["region_name"], "location": "",
        "client_config": Config(connect_timeout=2, retries={"max_attempts": 1}),
    }
    document_backend.cache_clear()
    yield
    document_backend.cache_clear()


@pytest.mark.django_db
def test_create_with_s3_unreachable_is_503_and_stores_nothing(documenten_client, informatieobjecttype, unreachable_s3):
    response = documenten_client.post(URL, body(informatieobjecttype), format="json")
    assert response.status_code == 503, response.content
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == 503
    assert problem["code"] == "service-unavailable"
    assert_nothing_stored()


@pytest.mark.django_db(transaction=True)
def test_create_whose_commit_fails_is_5xx_and_leaves_no_content(
    documenten_client, informatieobjecttype, documents_on_tmp_disk
):
    with commit_refused():
        response = documenten_client.post(URL, body(informatieobjecttype, titel=REFUSED_TITEL), format="json")
    assert response.status_code >= 500, response.content
    assert response["Content-Type"] == PROBLEM
    assert response.json()["status"] == response.status_code
    assert_nothing_stored()
    assert not [path for path in documents_on_tmp_disk.rglob("*") if path.is_file()]
