"""`manage.py generate_jwt`: a token signed with the client's secret that the APIs accept."""
from io import StringIO

import jwt
import pytest
from django.core.management import CommandError, call_command

SECRET = "generated-token-secret-0123456789"


def generate(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("generate_jwt", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue()


@pytest.mark.django_db
def test_generated_token_is_accepted_by_the_api(make_applicatie, api_client):
    make_applicatie("cli-client", SECRET, alle=True)

    token, _ = generate("cli-client", "--user-id", "jdoe")

    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert claims["iss"] == claims["client_id"] == "cli-client"
    assert claims["user_id"] == claims["user_representation"] == "jdoe"
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api_client.get("/autorisaties/api/v1/applicaties").status_code == 200


@pytest.mark.django_db
def test_given_secret_signs_instead_of_the_stored_one(make_applicatie):
    make_applicatie("cli-client", SECRET, alle=True)

    token, _ = generate("cli-client", "--secret", "other")

    assert jwt.decode(token, "other", algorithms=["HS256"])["client_id"] == "cli-client"


@pytest.mark.django_db
def test_client_without_a_secret_is_an_error():
    with pytest.raises(CommandError, match="has no secret"):
        generate("unknown-client")


@pytest.mark.django_db
def test_client_without_applicatie_gets_a_warning():
    _, warning = generate("loose-client", "--secret", "s")
    assert "no applicatie" in warning
