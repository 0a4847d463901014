"""Lists of gebruiksrechten and objectinformatieobjecten are plain arrays, as the standard and the served OAS say.

Found by the schemathesis gate: the served OAS described them as pages ({count, next, previous, results}).
"""
import pytest

from tests.served_schema import assert_served_schema_describes

from .conftest import API

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("collection", ["gebruiksrechten", "objectinformatieobjecten"])
def test_part_list_is_an_array_the_served_schema_describes(documenten_client, document_url, collection):
    response = documenten_client.get(f"{API}/{collection}", {"informatieobject": document_url})

    assert response.status_code == 200, response.content
    assert response.json() == []
    assert_served_schema_describes(documenten_client, response, path=f"/{collection}")


@pytest.mark.parametrize("collection", ["gebruiksrechten", "objectinformatieobjecten"])
def test_part_list_takes_no_page(documenten_client, collection):
    operation = documenten_client.get("/documenten/api/v1/schema/openapi.json").json()["paths"][f"/{collection}"]["get"]

    assert "page" not in {parameter["name"] for parameter in operation["parameters"]}
