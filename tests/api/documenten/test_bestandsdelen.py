"""Content in bestandsdelen through the API: create with a bestandsomvang, PUT each part, unlock to finish."""
import io

import pytest

from tests.api.documenten.conftest import API
from tests.api.documenten.test_enkelvoudiginformatieobjecten import URL, body
from tests.conftest import invalid_params

pytestmark = pytest.mark.django_db
PAYLOAD = b"0123456789" * 100 + b"end"  # 1003 bytes: parts of 400, 400 and 203


@pytest.fixture(autouse=True)
def small_parts(settings):
    settings.DOCUMENTEN_UPLOAD_CHUNK_SIZE = 400


@pytest.fixture
def upload(documenten_client, informatieobjecttype) -> dict:
    response = documenten_client.post(
        URL, body(informatieobjecttype, inhoud=None, bestandsomvang=len(PAYLOAD), bestandsnaam="groot.txt"),
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()


def put_part(client, part: dict, data: bytes, lock: str):
    return client.put(part["url"], {"inhoud": io.BytesIO(data), "lock": lock}, format="multipart")


def test_create_without_inhoud_gives_parts_with_the_lock(upload):
    assert upload["locked"] is True and upload["inhoud"] is None
    parts = upload["bestandsdelen"]
    assert [(p["volgnummer"], p["omvang"], p["voltooid"]) for p in parts] == [(1, 400, False), (2, 400, False), (3, 203, False)]
    assert len({p["lock"] for p in parts}) == 1 and parts[0]["lock"]
    assert parts[0]["url"].startswith(f"{API}/bestandsdelen/")
    assert upload["lock"] == parts[0]["lock"]  # Documenten 1.7: the 201 carries the lock itself


def test_part_upload_answers_the_part_with_the_lock(documenten_client, upload):
    part, lock = upload["bestandsdelen"][2], upload["lock"]
    response = put_part(documenten_client, part, PAYLOAD[800:], lock)
    assert response.status_code == 200, response.content
    assert response.json() == {"url": part["url"], "lock": lock, "omvang": 203, "voltooid": True, "volgnummer": 3}


def test_upload_all_parts_then_unlock_gives_the_content(documenten_client, upload):
    lock = upload["bestandsdelen"][0]["lock"]
    for part in upload["bestandsdelen"]:
        start = (part["volgnummer"] - 1) * 400
        response = put_part(documenten_client, part, PAYLOAD[start : start + part["omvang"]], lock)
        assert response.status_code == 200, response.content
        assert response.json()["voltooid"] is True and response.json()["url"] == part["url"]

    assert documenten_client.post(f"{upload['url']}/unlock", {"lock": lock}, format="json").status_code == 204
    document = documenten_client.get(upload["url"]).json()
    assert document["locked"] is False and document["bestandsdelen"] == [] and document["versie"] == 1
    download = documenten_client.get(document["inhoud"])
    assert b"".join(download.streaming_content) == PAYLOAD
    assert download["Content-Disposition"] == 'attachment; filename="groot.txt"'


def test_unlock_refuses_an_incomplete_upload(documenten_client, upload):
    lock = upload["bestandsdelen"][0]["lock"]
    put_part(documenten_client, upload["bestandsdelen"][0], PAYLOAD[:400], lock)
    response = documenten_client.post(f"{upload['url']}/unlock", {"lock": lock}, format="json")
    assert response.status_code == 400
    assert invalid_params(response) == {"nonFieldErrors": "incomplete-upload"}
    document = documenten_client.get(upload["url"]).json()
    assert document["locked"] is True
    assert [p["voltooid"] for p in document["bestandsdelen"]] == [True, False, False]
    assert {p["lock"] for p in document["bestandsdelen"]} == {""}  # a reader is not told the lock


def test_part_of_the_wrong_size(documenten_client, upload):
    part = upload["bestandsdelen"][0]
    response = put_part(documenten_client, part, PAYLOAD[:399], part["lock"])
    assert response.status_code == 400
    assert invalid_params(response) == {"inhoud": "file-size"}


def test_part_without_or_with_a_wrong_lock(documenten_client, upload):
    part = upload["bestandsdelen"][0]
    missing = documenten_client.put(part["url"], {"inhoud": io.BytesIO(PAYLOAD[:400])}, format="multipart")
    assert missing.status_code == 400 and invalid_params(missing) == {"lock": "required"}
    wrong = put_part(documenten_client, part, PAYLOAD[:400], "wrong")
    assert wrong.status_code == 400 and invalid_params(wrong) == {"nonFieldErrors": "incorrect-lock-id"}
    document = documenten_client.get(upload["url"]).json()
    assert not any(p["voltooid"] for p in document["bestandsdelen"])


def test_part_without_inhoud(documenten_client, upload):
    part = upload["bestandsdelen"][0]
    response = documenten_client.put(part["url"], {"lock": part["lock"]}, format="multipart")
    assert response.status_code == 400 and invalid_params(response) == {"inhoud": "required"}


def test_part_needs_bijwerken_on_the_document(upload, informatieobjecttype, restricted_client):
    reader = restricted_client(
        "reader", informatieobjecttype=informatieobjecttype, level="zeer_geheim", scopes=["documenten.lezen"]
    )
    part = upload["bestandsdelen"][0]
    assert put_part(reader, part, PAYLOAD[:400], part["lock"]).status_code == 403


def test_unknown_part(documenten_client):
    response = documenten_client.put(
        f"{API}/bestandsdelen/00000000-0000-0000-0000-000000000000", {"inhoud": io.BytesIO(b"x"), "lock": "l"},
        format="multipart",
    )
    assert response.status_code == 404


def test_update_with_a_new_bestandsomvang_starts_a_new_upload(documenten_client, upload):
    lock = upload["bestandsdelen"][0]["lock"]
    response = documenten_client.patch(upload["url"], {"bestandsomvang": 500, "lock": lock}, format="json")
    assert response.status_code == 200, response.content
    updated = response.json()
    assert updated["versie"] == 2
    assert [(p["omvang"], p["lock"]) for p in updated["bestandsdelen"]] == [(400, lock), (100, lock)]
    # a metadata change keeps the upload in progress
    kept = documenten_client.patch(upload["url"], {"titel": "Nieuw", "lock": lock}, format="json").json()
    assert [p["url"] for p in kept["bestandsdelen"]] == [p["url"] for p in updated["bestandsdelen"]]
