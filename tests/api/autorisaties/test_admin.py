"""Admin for applicaties and secrets: write-only secrets, API rules, immediate effect, lockout and 2FA."""
import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from api.common.autorisaties import Applicatie, JWTSecret
from api.common.models import OutboxNotification
from tests.conftest import make_token

SECRET = "never-shown-secret-7f3a9c2e1b"
PASSWORD = "correct horse battery staple"
APPLICATIES = "/autorisaties/api/v1/applicaties"
ZAAKTYPE = "https://catalogi.example.com/api/v1/zaaktypen/1"


@pytest.fixture
def admin_user(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins
    return get_user_model().objects.create_superuser("beheerder", "beheer@example.com", PASSWORD)


@pytest.fixture
def admin_web(client, admin_user, settings):
    settings.ADMIN_2FA = False
    client.force_login(admin_user)
    return client


@pytest.fixture
def caller(make_applicatie, api_client):
    """An API client whose applicatie may read applicaties; returns (client, applicatie)."""
    applicatie = make_applicatie("caller", SECRET, alle=True)
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token('caller', SECRET)}")
    return api_client, applicatie


def applicatie_post(**overrides) -> dict:
    """Form data for the applicatie add/change page, with the autorisaties inline."""
    data = {
        "label": "via admin",
        "client_ids": "admin-client",
        "heeft_alle_autorisaties": "on",
        "secret": "",
        "autorisaties-TOTAL_FORMS": "0",
        "autorisaties-INITIAL_FORMS": "0",
        "autorisaties-MIN_NUM_FORMS": "0",
        "autorisaties-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def autorisatie_rows(*rows: dict) -> dict:
    data = {"autorisaties-TOTAL_FORMS": str(len(rows))}
    for index, row in enumerate(rows):
        for field in ("component", "scopes", "zaaktype", "informatieobjecttype", "besluittype", "max_vertrouwelijkheidaanduiding"):
            data[f"autorisaties-{index}-{field}"] = row.get(field, "")
    return data


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/authorizations/applicatie/",
        "/admin/authorizations/applicatie/add/",
        "/admin/vng_api_common/jwtsecret/",
        "/admin/vng_api_common/jwtsecret/add/",
    ],
)
def test_admin_pages_load(admin_web, make_applicatie, path):
    make_applicatie("listed", SECRET, alle=True)
    assert admin_web.get(path).status_code == 200


def test_change_pages_load_and_never_show_the_secret(admin_web, make_applicatie):
    applicatie = make_applicatie("shown", SECRET, autorisaties=[{"component": "ac", "scopes": ["autorisaties.lezen"]}])
    secret = JWTSecret.objects.get(identifier="shown")

    pages = [
        "/admin/authorizations/applicatie/",
        f"/admin/authorizations/applicatie/{applicatie.pk}/change/",
        "/admin/vng_api_common/jwtsecret/",
        f"/admin/vng_api_common/jwtsecret/{secret.pk}/change/",
    ]
    for page in pages:
        response = admin_web.get(page)
        assert response.status_code == 200
        assert SECRET not in response.content.decode()
    assert "shown: ingesteld" in admin_web.get(pages[0]).content.decode()


def test_rejected_form_does_not_echo_the_new_secret(admin_web, make_applicatie):
    make_applicatie("taken", alle=True)

    response = admin_web.post("/admin/authorizations/applicatie/add/", applicatie_post(client_ids="taken", secret=SECRET))

    assert response.status_code == 200
    assert "taken" in str(response.context["adminform"].form.errors["client_ids"])
    assert SECRET not in response.content.decode()


def test_applicatie_added_in_admin_can_call_the_api(admin_web, api_client):
    response = admin_web.post("/admin/authorizations/applicatie/add/", applicatie_post(secret=SECRET))

    assert response.status_code == 302
    assert JWTSecret.objects.get(identifier="admin-client").secret == SECRET
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token('admin-client', SECRET)}")
    assert api_client.get(APPLICATIES).status_code == 200
    assert OutboxNotification.objects.filter(kanaal="autorisaties", actie="create").count() == 1


def test_alleen_gereed_voor_publicatie_set_in_admin_shows_in_the_api_and_the_forms(admin_web, caller):
    api, _ = caller
    response = admin_web.post(
        "/admin/authorizations/applicatie/add/", applicatie_post(alleen_is_gereed_voor_publicatie="on")
    )
    assert response.status_code == 302
    added = Applicatie.objects.get(client_ids=["admin-client"])
    body = api.get(f"{APPLICATIES}/{added.uuid}").json()
    assert body["alleenIsGereedVoorPublicatie"] is True
    change_page = f"/admin/authorizations/applicatie/{added.pk}/change/"
    assert admin_web.get(change_page).context["adminform"].form["alleen_is_gereed_voor_publicatie"].value() is True
    assert admin_web.get("/admin/authorizations/applicatie/?instellingen__alleen_is_gereed_voor_publicatie__exact=1").status_code == 200

    assert admin_web.post(change_page, applicatie_post()).status_code == 302
    assert api.get(f"{APPLICATIES}/{added.uuid}").json()["alleenIsGereedVoorPublicatie"] is False


def test_alleen_gereed_voor_publicatie_changed_in_admin_holds_on_the_next_request(admin_web, caller):
    api, applicatie = caller
    assert api.get(f"{APPLICATIES}/{applicatie.uuid}").json()["alleenIsGereedVoorPublicatie"] is False
    data = applicatie_post(label=applicatie.label, client_ids="caller", alleen_is_gereed_voor_publicatie="on")
    assert admin_web.post(f"/admin/authorizations/applicatie/{applicatie.pk}/change/", data).status_code == 302
    assert api.get(f"{APPLICATIES}/{applicatie.uuid}").json()["alleenIsGereedVoorPublicatie"] is True


