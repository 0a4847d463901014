"""Admin site security: TOTP two-factor login (django-otp) unless ADMIN_2FA is off."""
from django.conf import settings
from django_otp.admin import OTPAdminSite


def configure_admin_site(site) -> None:
    site.site_header = "openzaak-cmis beheer"
    site.site_title = "openzaak-cmis"
    if settings.ADMIN_2FA:
        site.__class__ = OTPAdminSite
        site.login_template = OTPAdminSite.login_template
        site.login_form = OTPAdminSite.login_form
