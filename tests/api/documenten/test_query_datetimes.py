"""Date-time query parameters (gebruiksrechten bounds, registratieOp): any ISO 8601 offset, a 400 outside the calendar.

Found by the schemathesis gate: an offset beyond PostgreSQL's ±15:59 answered 500.
"""
import pytest

from tests.conftest import invalid_params

from .conftest import API

pytestmark = pytest.mark.django_db


def test_gebruiksrechten_bounds_take_offsets_beyond_what_postgresql_stores(documenten_client, document_url):
    recht = documenten_client.post(f"{API}/gebruiksrechten", {
        "informatieobject": document_url, "startdatum": "2024-01-01T12:00:00Z", "omschrijvingVoorwaarden": "intern",
    }, format="json").json()["url"]

    # 2024-01-01T12:00 at +18:32 is 2023-12-31T17:28 UTC: before the startdatum.
    after = documenten_client.get(f"{API}/gebruiksrechten", {"startdatum__gt": "2024-01-01T12:00:00+18:32"})
    before = documenten_client.get(f"{API}/gebruiksrechten", {"startdatum__lt": "2024-01-01T12:00:00-18:32"})

    assert after.status_code == 200, after.content
    assert [item["url"] for item in after.json()] == [recht]
    assert [item["url"] for item in before.json()] == [recht]


@pytest.mark.parametrize("value", [
    "0001-01-01T00:00:00+01:00",  # year 0 in UTC
    "9999-12-31T23:00:00-18:00",  # year 10000 in UTC
    "2024-13-45T00:00:00Z",  # shaped like a date-time, but no day of the calendar
    "gisteren",
])
def test_gebruiksrechten_bound_outside_the_calendar_is_a_400(documenten_client, value):
    response = documenten_client.get(f"{API}/gebruiksrechten", {"einddatum__lte": value})

    assert invalid_params(response) == {"einddatum__lte": "invalid"}


def test_registratie_op_takes_any_offset_and_refuses_one_outside_the_calendar(documenten_client, document_url):
    found = documenten_client.get(document_url, {"registratieOp": "2999-01-01T00:00:00+18:32"})
    refused = documenten_client.get(document_url, {"registratieOp": "0001-01-01T00:30:00+01:00"})

    assert found.status_code == 200, found.content
    assert found.json()["versie"] == 1
    assert invalid_params(refused) == {"registratieOp": "invalid"}