def test_admin_enforces_the_api_rules_for_autorisaties(admin_web):
    data = applicatie_post(heeft_alle_autorisaties=None, **autorisatie_rows({"component": "zrc", "scopes": "zaken.lezen"}))

    response = admin_web.post("/admin/authorizations/applicatie/add/", data)

    assert response.status_code == 200
    inline_errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert set(inline_errors) == {"zaaktype", "max_vertrouwelijkheidaanduiding"}
    assert not Applicatie.objects.exists()


def test_admin_requires_autorisaties_or_heeft_alle_autorisaties(admin_web):
    response = admin_web.post("/admin/authorizations/applicatie/add/", applicatie_post(heeft_alle_autorisaties=None))

    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.non_form_errors()
    assert not Applicatie.objects.exists()


def test_withdrawing_heeft_alle_autorisaties_in_admin_holds_on_the_next_request(admin_web, caller):
    api, applicatie = caller
    assert api.get(APPLICATIES).status_code == 200  # the client is now cached

    rows = autorisatie_rows(
        {"component": "zrc", "scopes": "zaken.lezen", "zaaktype": ZAAKTYPE, "max_vertrouwelijkheidaanduiding": "openbaar"}
    )
    data = applicatie_post(label=applicatie.label, client_ids="caller", heeft_alle_autorisaties=None, **rows)
    response = admin_web.post(f"/admin/authorizations/applicatie/{applicatie.pk}/change/", data)

    assert response.status_code == 302
    assert api.get(APPLICATIES).status_code == 403
    assert JWTSecret.objects.get(identifier="caller").secret == SECRET  # blank secret input keeps it


def test_deleting_an_applicatie_in_admin_holds_on_the_next_request(admin_web, caller):
    api, applicatie = caller
    assert api.get(APPLICATIES).status_code == 200

    response = admin_web.post(f"/admin/authorizations/applicatie/{applicatie.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Applicatie.objects.filter(pk=applicatie.pk).exists()
    assert api.get(APPLICATIES).status_code == 403
    assert OutboxNotification.objects.filter(kanaal="autorisaties", actie="destroy").count() == 1


def test_bulk_delete_action_goes_through_model_delete(admin_web, caller):
    api, applicatie = caller
    assert api.get(APPLICATIES).status_code == 200

    admin_web.post(
        "/admin/authorizations/applicatie/",
        {"action": "delete_selected", "_selected_action": [applicatie.pk], "post": "yes"},
    )

    assert api.get(APPLICATIES).status_code == 403


def test_replacing_a_secret_in_admin_holds_on_the_next_request(admin_web, caller):
    api, _ = caller
    assert api.get(APPLICATIES).status_code == 200
    secret = JWTSecret.objects.get(identifier="caller")

    response = admin_web.post(
        f"/admin/vng_api_common/jwtsecret/{secret.pk}/change/", {"identifier": "caller", "new_secret": "rotated-secret-0123456789"}
    )

    assert response.status_code == 302
    assert api.get(APPLICATIES).status_code == 403
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token('caller', 'rotated-secret-0123456789')}")
    assert api.get(APPLICATIES).status_code == 200


def test_new_client_secret_is_required_in_admin(admin_web):
    response = admin_web.post("/admin/vng_api_common/jwtsecret/add/", {"identifier": "nosecret", "new_secret": ""})

    assert response.status_code == 200
    assert "new_secret" in response.context["adminform"].form.errors
    assert not JWTSecret.objects.exists()


def failed_login(client):
    return client.post("/admin/login/?next=/admin/", {"username": "beheerder", "password": "wrong"})


def test_admin_login_locks_out_after_the_failure_limit(client, admin_user, settings):
    settings.ADMIN_2FA = False
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert failed_login(client).status_code == 200

    assert failed_login(client).status_code == 429
    locked = client.post("/admin/login/?next=/admin/", {"username": "beheerder", "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@override_settings(ADMIN_2FA=True)
def test_admin_requires_a_verified_otp_device_when_2fa_is_on(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 302  # logged in, but not verified

    login = client.get("/admin/login/")
    assert 'name="otp_token"' in login.content.decode()
    without_token = client.post("/admin/login/", {"username": "beheerder", "password": PASSWORD})
    assert without_token.status_code == 200
    assert client.get("/admin/").status_code == 302


@override_settings(ADMIN_2FA=True)
def test_totp_device_from_the_command_lets_the_user_in(client, admin_user, capsys):
    call_command("add_totp_device", "beheerder")
    uri = capsys.readouterr().out.splitlines()[0]
    assert uri.startswith("otpauth://totp/openzaak-cmis%3Abeheerder?secret=")
    device = TOTPDevice.objects.get(user=admin_user)

    token = TOTP(device.bin_key, device.step, device.t0, device.digits).token()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "beheerder", "password": PASSWORD, "otp_device": device.persistent_id, "otp_token": f"{token:06d}"},
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_add_totp_device_refuses_a_second_device_of_the_same_name(admin_user):
    call_command("add_totp_device", "beheerder", "--no-qr")
    with pytest.raises(CommandError, match="already has"):
        call_command("add_totp_device", "beheerder", "--no-qr")
    call_command("add_totp_device", "beheerder", "--no-qr", "--replace")
    assert TOTPDevice.objects.filter(user=admin_user).count() == 1


def test_admin_without_2fa_lets_a_password_login_in(client, admin_user, settings):
    settings.ADMIN_2FA = False
    response = client.post("/admin/login/?next=/admin/", {"username": "beheerder", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
