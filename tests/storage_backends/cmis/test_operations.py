"""Operating the CMIS backend: the intent log (admin, clean-up, writes in flight), the periodic reconciler task."""
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from storage_backends.cmis import mapping
from storage_backends.cmis.models import Intent
from storage_backends.cmis.reconciler import INTENTS_KEPT, Reconciler
from storage_backends.cmis.tasks import reconcile_cmis
from storage_backends.database.models import StoredDocument
from tests.storage_backends.conftest import document_data


def aged(state: str, age: timedelta) -> Intent:
    intent = Intent.objects.create(operation="document_update", uuid=uuid.uuid4(), state=state)
    Intent.objects.filter(pk=intent.pk).update(created=timezone.now() - age)
    return intent


@pytest.mark.parametrize("store", ["cmis"], indirect=True)
def test_a_run_drops_settled_intents_older_than_kept(backend):
    old_done = aged(Intent.DONE, INTENTS_KEPT + timedelta(days=1))
    old_failed = aged(Intent.FAILED, INTENTS_KEPT + timedelta(days=1))
    recent_failed = aged(Intent.FAILED, timedelta(days=1))
    Reconciler(backend.gateway).run(full=True)
    remaining = set(Intent.objects.values_list("pk", flat=True))
    assert recent_failed.pk in remaining
    assert not {old_done.pk, old_failed.pk} & remaining


@pytest.mark.django_db
def test_intent_log_is_listed_read_only_in_the_admin(client):
    intent = aged(Intent.FAILED, timedelta(minutes=5))
    Intent.objects.filter(pk=intent.pk).update(detail="CmisUnavailable: connection refused")
    client.force_login(get_user_model().objects.create_superuser("beheerder", "beheer@example.com", "x"))
    listing = client.get("/admin/storage_cmis/intent/?state=failed")
    assert listing.status_code == 200 and str(intent.uuid) in listing.content.decode()
    assert client.get("/admin/storage_cmis/intent/add/").status_code == 403


@pytest.mark.django_db
def test_periodic_task_does_nothing_on_the_database_backend(settings):
    settings.DOCUMENTEN_BACKEND = "database"
    settings.CMIS = {**settings.CMIS, "url": ""}  # a CMIS call would fail on the missing URL
    reconcile_cmis()
    hourly = settings.CELERY_BEAT_SCHEDULE["reconcile-cmis-index"]
    nightly = settings.CELERY_BEAT_SCHEDULE["reconcile-cmis-index-full"]
    assert hourly["task"] == nightly["task"] == reconcile_cmis.name
    assert nightly["kwargs"] == {"full": True}


@pytest.mark.parametrize("store", ["cmis"], indirect=True)
def test_a_create_in_flight_is_left_to_its_request_then_compensated_when_cut_off(backend):
    written = uuid.uuid4()
    intent = Intent.objects.create(operation="document_create", uuid=written, versie=1)
    created = backend.gateway.document_create(
        backend.gateway.folder("2026/12"), type_id=mapping.DOCUMENT, name=str(written),
        properties=mapping.document_properties(written, 1, timezone.now(), document_data()),
    )
    Reconciler(backend.gateway).run(full=True)  # the request may still commit it
    assert not StoredDocument.objects.filter(uuid=written).exists()
    assert backend.gateway.get(created.id).id == created.id

    Intent.objects.filter(pk=intent.pk).update(created=timezone.now() - timedelta(hours=1))
    report = Reconciler(backend.gateway).run(full=True)  # cut off: it never will
    assert report.objects_deleted == [created.id]
    assert not StoredDocument.objects.filter(uuid=written).exists()
