"""Admin for applicaties (with their autorisaties inline) and client secrets.

Rules: the admin validates an applicatie exactly as the Autorisaties API does
(ApplicatieSerializer, through provisioning.applicatie_validate); secrets are
write-only (the forms show whether one is set, never its value); every change
goes through model save/delete, so the auth cache signals fire and the change
holds from the next API request; applicatie changes are announced on the
`autorisaties` kanaal like API changes. `alleen gereed voor publicatie`
(Autorisaties 1.1) is saved through the same service as the API's.
"""
from django import forms
from django.contrib import admin, messages
from django.db import models, transaction
from django.db.models.expressions import RawSQL
from django.forms.models import BaseInlineFormSet
from rest_framework.exceptions import ValidationError as APIValidationError

from api.common.autorisaties import Applicatie, ApplicatieInstellingen, Autorisatie, JWTSecret

from .provisioning import TYPE_FIELDS, applicatie_validate
from .selectors import applicatie_alleen_is_gereed_voor_publicatie
from .serializers import ApplicatieSerializer
from .services import applicatie_destroy, applicatie_instellingen_save, applicatie_notify

# vng_api_common registers plain admins for these models; ours replace them.
for model in (Applicatie, Autorisatie, JWTSecret):
    if admin.site.is_registered(model):
        admin.site.unregister(model)

# The client ids of an applicatie that have a secret, in the changelist's one query.
SECRET_CLIENT_IDS = RawSQL(
    f"ARRAY(SELECT s.identifier FROM {JWTSecret._meta.db_table} s"
    f" WHERE s.identifier = ANY({Applicatie._meta.db_table}.client_ids))",
    (),
)
MAIN_FORM_FIELDS = {"label", "client_ids", "heeft_alle_autorisaties"}


def _client_ids_with_secret(client_ids) -> set[str]:
    return set(JWTSecret.objects.filter(identifier__in=client_ids).values_list("identifier", flat=True))


def _messages(detail) -> list[str]:
    if isinstance(detail, dict):
        return [message for value in detail.values() for message in _messages(value)]
    if isinstance(detail, list):
        return [message for value in detail for message in _messages(value)]
    return [str(detail)]


