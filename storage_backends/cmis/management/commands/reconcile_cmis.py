"""`manage.py reconcile_cmis [--full]`: repair the CMIS backend's index from the repository (reconciler.py)."""
from django.core.management.base import BaseCommand, CommandError

from ...client import CmisError
from ...runner import reconcile_configured


class Command(BaseCommand):
    help = "Bring the index of the CMIS backend in line with the repository (changes made in the DMS included)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--full", action="store_true",
            help="scan the whole repository and remove what is gone (default: what changed since the last run)",
        )

    def handle(self, *args, full: bool, **options):
        try:
            report = reconcile_configured(full=full)
        except CmisError as exc:
            raise CommandError(f"the repository cannot be reached: {exc}")
        if report is None:
            raise CommandError("the active document backend is not cmis (DOCUMENTEN_BACKEND)")
        for line in report.lines():
            self.stdout.write(line)
        for conflict in report.conflicts:
            self.stderr.write(f"conflict: {conflict}")
