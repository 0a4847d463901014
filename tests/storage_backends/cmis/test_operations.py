"""Operating the CMIS backend: the intent log in the admin and its clean-up, the periodic reconciler task."""
import uuid
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from storage_backends.cmis.models import Intent
from storage_backends.cmis.reconciler import INTENTS_KEPT, Reconciler
from storage_backends.cmis.tasks import reconcile_cmis


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