class AutorisatieFormSet(BaseInlineFormSet):
    """Checks the applicatie with its autorisaties as the API would (the main form sets the parent fields)."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        forms_kept = [f for f in self.forms if f.cleaned_data and not self._should_delete_form(f)]
        applicatie = self.instance
        data = {
            "label": applicatie.label,
            "client_ids": applicatie.client_ids or [],
            "heeft_alle_autorisaties": applicatie.heeft_alle_autorisaties,
            "autorisaties": [
                {
                    "component": form.cleaned_data.get("component") or "",
                    "scopes": form.cleaned_data.get("scopes") or [],
                    **{field: form.cleaned_data.get(field) or "" for field in TYPE_FIELDS},
                }
                for form in forms_kept
            ],
        }
        _, problems = applicatie_validate(data=data, instance=applicatie if applicatie.pk else None)
        general = []
        for path, message in problems:
            if path[:1] == ("autorisaties",) and len(path) >= 3:
                form, field = forms_kept[path[1]], path[2]
                form.add_error(field if field in form.fields else None, message)
            elif not path or path[0] not in MAIN_FORM_FIELDS:
                general.append(message)
        if general:
            raise forms.ValidationError(general)


class AutorisatieInline(admin.TabularInline):
    model = Autorisatie
    formset = AutorisatieFormSet
    fields = ("component", "scopes", *TYPE_FIELDS)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 0


class ApplicatieForm(forms.ModelForm):
    alleen_is_gereed_voor_publicatie = forms.BooleanField(
        label=ApplicatieInstellingen._meta.get_field("alleen_is_gereed_voor_publicatie").verbose_name,
        required=False,
        help_text=ApplicatieInstellingen._meta.get_field("alleen_is_gereed_voor_publicatie").help_text,
    )
    secret = forms.CharField(
        label="nieuw secret",
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Wordt het secret van elke client id van deze applicatie. Leeg laten houdt de huidige secrets.",
    )

    class Meta:
        model = Applicatie
        fields = ("label", "client_ids", "heeft_alle_autorisaties")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alleen_is_gereed_voor_publicatie"].initial = applicatie_alleen_is_gereed_voor_publicatie(self.instance)

    def clean_client_ids(self):
        client_ids = self.cleaned_data["client_ids"]
        if len(set(client_ids)) < len(client_ids):
            raise forms.ValidationError("Een client id staat hier meer dan eens.")
        # The API's own field validation: a client id belongs to one applicatie.
        field = ApplicatieSerializer(instance=self.instance if self.instance.pk else None).fields["client_ids"]
        try:
            field.run_validation(client_ids)
        except APIValidationError as exc:
            raise forms.ValidationError(_messages(exc.detail))
        return client_ids


@admin.register(Applicatie)
class ApplicatieAdmin(admin.ModelAdmin):
    form = ApplicatieForm
    inlines = (AutorisatieInline,)
    list_display = ("label", "client_ids", "heeft_alle_autorisaties", "alleen_gereed", "secrets")
    list_filter = ("heeft_alle_autorisaties", "instellingen__alleen_is_gereed_voor_publicatie")
    search_fields = ("label", "client_ids", "uuid")
    readonly_fields = ("uuid", "secrets")
    fieldsets = (
        (None, {"fields": ("uuid", "label", "client_ids", "heeft_alle_autorisaties", "alleen_is_gereed_voor_publicatie")}),
        ("Secrets", {"fields": ("secrets", "secret")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("instellingen").annotate(secret_client_ids=SECRET_CLIENT_IDS)

    @admin.display(description="alleen gereed voor publicatie", boolean=True)
    def alleen_gereed(self, obj: Applicatie) -> bool:
        return applicatie_alleen_is_gereed_voor_publicatie(obj)

    @admin.display(description="secrets")
    def secrets(self, obj: Applicatie | None) -> str:
        if obj is None or obj.pk is None:
            return "-"
        if hasattr(obj, "secret_client_ids"):
            with_secret = set(obj.secret_client_ids)
        else:
            with_secret = _client_ids_with_secret(obj.client_ids)
        return ", ".join(f"{cid}: {'ingesteld' if cid in with_secret else 'ontbreekt'}" for cid in obj.client_ids)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        applicatie_instellingen_save(
            applicatie=obj, alleen_is_gereed_voor_publicatie=form.cleaned_data["alleen_is_gereed_voor_publicatie"]
        )
        secret = form.cleaned_data.get("secret")
        if secret:
            for client_id in obj.client_ids:
                JWTSecret.objects.update_or_create(identifier=client_id, defaults={"secret": secret})

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        applicatie = form.instance
        url = applicatie.get_absolute_api_url(request=request)
        applicatie_notify(url, "update" if change else "create")
        with_secret = _client_ids_with_secret(applicatie.client_ids)
        missing = [cid for cid in applicatie.client_ids if cid not in with_secret]
        if missing:
            self.message_user(
                request,
                f"Zonder secret kan geen token worden gemaakt voor: {', '.join(missing)}. Vul een nieuw secret in.",
                messages.WARNING,
            )

    def delete_model(self, request, obj):
        applicatie_destroy(applicatie=obj, url=obj.get_absolute_api_url(request=request))

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for applicatie in queryset:
                self.delete_model(request, applicatie)


class JWTSecretForm(forms.ModelForm):
    new_secret = forms.CharField(
        label="secret",
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Wordt nooit getoond. Bij wijzigen: leeg laten houdt het huidige secret.",
    )

    class Meta:
        model = JWTSecret
        fields = ("identifier",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_secret"].required = self.instance.pk is None

    def save(self, commit=True):
        if self.cleaned_data.get("new_secret"):
            self.instance.secret = self.cleaned_data["new_secret"]
        return super().save(commit)


@admin.register(JWTSecret)
class JWTSecretAdmin(admin.ModelAdmin):
    form = JWTSecretForm
    list_display = ("identifier", "secret_set")
    search_fields = ("identifier",)
    fields = ("identifier", "secret_set", "new_secret")
    readonly_fields = ("secret_set",)

    @admin.display(description="secret ingesteld", boolean=True)
    def secret_set(self, obj: JWTSecret | None) -> bool:
        return bool(obj and obj.secret)
