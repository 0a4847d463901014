"""`manage.py reconcile_cmis`: the reconciler over the configured repository, its report on stdout."""
import io
import uuid

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import CommandError, call_command

from storage_backends.cmis.backend import CmisBackend
from storage_backends.cmis.client import CmisGateway
from storage_backends.configuration import active, cmis_config
from storage_backends.database.content import ContentStore
from tests.cmis_server.conftest import AUTH
from tests.storage_backends.cmis.test_reconciler import found_by_dms
from tests.storage_backends.cmis.test_saga_faults import content
from tests.storage_backends.conftest import document_data


@pytest.fixture
def configured(settings, cmis_service_url, tmp_path, db):
    """DOCUMENTEN_BACKEND=cmis on the test server, and a backend writing where the command reconciles."""
    settings.DOCUMENTEN_BACKEND = "cmis"
    user, password = AUTH
    settings.CMIS = {
        **settings.CMIS, "url": cmis_service_url, "user": user, "password": password,
        "base_folder": f"/command-{uuid.uuid4().hex[:12]}",
    }
    gateway = CmisGateway(cmis_config(active()))
    yield CmisBackend(gateway, ContentStore(FileSystemStorage(location=tmp_path)))
    gateway.close()


def test_command_indexes_what_a_dms_user_changed(configured, dms):
    document = configured.document_create(data=document_data(), content=content(b"inhoud"))
    found_by_dms(dms, document.uuid).updateProperties({"drc:titel": "Door de DMS"})
    out = io.StringIO()
    call_command("reconcile_cmis", "--full", stdout=out)
    assert "documents indexed: 1" in out.getvalue().splitlines()
    assert configured.document_get(document.uuid).titel == "Door de DMS"


def test_command_refuses_when_cmis_is_not_the_backend(settings, db):
    settings.DOCUMENTEN_BACKEND = "database"
    with pytest.raises(CommandError, match="not cmis"):
        call_command("reconcile_cmis")
