"""`manage.py set_jwt_secret CLIENT_ID`: give a client id a new secret and print it.

The Autorisaties API stores applicaties but not their secrets; this is how an
operator (or the conformance run's token issuer) hands one to the service. The
secret is generated unless `--secret` gives one, and only the secret goes to
stdout so scripts can capture it. It takes effect on the next request.
"""
import secrets

from django.core.management.base import BaseCommand, CommandError

from api.common.autorisaties import Applicatie, JWTSecret


class Command(BaseCommand):
    help = "Set (or generate) the JWT secret of a client id and print it."

    def add_arguments(self, parser):
        parser.add_argument("client_id")
        parser.add_argument("--secret", help="use this secret instead of generating one")

    def handle(self, *args, client_id: str, secret: str | None, **options):
        if secret is not None and not secret.strip():
            raise CommandError("--secret must not be empty.")
        secret = secret or secrets.token_urlsafe(32)
        if not Applicatie.objects.filter(client_ids__contains=[client_id]).exists():
            self.stderr.write(f"Warning: no applicatie holds client id '{client_id}'; the APIs will refuse its requests.")
        JWTSecret.objects.update_or_create(identifier=client_id, defaults={"secret": secret})
        self.stdout.write(secret)
