"""Admin of the storage configuration: write-only secrets, the settings in force, the connection test."""
import boto3
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages

from storage_backends.models import DocumentStorageConfiguration
from tests.s3_server import CREDENTIALS

URL = "/admin/storage_backends/documentstorageconfiguration/"
S3_SECRET = "s3-secret-never-shown-4b1f"
CMIS_SECRET = "cmis-password-never-shown-9c2e"
ENV_S3_SECRET = "env-s3-secret-never-shown-77aa"
ENV_CMIS_SECRET = "env-cmis-password-never-shown-31dd"


@pytest.fixture
def environment(settings, tmp_path):
    settings.ADMIN_2FA = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.DOCUMENTEN_BACKEND = "cmis"
    settings.DOCUMENT_STORAGE = "s3"
    settings.DOCUMENTS_DIR = tmp_path
    settings.DOCUMENTS_S3_OPTIONS = {**settings.DOCUMENTS_S3_OPTIONS, "secret_key": ENV_S3_SECRET}
    settings.CMIS = {**settings.CMIS, "url": "http://dms.example/browser", "password": ENV_CMIS_SECRET}
    return settings


@pytest.fixture
def admin_web(client, environment, db):
    client.force_login(get_user_model().objects.create_superuser("beheerder", "beheer@example.com", "x"))
    return client


@pytest.fixture
def configuration(db):
    return DocumentStorageConfiguration.objects.create(
        s3_bucket="documenten", s3_secret_access_key=S3_SECRET, cmis_user="drc", cmis_password=CMIS_SECRET,
    )


def form_data(**overrides) -> dict:
    data = {
        "backend": "", "storage": "", "s3_bucket": "documenten", "s3_endpoint_url": "", "s3_region": "",
        "s3_access_key_id": "", "s3_secret_access_key": "", "s3_key_prefix": "", "cmis_url": "",
        "cmis_repository_id": "", "cmis_user": "drc", "cmis_password": "", "cmis_base_folder": "",
    }
    return {**data, **overrides}


def test_the_change_form_never_shows_a_secret(admin_web, configuration):
    response = admin_web.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    for secret in (S3_SECRET, CMIS_SECRET, ENV_S3_SECRET, ENV_CMIS_SECRET):
        assert secret not in html
    assert "nu: ingesteld" in html
    assert "na een herstart van de service en de worker" in html
    assert "Opslaan en verbinding testen" in html


def test_a_view_only_user_sees_no_secret(client, environment, configuration):
    user = get_user_model().objects.create_user("kijker", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_documentstorageconfiguration"))
    client.force_login(user)

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200 and '<div class="readonly">documenten</div>' in html
    assert S3_SECRET not in html and CMIS_SECRET not in html
    assert "Opslaan en verbinding testen" not in html


def test_an_empty_secret_input_keeps_the_stored_secret(admin_web, configuration):
    response = admin_web.post(URL, form_data(cmis_user="drc-2"))

    assert response.status_code == 302
    configuration.refresh_from_db()
    assert configuration.cmis_user == "drc-2"
    assert (configuration.s3_secret_access_key, configuration.cmis_password) == (S3_SECRET, CMIS_SECRET)


def test_a_new_secret_replaces_and_the_checkbox_clears(admin_web, configuration):
    admin_web.post(URL, form_data(cmis_password="nieuw-wachtwoord", clear_s3_secret_access_key="on"))

    configuration.refresh_from_db()
    assert configuration.cmis_password == "nieuw-wachtwoord"
    assert configuration.s3_secret_access_key == ""


def test_the_page_shows_the_settings_in_force(admin_web, configuration):
    admin_web.post(URL, form_data(backend="database", storage="local"))

    html = admin_web.get(URL).content.decode()

    assert "<li>backend: database</li>" in html and "<li>opslag: local</li>" in html


def test_test_connection_saves_and_reports_each_check(admin_web, configuration):
    response = admin_web.post(URL, form_data(backend="database", storage="local", _test_connection="1"))

    assert response.status_code == 302 and response["Location"] == URL
    configuration.refresh_from_db()
    assert configuration.storage == "local"
    reported = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert reported[0] == ("info", "Opgeslagen. Wijzigingen gelden pas na een herstart van de service en de worker.")
    assert [level for level, _ in reported[1:]] == ["success"]
    assert reported[1][1].startswith("lokale map: ")


def test_test_connection_reports_a_failure(admin_web, configuration, environment, tmp_path):
    environment.DOCUMENTS_DIR = tmp_path / "nowhere"

    response = admin_web.post(URL, form_data(backend="database", storage="local", _test_connection="1"))

    reported = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    assert reported[1][0] == "error" and "bestaat niet" in reported[1][1]


def test_test_connection_on_s3(admin_web, configuration, s3_endpoint):
    boto3.client("s3", endpoint_url=s3_endpoint, **CREDENTIALS).create_bucket(Bucket="admin-check")
    response = admin_web.post(URL, form_data(
        backend="database", storage="s3", s3_bucket="admin-check", s3_endpoint_url=s3_endpoint,
        s3_region=CREDENTIALS["region_name"], s3_access_key_id=CREDENTIALS["aws_access_key_id"],
        s3_secret_access_key=CREDENTIALS["aws_secret_access_key"], _test_connection="1",
    ))

    reported = [(m.level_tag, str(m).split(":")[0]) for m in get_messages(response.wsgi_request)]
    assert reported[1:] == [("success", "S3-bucket"), ("success", "S3-proefobject")]
