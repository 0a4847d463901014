"""What the Catalogi admins share: writes through the services, published types read-only, the publish action.

A published type accepts nothing but a new eindeGeldigheid (ztc-009), so its
change page shows every other field read-only, its parts cannot be added,
changed or deleted, and it cannot be deleted. Creating, changing, deleting and
publishing go through the services, so the admin applies the API's rules and
announces changes on the kanalen as the API does. Forms check those rules in
`clean()`, so a refusal shows on the form instead of failing the save.
"""
import re
from collections.abc import Callable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.db.models import Model
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from relativedeltafield import RelativeDeltaField
from relativedeltafield.utils import format_relativedelta, parse_relativedelta
from rest_framework.exceptions import ValidationError

from .. import selectielijst, services, transfer, versioning
from .. import services_parts as parts
from ..rules import ALWAYS_ALLOWED_ON_PUBLISHED

UrlFor = Callable[[Model], str]


def url_for_request(request) -> UrlFor:
    """The absolute API URL of a Catalogi object, on the host the admin is used on."""

    def url_for(obj: Model) -> str:
        return request.build_absolute_uri(reverse(f"{obj._meta.model_name}-detail", kwargs={"uuid": obj.uuid}))

    return url_for


class DurationFormField(forms.CharField):
    """An ISO 8601 duration (P30D, P1Y6M) for a RelativeDeltaField."""

    def prepare_value(self, value):
        return value if value is None or isinstance(value, str) else format_relativedelta(value)

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_relativedelta(value)
        except ValueError:
            raise forms.ValidationError("Geef een ISO 8601-duur op, zoals P30D of P1Y6M.", code="invalid") from None

    def has_changed(self, initial, data) -> bool:
        # Compared as durations: P21D is the stored P3W, and only changed fields go to the update service.
        try:
            value = self.to_python(data)
        except forms.ValidationError:
            return True
        if value is None or initial is None:
            return value is not initial
        return value != initial


FORMFIELD_OVERRIDES = {
    RelativeDeltaField: {"form_class": DurationFormField},
    models.URLField: {"assume_scheme": "https"},
}


def zip_response(data: bytes, name: str) -> HttpResponse:
    """A download of an export."""
    disposition = content_disposition_header(True, f"{slugify(name)}.zip")
    return HttpResponse(data, content_type="application/zip", headers={"Content-Disposition": disposition})


def limit_catalogus(form: forms.ModelForm, catalogus_id, *names: str) -> None:
    """Offer only types of the catalogus in the relation fields `names` (relations stay within one catalogus)."""
    if not str(catalogus_id or "").isdigit():
        return
    for name in names:
        if name in form.fields:
            form.fields[name].queryset = form.fields[name].queryset.filter(catalogus_id=catalogus_id)


def _field_name(api_name: str) -> str:
    """The model field an API error names (`brondatumArchiefprocedure.datumkenmerk`: `brondatum_..._datumkenmerk`)."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", api_name).lower().replace(".", "_")


class RuleCheckedForm(forms.ModelForm):
    """A form that runs a service rule in `clean()` and shows its refusal on the field it names."""

    def check_rules(self, data: dict) -> None:
        """Raise the rules' ValidationError for the cleaned `data`; subclasses say which rules."""

    def clean(self):
        data = super().clean()
        if self.errors:  # the rules need every field they read
            return data
        try:
            self.check_rules(data)
        except ValidationError as exc:
            detail = exc.detail if isinstance(exc.detail, dict) else {"": exc.detail}
            for name, errors in detail.items():
                field = _field_name(name)
                self.add_error(field if field in self.fields else None, transfer.error_text(errors))
        return data


def adopt(obj: Model, created: Model) -> None:
    """Make the admin's unsaved `obj` the object a create service saved (same field values, uuid included)."""
    obj.pk = created.pk
    obj._state.adding = False
    obj._state.db = created._state.db


class PublishableAdmin(admin.ModelAdmin):
    """A zaaktype, informatieobjecttype or besluittype: written through `services.<service_prefix>_<verb>`."""

    service_prefix = ""
    actions = ("publish",)
    formfield_overrides = FORMFIELD_OVERRIDES
    list_filter = ("concept", "catalogus")
    list_select_related = ("catalogus",)

    def service(self, verb: str) -> Callable:
        return getattr(services, f"{self.service_prefix}_{verb}")

    def publish_service(self, obj: Model, url_for: UrlFor) -> Model:
        return self.service("publish")(**{self.service_prefix: obj}, url_for=url_for)

    def get_readonly_fields(self, request, obj=None):
        if obj is None or obj.concept:
            return ("uuid", "concept")
        fields = flatten_fieldsets(self.get_fieldsets(request, obj))
        return [name for name in fields if name not in ALWAYS_ALLOWED_ON_PUBLISHED]

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and (obj is None or obj.concept)

    def get_actions(self, request):
        # Deleting goes one concept at a time from its change page: a published type is never deleted.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        url_for = url_for_request(request)
        if change:
            data = {name: form.cleaned_data[name] for name in form.changed_data}
            self.service("update")(**{self.service_prefix: obj}, data=data, partial=True, force=False, url_for=url_for)
        else:
            adopt(obj, self.service("create")(data={**form.cleaned_data, "uuid": obj.uuid}, url_for=url_for))

    def save_related(self, request, form, formsets, change):
        # The service already set the many-to-many relations with the object itself.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def delete_model(self, request, obj):
        self.service("destroy")(**{self.service_prefix: obj}, force=False, url_for=url_for_request(request))

    @admin.action(description="Publiceren", permissions=["change"])
    def publish(self, request, queryset) -> None:
        """Publish each selected concept on its own: one refused by a rule stays a concept, with the reason shown."""
        url_for = url_for_request(request)
        published = []
        for obj in queryset.order_by("pk"):
            if not obj.concept:
                self.message_user(request, f"{obj} is al gepubliceerd.", messages.WARNING)
                continue
            try:
                self.publish_service(obj, url_for)
            except ValidationError as exc:
                message = f"{obj} is niet gepubliceerd: {transfer.error_text(exc.detail)}"
                self.message_user(request, message, messages.ERROR)
            else:
                published.append(str(obj))
        if published:
            self.message_user(request, f"Gepubliceerd: {', '.join(published)}.", messages.SUCCESS)
