"""`manage.py generate_jwt CLIENT_ID`: print a ZGW JWT (HS256) signed with the client's secret.

The token carries the claims every ZGW API reads (iss, iat, client_id,
user_id, user_representation) and is valid for JWT_EXPIRY seconds after iat.
Only the token goes to stdout, so scripts can capture it.
"""
import time

import jwt
from django.core.management.base import BaseCommand, CommandError

from api.common.auth import ALGORITHM
from api.common.autorisaties import Applicatie, JWTSecret


class Command(BaseCommand):
    help = "Print a JWT for a client id, signed with its stored secret (or --secret)."

    def add_arguments(self, parser):
        parser.add_argument("client_id")
        parser.add_argument("--secret", help="sign with this secret instead of the stored one")
        parser.add_argument("--user-id", default="", help="the user_id claim (audit trail)")
        parser.add_argument("--user-representation", default="", help="the user_representation claim")

    def handle(self, *args, client_id: str, secret: str | None, user_id: str, user_representation: str, **options):
        if secret is None:
            secret = JWTSecret.objects.filter(identifier=client_id).values_list("secret", flat=True).first()
        if not secret:
            raise CommandError(
                f"Client id '{client_id}' has no secret. Give one with --secret, or set it "
                "(manage.py provision, or the admin)."
            )
        if not Applicatie.objects.filter(client_ids__contains=[client_id]).exists():
            self.stderr.write(f"Warning: no applicatie holds client id '{client_id}'; the APIs will refuse its requests.")
        claims = {
            "iss": client_id,
            "iat": int(time.time()),
            "client_id": client_id,
            "user_id": user_id,
            "user_representation": user_representation or user_id,
        }
        self.stdout.write(jwt.encode(claims, secret, algorithm=ALGORITHM))
