"""Admin site security: TOTP two-factor login (django-otp) whenever ADMIN_2FA is on.

ADMIN_2FA is read on every request rather than once at import, so the login
form, template and permission check always follow the current setting.
Lockout after repeated failed logins is django-axes' job (AXES_* settings).
"""
from django.conf import settings
from django.contrib.admin import AdminSite
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


class ZGWAdminSite(AdminSite):
    """The admin; with ADMIN_2FA only users verified by an OTP device get in."""

    site_header = "openzaak-cmis beheer"
    site_title = "openzaak-cmis"

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.ADMIN_2FA else None

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.ADMIN_2FA else None

    def has_permission(self, request) -> bool:
        verified = not settings.ADMIN_2FA or request.user.is_verified()
        return super().has_permission(request) and verified


def configure_admin_site(site) -> None:
    """Make `site` a ZGWAdminSite, keeping the registrations every app's admin.py made on it."""
    site.__class__ = ZGWAdminSite
