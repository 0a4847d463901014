"""Celery tasks delivering the notification outbox."""
from celery import shared_task

from .notifications import notification_deliver, notifications_due


@shared_task(ignore_result=True)
def deliver_notification(pk: int) -> None:
    notification_deliver(pk)


@shared_task(ignore_result=True)
def deliver_pending_notifications() -> int:
    """Periodic sweep: deliver what waits, including rows whose enqueue failed."""
    due = notifications_due()
    for pk in due:
        notification_deliver(pk)
    return len(due)
