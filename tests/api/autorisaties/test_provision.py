"""`manage.py provision`: declarative, idempotent, all-or-nothing, errors with line and field."""
import textwrap
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from api.common.autorisaties import Applicatie, Autorisatie, JWTSecret
from tests.conftest import make_token

ZAAKTYPE = "https://catalogi.example.com/api/v1/zaaktypen/1"

VALID = """\
applicaties:
  - label: zgw api tests
    client_ids: [zgw_api_tests]
    secret: secret
    heeft_alle_autorisaties: true
  - label: limited
    client_ids: [zgw_api_tests_limited]
    secret: secret_limited
    autorisaties:
      - component: zrc
        scopes: [zaken.lezen]
        zaaktype: https://catalogi.example.com/api/v1/zaaktypen/1
        max_vertrouwelijkheidaanduiding: openbaar
"""


@pytest.fixture
def provision(tmp_path):
    """Write YAML to a file and run the command on it; return (stdout, file name)."""

    def _run(text: str, *args: str) -> tuple[str, str]:
        path = tmp_path / "applicaties.yaml"
        path.write_text(textwrap.dedent(text))
        out = StringIO()
        call_command("provision", str(path), *args, stdout=out)
        return out.getvalue(), str(path)

    return _run


def snapshot() -> tuple:
    return (
        list(
            Applicatie.objects.order_by("pk").values_list(
                "uuid", "label", "client_ids", "heeft_alle_autorisaties", "instellingen__alleen_is_gereed_voor_publicatie"
            )
        ),
        list(Autorisatie.objects.order_by("pk").values_list("applicatie_id", "component", "scopes", "zaaktype")),
        list(JWTSecret.objects.order_by("pk").values_list("identifier", "secret")),
    )


@pytest.mark.django_db
def test_provision_creates_applicaties_autorisaties_and_secrets(provision):
    out, _ = provision(VALID)

    assert "created    zgw api tests (zgw_api_tests)" in out
    assert "2 created, 0 updated, 0 unchanged" in out
    limited = Applicatie.objects.get(client_ids=["zgw_api_tests_limited"])
    assert limited.heeft_alle_autorisaties is False
    assert list(limited.autorisaties.values_list("component", "scopes", "zaaktype", "max_vertrouwelijkheidaanduiding")) == [
        ("zrc", ["zaken.lezen"], ZAAKTYPE, "openbaar")
    ]
    assert JWTSecret.objects.get(identifier="zgw_api_tests_limited").secret == "secret_limited"


@pytest.mark.django_db
def test_provisioned_client_can_call_the_api(provision, api_client):
    provision(VALID)

    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token('zgw_api_tests', 'secret')}")
    assert api_client.get("/autorisaties/api/v1/applicaties").status_code == 200


@pytest.mark.django_db
def test_running_the_same_file_twice_changes_nothing(provision):
    provision(VALID)
    before = snapshot()

    out, _ = provision(VALID)

    assert snapshot() == before
    assert "0 created, 0 updated, 2 unchanged" in out


@pytest.mark.django_db
def test_provision_updates_the_applicatie_holding_a_client_id(provision, make_applicatie):
    existing = make_applicatie("zgw_api_tests", "old-secret", autorisaties=[{"component": "ac", "scopes": ["autorisaties.lezen"]}])

    out, _ = provision(VALID)

    existing.refresh_from_db()
    assert "updated    zgw api tests (zgw_api_tests)" in out
    assert existing.label == "zgw api tests"
    assert existing.heeft_alle_autorisaties is True
    assert not existing.autorisaties.exists()
    assert JWTSecret.objects.get(identifier="zgw_api_tests").secret == "secret"
    assert Applicatie.objects.count() == 2


@pytest.mark.django_db
def test_changing_only_the_secret_is_an_update(provision):
    provision(VALID)

    out, _ = provision(VALID.replace("secret: secret\n", "secret: rotated\n"))

    assert "updated    zgw api tests" in out
    assert "unchanged  limited" in out
    assert JWTSecret.objects.get(identifier="zgw_api_tests").secret == "rotated"


@pytest.mark.django_db
def test_alleen_is_gereed_voor_publicatie_is_provisioned_and_replaced(provision, superuser_client):
    flagged = VALID.replace("    heeft_alle_autorisaties: true\n", "    heeft_alle_autorisaties: true\n    alleen_is_gereed_voor_publicatie: true\n")
    provision(flagged)

    def flag(client_id: str) -> bool:
        uuid = Applicatie.objects.get(client_ids=[client_id]).uuid
        return superuser_client.get(f"/autorisaties/api/v1/applicaties/{uuid}").json()["alleenIsGereedVoorPublicatie"]

    assert (flag("zgw_api_tests"), flag("zgw_api_tests_limited")) == (True, False)

    assert "0 created, 0 updated, 2 unchanged" in provision(flagged)[0]
    out, _ = provision(VALID)  # left out means false: the file is the whole truth

    assert "updated    zgw api tests" in out and "unchanged  limited" in out
    assert flag("zgw_api_tests") is False


