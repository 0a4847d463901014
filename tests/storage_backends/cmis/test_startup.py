"""Start-up of the CMIS backend and the admin's connection test, against real CMIS test servers.

A repository without the content model refuses the start and names what is
missing; a complete one starts; an unreachable one gives 503s, not a refused start.
"""
import uuid

import pytest
from django.core.exceptions import ImproperlyConfigured

from storage_backends import configuration, document_backend
from storage_backends.base import BackendUnavailable
from storage_backends.checks import check_connection
from storage_backends.cmis.backend import CmisBackend
from tests.cmis_server.conftest import AUTH, SERVICE_PATH, start_server, stop_server
from tests.s3_server import free_port


@pytest.fixture(scope="module")
def bare_service_url(tmp_path_factory):
    """A CMIS server where the content model was never deployed."""
    process, base_url = start_server(tmp_path_factory.mktemp("bare-repository"))
    yield base_url + SERVICE_PATH
    stop_server(process)


@pytest.fixture
def cmis_settings(settings, tmp_path):
    def point_at(url: str):
        settings.DOCUMENTEN_BACKEND = "cmis"
        settings.DOCUMENT_STORAGE, settings.DOCUMENTS_DIR = "local", tmp_path
        settings.CMIS = {
            **settings.CMIS, "url": url, "user": AUTH[0], "password": AUTH[1],
            "base_folder": f"/start-{uuid.uuid4().hex[:8]}", "connect_timeout": 1, "read_timeout": 5,
        }
        document_backend.cache_clear()

    yield point_at
    document_backend.cache_clear()


@pytest.mark.django_db
def test_a_repository_without_the_model_refuses_the_start_naming_what_is_missing(cmis_settings, bare_service_url):
    cmis_settings(bare_service_url)
    with pytest.raises(ImproperlyConfigured) as refused:
        document_backend()
    message = str(refused.value)
    assert "drc-model.xml" in message
    for type_id in ("D:drc:document", "I:drcgr:gebruiksrecht", "I:drcoio:objectinformatieobject", "I:drcvz:verzending"):
        assert type_id in message


@pytest.mark.django_db
def test_a_repository_with_the_model_starts_the_cmis_backend(cmis_settings, cmis_service_url):
    cmis_settings(cmis_service_url)
    assert isinstance(document_backend(), CmisBackend)


@pytest.mark.django_db
def test_an_unreachable_repository_is_unavailable_and_tried_again(cmis_settings, cmis_service_url):
    cmis_settings(f"http://127.0.0.1:{free_port()}{SERVICE_PATH}")
    with pytest.raises(BackendUnavailable):
        document_backend()
    cmis_settings(cmis_service_url)
    assert isinstance(document_backend(), CmisBackend)  # the failure was not cached


@pytest.mark.django_db
def test_connection_test_reports_every_check_on_a_complete_repository(cmis_settings, cmis_service_url):
    cmis_settings(cmis_service_url)
    results = check_connection(configuration.active())
    assert [result.name for result in results] == [
        "lokale map", "CMIS-service", "repository", "contentmodel", "basismap"
    ]
    assert all(result.ok for result in results), results


@pytest.mark.django_db
def test_connection_test_names_the_missing_model(cmis_settings, bare_service_url):
    cmis_settings(bare_service_url)
    model = {result.name: result for result in check_connection(configuration.active())}["contentmodel"]
    assert not model.ok and "D:drc:document" in model.detail
