"""`manage.py sweep_documents [--remove] [--older-than MINUTES]`: find (and remove) orphaned document content.

Works on whichever backend `document_backend()` is (DocumentBackend.sweep),
so it lives in the storage_backends app rather than in one backend's app.
Without `--remove` it only reports; the Celery beat task
(storage_backends.tasks.sweep_documents) removes periodically. Content younger
than `--older-than` is never touched: its write may still be committing.
"""
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from storage_backends import document_backend
from storage_backends.base import BackendUnavailable
from storage_backends.tasks import SWEEP_AGE


class Command(BaseCommand):
    help = "Report stored document content that no document references; delete it with --remove."

    def add_arguments(self, parser):
        parser.add_argument("--remove", action="store_true", help="delete what is found (default: only report)")
        parser.add_argument(
            "--older-than", type=int, default=int(SWEEP_AGE.total_seconds() // 60), metavar="MINUTES",
            help="only content stored at least this many minutes ago (default: %(default)s)",
        )

    def handle(self, *args, remove: bool, older_than: int, **options):
        if older_than < 0:
            raise CommandError("--older-than must not be negative.")
        try:
            report = document_backend().sweep(older_than=timedelta(minutes=older_than), remove=remove)
        except BackendUnavailable as exc:
            raise CommandError(str(exc))
        removed = set(report.removed)
        for name in report.found:
            status = "removed" if name in removed else ("not removed" if remove else "orphan")
            self.stdout.write(f"{status:<11}  {name}")
        summary = (
            f"{report.scanned} stored items older than {older_than} minutes scanned: "
            f"{len(report.found)} orphaned, {len(report.removed)} removed"
        )
        self.stdout.write(summary if remove or not report.found else f"{summary} (run with --remove to delete them)")
        if remove and len(report.removed) < len(report.found):
            raise CommandError("Some orphaned content could not be removed; see the log.")
