"""`manage.py provision FILE.yaml [--dry-run]`: create or update applicaties declaratively.

The rules (matching by client id, validation, all-or-nothing) are in
api/autorisaties/provisioning.py; this command reads the file and reports.
"""
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from api.autorisaties.provisioning import ProvisioningError, applicaties_provision


class Command(BaseCommand):
    help = (
        "Create or update API applicaties, their autorisaties and secrets from a YAML file. "
        "Idempotent: a second run with the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="YAML file with a list 'applicaties'")
        parser.add_argument("--dry-run", action="store_true", help="validate and report, write nothing")

    def handle(self, *args, file: str, dry_run: bool, **options):
        try:
            text = Path(file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{file}: cannot read: {exc}")
        try:
            outcomes = applicaties_provision(text=text, dry_run=dry_run)
        except ProvisioningError as exc:
            lines = [f"{file}:{p.line}: {p.path}: {p.message}" if p.path else f"{file}:{p.line}: {p.message}" for p in exc.problems]
            raise CommandError("\n".join([*lines, f"{file}: not valid; nothing was changed."]))

        for outcome in outcomes:
            self.stdout.write(f"{outcome.status:<9}  {outcome.label} ({', '.join(outcome.client_ids)})")
        counts = Counter(outcome.status for outcome in outcomes)
        summary = ", ".join(f"{counts[status]} {status}" for status in ("created", "updated", "unchanged"))
        suffix = " (dry run: nothing written)" if dry_run else ""
        self.stdout.write(f"{file}: {len(outcomes)} applicaties: {summary}{suffix}")
