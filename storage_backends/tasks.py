"""Celery task of the document backends: the periodic orphan sweep (CELERY_BEAT_SCHEDULE)."""
import logging
from datetime import timedelta

from celery import shared_task

from . import document_backend

logger = logging.getLogger(__name__)

# Content younger than this is never swept: its write may still be committing.
SWEEP_AGE = timedelta(minutes=60)


@shared_task(ignore_result=True)
def sweep_documents() -> int:
    """Remove stored content that no document references (see DocumentBackend.sweep); returns how much."""
    report = document_backend().sweep(older_than=SWEEP_AGE, remove=True)
    for name in report.removed:
        logger.info("removed orphaned content %s", name)
    for name in set(report.found) - set(report.removed):
        logger.warning("orphaned content %s could not be removed", name)
    return len(report.removed)
