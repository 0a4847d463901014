"""Outbox admin: failed notifications are visible, read-only, and can be sent again."""
import pytest
import responses
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages

from api.common.models import OutboxNotification

NRC = "https://nrc.example.com/api/v1"
OUTBOX = "/admin/common/outboxnotification/"


@pytest.fixture
def admin_web(client, settings, db):
    settings.ADMIN_2FA = False
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(get_user_model().objects.create_superuser("beheerder", "beheer@example.com", "x"))
    return client


def outbox_row(status=OutboxNotification.Status.FAILED, **fields) -> OutboxNotification:
    defaults = {
        "kanaal": "autorisaties",
        "hoofd_object": "https://zgw.example.com/autorisaties/api/v1/applicaties/1",
        "resource": "applicatie",
        "resource_url": "https://zgw.example.com/autorisaties/api/v1/applicaties/1",
        "actie": "create",
        "status": status,
        "attempts": 8,
        "last_error": "HTTP 503: onderhoud" if status == OutboxNotification.Status.FAILED else "",
    }
    return OutboxNotification.objects.create(**{**defaults, **fields})


def shown_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def resend(client, *rows):
    return client.post(OUTBOX, {"action": "resend", "_selected_action": [row.pk for row in rows]}, follow=True)


def test_changelist_shows_failed_notifications_and_filters_by_status_and_kanaal(admin_web):
    failed = outbox_row(kanaal="zaken")
    outbox_row(status=OutboxNotification.Status.DELIVERED)

    everything = admin_web.get(OUTBOX)
    only_failed = admin_web.get(OUTBOX, {"status__exact": "failed"})
    only_zaken = admin_web.get(OUTBOX, {"kanaal": "zaken"})

    assert everything.status_code == 200
    assert "HTTP 503: onderhoud" in everything.content.decode()
    assert [row.pk for row in only_failed.context["cl"].result_list] == [failed.pk]
    assert [row.pk for row in only_zaken.context["cl"].result_list] == [failed.pk]


def test_notification_page_is_read_only(admin_web):
    row = outbox_row()

    response = admin_web.get(f"{OUTBOX}{row.pk}/change/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "hoofdObject" in page  # the message as it is sent
    assert 'name="last_error"' not in page and 'name="_save"' not in page
    assert admin_web.get(f"{OUTBOX}add/").status_code == 403
    admin_web.post(f"{OUTBOX}{row.pk}/change/", {"status": "delivered"})
    row.refresh_from_db()
    assert row.status == OutboxNotification.Status.FAILED


@responses.activate
def test_resend_delivers_failed_notifications(admin_web, settings):
    settings.NOTIFICATIONS_API_URL = NRC
    sent = responses.post(f"{NRC}/notificaties", status=201, json={})
    row = outbox_row()

    response = resend(admin_web, row)

    row.refresh_from_db()
    assert row.status == OutboxNotification.Status.DELIVERED
    assert row.last_error == ""
    assert sent.call_count == 1
    assert "1 van 1 notificatie(s) verzonden." in shown_messages(response)


@responses.activate
def test_resend_that_fails_again_stays_queued_with_its_error(admin_web, settings):
    settings.NOTIFICATIONS_API_URL = NRC
    responses.post(f"{NRC}/notificaties", status=500, body="stuk")
    row = outbox_row()

    response = resend(admin_web, row)

    row.refresh_from_db()
    assert row.status == OutboxNotification.Status.PENDING
    assert row.attempts == 1
    assert row.last_error == "HTTP 500: stuk"
    assert any("niet verzonden" in message for message in shown_messages(response))


def test_resend_without_a_notificaties_api_requeues_only(admin_web, settings):
    settings.NOTIFICATIONS_API_URL = ""
    row = outbox_row()

    response = resend(admin_web, row)

    row.refresh_from_db()
    assert row.status == OutboxNotification.Status.PENDING
    assert row.attempts == 0
    assert any("NOTIFICATIONS_API_URL" in message for message in shown_messages(response))


@responses.activate
def test_resend_sends_a_limited_batch_now_and_leaves_the_rest_to_the_sweep(admin_web, settings, monkeypatch):
    monkeypatch.setattr("api.common.admin.RESEND_NOW_LIMIT", 2)
    settings.NOTIFICATIONS_API_URL = NRC
    sent = responses.post(f"{NRC}/notificaties", status=201, json={})
    rows = [outbox_row() for _ in range(3)]

    response = resend(admin_web, *rows)

    assert sent.call_count == 2
    assert OutboxNotification.objects.filter(status=OutboxNotification.Status.PENDING).count() == 1
    assert any("periodieke verzending" in message for message in shown_messages(response))
