"""Admin for the document storage configuration: backend, S3 and CMIS settings, and a connection test.

Rules: secrets (the S3 secret access key, the CMIS password) are write-only —
never rendered back, an empty input keeps the stored value and a checkbox
clears it; the page shows what the saved settings amount to together with the
environment; changes take effect when the service and the worker restart,
because the backend is built once per process.
"""
from django import forms
from django.contrib import admin, messages
from django.db import models
from django.http import HttpResponseRedirect
from django.utils.html import format_html, format_html_join
from solo.admin import SingletonModelAdmin

from .checks import check_connection
from .configuration import active
from .models import DocumentStorageConfiguration

SECRETS = {"s3_secret_access_key": "secret access key", "cmis_password": "wachtwoord"}
RESTART = "Wijzigingen gelden pas na een herstart van de service en de worker."
RESTART_NOTE = (
    "Lege velden nemen de waarde uit de omgeving over (DOCUMENTEN_BACKEND, DOCUMENT_STORAGE, S3_*, CMIS_*). " + RESTART
)
TEST_CONNECTION = "_test_connection"


class DocumentStorageConfigurationForm(forms.ModelForm):
    clear_s3_secret_access_key = forms.BooleanField(label="secret access key wissen", required=False)
    clear_cmis_password = forms.BooleanField(label="wachtwoord wissen", required=False)

    class Meta:
        model = DocumentStorageConfiguration
        fields = tuple(SECRETS)  # the admin adds the rest from its fieldsets
        widgets = {
            name: forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}) for name in SECRETS
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SECRETS:
            if name in self.fields:
                state = "ingesteld" if getattr(self.instance, name) else "niet ingesteld"
                self.fields[name].help_text = f"Wordt nooit getoond (nu: {state}). Leeg laten houdt de huidige waarde."

    def clean(self):
        cleaned = super().clean()
        for name in SECRETS:
            if cleaned.get(f"clear_{name}"):
                cleaned[name] = ""
            elif not cleaned.get(name):
                cleaned[name] = getattr(self.instance, name)
        return cleaned


@admin.register(DocumentStorageConfiguration)
class DocumentStorageConfigurationAdmin(SingletonModelAdmin):
    form = DocumentStorageConfigurationForm
    change_form_template = "admin/storage_backends/documentstorageconfiguration/change_form.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = ("in_force", "updated_at")
    fieldsets = (
        (None, {"fields": ("backend", "storage"), "description": RESTART_NOTE}),
        ("S3", {"fields": (
            "s3_bucket", "s3_endpoint_url", "s3_region", "s3_access_key_id", "s3_secret_access_key",
            "clear_s3_secret_access_key", "s3_key_prefix",
        )}),
        ("CMIS", {"fields": (
            "cmis_url", "cmis_repository_id", "cmis_user", "cmis_password", "clear_cmis_password", "cmis_base_folder",
        )}),
        ("Na een herstart in gebruik", {"fields": ("in_force", "updated_at")}),
    )

    def get_fieldsets(self, request, obj=None):
        if self.has_change_permission(request, obj):
            return self.fieldsets
        # A read-only page would print every field's value, secrets included.
        hidden = {*SECRETS, *(f"clear_{name}" for name in SECRETS)}
        return [
            (title, {**options, "fields": tuple(f for f in options["fields"] if f not in hidden)})
            for title, options in self.fieldsets
        ]

    @admin.display(description="instellingen (opgeslagen en omgeving samen)")
    def in_force(self, obj: DocumentStorageConfiguration | None) -> str:
        s = active()
        rows = [("backend", s.backend), ("opslag", s.storage)]
        if s.storage == "s3":
            rows += [(f"S3 {key}", value) for key, value in s.s3.items() if key != "secret_key"]
            rows.append(("S3 secret_key", "ingesteld" if s.s3["secret_key"] else "niet ingesteld"))
        if s.backend == "cmis":
            rows += [(f"CMIS {key}", value) for key, value in s.cmis.items() if key != "password"]
            rows.append(("CMIS password", "ingesteld" if s.cmis["password"] else "niet ingesteld"))
        return format_html("<ul>{}</ul>", format_html_join("", "<li>{}: {}</li>", rows))

    def response_change(self, request, obj):
        if TEST_CONNECTION not in request.POST:
            return super().response_change(request, obj)
        self.message_user(request, f"Opgeslagen. {RESTART}", messages.INFO)
        for result in check_connection(active()):
            level = messages.SUCCESS if result.ok else messages.ERROR
            self.message_user(request, f"{result.name}: {result.detail}", level)
        return HttpResponseRedirect(request.path)