@pytest.mark.django_db
def test_dry_run_reports_and_writes_nothing(provision):
    out, _ = provision(VALID, "--dry-run")

    assert "2 created" in out and "dry run" in out
    assert not Applicatie.objects.exists()
    assert not JWTSecret.objects.exists()


BAD_FILES = {
    "wrong type": (
        VALID.replace("heeft_alle_autorisaties: true", "heeft_alle_autorisaties: misschien"),
        5,
        "applicaties[0].heeft_alle_autorisaties",
        "true of false",
    ),
    "missing secret": (VALID.replace("    secret: secret_limited\n", ""), 6, "applicaties[1].secret", "verplicht"),
    "empty secret": (VALID.replace("secret: secret_limited", "secret: ''"), 8, "applicaties[1].secret", "niet-lege"),
    "unknown key": (
        VALID.replace("        scopes: [zaken.lezen]", "        scopes: [zaken.lezen]\n        zaaktypen: []"),
        12,
        "applicaties[1].autorisaties[0].zaaktypen",
        "Onbekend veld",
    ),
    "zrc autorisatie without zaaktype": (
        VALID.replace(f"        zaaktype: {ZAAKTYPE}\n", ""),
        10,
        "applicaties[1].autorisaties[0].zaaktype",
        "component",
    ),
    "type field on the wrong component": (
        VALID.replace("component: zrc", "component: ac").replace("scopes: [zaken.lezen]", "scopes: [autorisaties.lezen]"),
        12,
        "applicaties[1].autorisaties[0].zaaktype",
        "Hoort niet bij component ac",
    ),
    "duplicate client id across entries": (
        VALID.replace("client_ids: [zgw_api_tests_limited]", "client_ids: [zgw_api_tests]"),
        7,
        "applicaties[1].client_ids",
        "staat ook bij applicaties[0]",
    ),
    "neither autorisaties nor heeft_alle_autorisaties": (
        VALID.replace("    heeft_alle_autorisaties: true\n", ""),
        2,
        "applicaties[0]",
        "heeft_alle_autorisaties",
    ),
    "flag that is not a boolean": (
        VALID.replace("    heeft_alle_autorisaties: true\n", "    heeft_alle_autorisaties: true\n    alleen_is_gereed_voor_publicatie: ja\n"),
        6,
        "applicaties[0].alleen_is_gereed_voor_publicatie",
        "true of false",
    ),
    "malformed YAML": (VALID.replace("    secret: secret_limited", "  secret: [secret_limited"), 8, "", "Ongeldige YAML"),
    "duplicate key": (VALID.replace("    secret: secret\n", "    secret: secret\n    secret: other\n"), 5, "applicaties[0].secret", "Dubbele sleutel"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("text, line, field, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_names_line_and_field_and_changes_nothing(provision, make_applicatie, text, line, field, message):
    make_applicatie("zgw_api_tests", "old-secret", alle=True)
    before = snapshot()

    with pytest.raises(CommandError) as raised:
        provision(text)

    error = str(raised.value)
    located = [row for row in error.splitlines() if row.split(":")[1:2] == [str(line)]]
    assert located, error
    assert any(field in row and message in row for row in located), error
    assert "nothing was changed" in error
    assert snapshot() == before


@pytest.mark.django_db
def test_all_problems_are_reported_at_once(provision):
    text = VALID.replace("    secret: secret\n", "").replace("component: zrc", "component: xyz")

    with pytest.raises(CommandError) as raised:
        provision(text)

    assert "applicaties[0].secret" in str(raised.value)
    assert "applicaties[1].autorisaties[0].component" in str(raised.value)


@pytest.mark.django_db
def test_entry_matching_two_applicaties_is_refused(provision, make_applicatie):
    make_applicatie("a", alle=True)
    make_applicatie("b", alle=True)

    with pytest.raises(CommandError, match=r"applicaties\[0\]\.client_ids: .*verschillende applicaties"):
        provision("applicaties:\n  - {label: ab, client_ids: [a, b], secret: s, heeft_alle_autorisaties: true}\n")


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        call_command("provision", str(tmp_path / "nope.yaml"))


@pytest.mark.django_db
def test_demo_file_is_valid():
    out = StringIO()
    call_command("provision", str(settings.BASE_DIR / "config" / "demo-applicaties.yaml"), "--dry-run", stdout=out)
    assert "2 applicaties" in out.getvalue()
