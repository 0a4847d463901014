"""`manage.py add_totp_device USERNAME`: give an admin user a TOTP device for two-factor login.

Prints the otpauth:// provisioning URI and its QR code, to scan with an
authenticator app; needed before that user can log in when ADMIN_2FA is on.
Backup codes: django-otp's `addstatictoken USERNAME`.
"""
import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Create a confirmed TOTP device for a user and print its otpauth:// URI and QR code."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="authenticator", help="device name (default: authenticator)")
        parser.add_argument("--replace", action="store_true", help="replace the user's device of that name")
        parser.add_argument("--no-qr", action="store_true", help="print only the URI")

    def handle(self, *args, username: str, name: str, replace: bool, no_qr: bool, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user '{username}'.")
        existing = TOTPDevice.objects.filter(user=user, name=name)
        if existing.exists() and not replace:
            raise CommandError(f"User '{username}' already has a TOTP device '{name}'; use --replace or another --name.")
        existing.delete()
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        if not user.is_staff:
            self.stderr.write(f"Warning: '{username}' is not staff and cannot use the admin.")

        self.stdout.write(device.config_url)
        if not no_qr:
            code = qrcode.QRCode(border=1)
            code.add_data(device.config_url)
            picture = io.StringIO()
            code.print_ascii(out=picture, invert=True)
            self.stdout.write(picture.getvalue())
