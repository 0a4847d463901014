"""Celery tasks of the CMIS backend: the reconciler, hourly since the last run and nightly in full."""
import logging

from celery import shared_task

from .runner import reconcile_configured

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def reconcile_cmis(full: bool = False) -> None:
    """Does nothing unless the CMIS backend is the active one."""
    report = reconcile_configured(full=full)
    if report is None:
        return
    logger.info("reconciled the CMIS index: %s", "; ".join(report.lines()))
    for conflict in report.conflicts:
        logger.warning("CMIS reconcile conflict: %s", conflict)
