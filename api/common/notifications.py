"""Recording and delivering notifications through the outbox.

A write service calls `notification_record` inside its transaction, so the
notification exists exactly when the change does. After commit a Celery task
delivers it; when the broker is down or no Notificaties API is configured the
row waits, and the periodic task `deliver_pending_notifications` picks it up.
Delivery backs off exponentially and gives up after NOTIFICATIONS_MAX_ATTEMPTS,
leaving the row visible (and re-sendable) in the admin.
"""
import logging
import time
from datetime import timedelta

import jwt
import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import OutboxNotification

logger = logging.getLogger(__name__)

MAX_BACKOFF = timedelta(hours=1)
LEASE_MARGIN = 30  # seconds beyond the request timeout before a claimed row is due again


def notification_record(
    *, kanaal: str, hoofd_object: str, resource: str, resource_url: str, actie: str, kenmerken: dict | None = None
) -> OutboxNotification:
    """Store a notification in the current transaction and deliver it once that commits."""
    row = OutboxNotification.objects.create(
        kanaal=kanaal,
        hoofd_object=hoofd_object,
        resource=resource,
        resource_url=resource_url,
        actie=actie,
        kenmerken=kenmerken or {},
    )
    transaction.on_commit(lambda: enqueue_delivery(row.pk))
    return row


def enqueue_delivery(pk: int) -> None:
    if not settings.NOTIFICATIONS_API_URL:
        return
    from .tasks import deliver_notification

    try:
        deliver_notification.delay(pk)
    except Exception:  # the broker is down: the periodic sweep delivers it later
        logger.warning("notification %s not enqueued; it waits in the outbox", pk, exc_info=True)


def _auth_header() -> dict:
    if not settings.NOTIFICATIONS_CLIENT_ID:
        return {}
    token = jwt.encode(
        {"iss": settings.NOTIFICATIONS_CLIENT_ID, "client_id": settings.NOTIFICATIONS_CLIENT_ID, "iat": int(time.time())},
        settings.NOTIFICATIONS_SECRET,
        algorithm="HS256",
    )
    return {"Authorization": f"Bearer {token}"}


def notification_deliver(pk: int) -> bool:
    """Send one due notification; return whether it was delivered.

    The row is claimed in a short transaction (a lease: its next attempt moves
    past the request timeout), so two workers never send it at once and no
    database transaction stays open during the HTTP call. A worker that dies
    mid-send leaves the row due again when the lease ends.
    """
    if not settings.NOTIFICATIONS_API_URL:
        return False
    with transaction.atomic():
        row = OutboxNotification.objects.select_for_update(skip_locked=True).filter(
            pk=pk, status=OutboxNotification.Status.PENDING, next_attempt_at__lte=timezone.now()
        ).first()
        if row is None:
            return False
        row.attempts += 1
        row.next_attempt_at = timezone.now() + timedelta(seconds=settings.NOTIFICATIONS_TIMEOUT + LEASE_MARGIN)
        row.save(update_fields=["attempts", "next_attempt_at"])

    url = settings.NOTIFICATIONS_API_URL.rstrip("/") + "/notificaties"
    try:
        response = requests.post(url, json=row.message(), headers=_auth_header(), timeout=settings.NOTIFICATIONS_TIMEOUT)
        response.raise_for_status()
    except requests.RequestException as exc:
        row.last_error = _describe(exc)
        if row.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
            row.status = OutboxNotification.Status.FAILED
        row.next_attempt_at = timezone.now() + min(timedelta(seconds=2**row.attempts * 5), MAX_BACKOFF)
        row.save(update_fields=["last_error", "status", "next_attempt_at"])
        return False
    row.status = OutboxNotification.Status.DELIVERED
    row.delivered_at = timezone.now()
    row.last_error = ""
    row.save(update_fields=["status", "delivered_at", "last_error"])
    return True


def _describe(exc: requests.RequestException) -> str:
    if exc.response is not None:
        return f"HTTP {exc.response.status_code}: {exc.response.text[:500]}"
    return f"{type(exc).__name__}: {exc}"


def notifications_due() -> list[int]:
    return list(
        OutboxNotification.objects.filter(
            status=OutboxNotification.Status.PENDING, next_attempt_at__lte=timezone.now()
        ).order_by("next_attempt_at").values_list("pk", flat=True)[:500]
    )


def notifications_resend(pks) -> int:
    """Put failed or delivered notifications back in the queue (admin action)."""
    return OutboxNotification.objects.filter(pk__in=pks).update(
        status=OutboxNotification.Status.PENDING, attempts=0, next_attempt_at=timezone.now(), last_error=""
    )
